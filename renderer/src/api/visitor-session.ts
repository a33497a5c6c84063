/**
 * The kiosk visitor's session id (made when a visitor touches the attract screen, dropped at the reset).
 * Under `folio serve --kiosk` the HTTP client sends it as `X-Folio-Session`: it names the visitor's
 * profile on the server instead of a cookie, so no profile outlives the visit.
 */
let current: string | null = null;

export const visitorSession = (): string | null => current;

export function setVisitorSession(id: string | null): void {
  current = id;
}

/** A random v4 UUID from getRandomValues (randomUUID needs a secure context, which a LAN address is not). */
export function newSessionId(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
