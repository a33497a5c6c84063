/** Pure policy for the Electron shell (no electron import here): what may load, what may call. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'folio';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** The renderer's CSP, sent as a header by the app protocol (index.html also carries it as a meta). */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** Every web request except these is cancelled. */
export function isAllowedRequest(url: string, devServer?: string): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`)) return true;
  if (url.startsWith('blob:app://folio/') || url.startsWith('data:')) return true;
  if (url.startsWith('devtools://') || url.startsWith('chrome-devtools://')) return true;
  if (devServer && (url === devServer || url.startsWith(devServer.endsWith('/') ? devServer : `${devServer}/`))) return true;
  if (devServer && /^wss?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(url)) return true;
  return false;
}

/** IPC is answered only for the app's own top-level page. */
export function isTrustedSender(frameUrl: string | undefined, devServer?: string): boolean {
  if (!frameUrl) return false;
  if (frameUrl.startsWith(`${APP_ORIGIN}/`)) return true;
  return !!devServer && frameUrl.startsWith(devServer);
}

/** `--archive <file>` or `--archive=<file>` from argv. */
export function archiveArg(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--archive') return argv[i + 1] ?? null;
    if (arg.startsWith('--archive=')) return arg.slice('--archive='.length);
  }
  return null;
}
