/** How other devices reach a reader shared with `folio serve`: what a "Share" view shows (URLs and a QR code). */
export interface ShareInfo {
  /**
   * Addresses other devices can open the reader at, one per network address of the machine, best
   * first. Empty when nothing else can reach it: the desktop app, or a server on loopback only.
   */
  urls: string[];
  /** The address for this machine itself (null in the desktop app). */
  localUrl: string | null;
  /** `urls[0]` as a QR code: an SVG document, dark modules on white with a four-module quiet zone. Null without urls. */
  qrSvg: string | null;
}
