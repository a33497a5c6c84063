/** Pure policy for the Electron shell (no electron import here): what may load, what may call. */
import { RENDERER_CSP } from '../api/web-policy';

export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The renderer's CSP, sent as a header by the app protocol. */
export const APP_CSP = RENDERER_CSP;

/** Every web request except these is cancelled. */
export function isAllowedRequest(url: string, devServer?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (url.startsWith('blob:app://folio/') || url.startsWith('data:')) return true;
  if (url.startsWith('devtools://') || url.startsWith('chrome-devtools://')) return true;
  if (devServer && (url === devServer || url.startsWith(devServer.endsWith('/') ? devServer : `${devServer}/`)))
    return true;
  if (devServer && /^wss?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url)) return true;
  return false;
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frameUrl: string | undefined, devServer?: string): boolean {
  if (!frameUrl) return false;
  if (frameUrl.startsWith(`${APP_ORIGIN}/`)) return true;
  if (!devServer) return false;
  try {
    return new URL(frameUrl).origin === new URL(devServer).origin;
  } catch {
    return false;
  }
}

/** `--kiosk`: a museum kiosk — one full-screen window, no menu, no way to open other archives. */
export function kioskArg(argv: readonly string[]): boolean {
  return argv.includes('--kiosk');
}
