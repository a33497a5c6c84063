/** The Electron shell's pure policy (runs without Electron). */
import { describe, expect, it } from 'vitest';
import { APP_CSP, isAllowedRequest, isTrustedSender, kioskArg } from '../../main/electron/security';

describe('Electron security policy', () => {
  it('allows only the app protocol (and in-page data/blob, DevTools)', () => {
    expect(isAllowedRequest('app://folio/index.html')).toBe(true);
    expect(isAllowedRequest('app://folio/media/m0123456789ab')).toBe(true);
    expect(isAllowedRequest('blob:app://folio/1234')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'ws://example.com/',
      'ftp://x/',
      'app://folio.evil/',
    ]) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
    // The electron-vite dev server only in development.
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAllowedRequest('http://localhost:51730/x', 'http://localhost:5173')).toBe(false);
  });

  it('trusts IPC only from the app page', () => {
    expect(isTrustedSender('app://folio/index.html#/')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender('file:///work/main/out/renderer/index.html')).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    // The dev server is trusted by origin, not by prefix.
    expect(isTrustedSender('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedSender('http://localhost:51730/index.html', 'http://localhost:5173')).toBe(false);
  });

  it('has a CSP without remote origins or inline script', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
  });

  it('reads --kiosk from argv', () => {
    expect(kioskArg(['electron', '.', '--kiosk'])).toBe(true);
    expect(kioskArg(['electron', '.', '--archive', 'x.folio'])).toBe(false);
  });
});
