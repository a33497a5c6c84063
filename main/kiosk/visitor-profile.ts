/**
 * Under `folio serve --kiosk`, a visitor's profile is named by the page (the `X-Folio-Session` header, a
 * random id made when the visitor touches the attract screen), never by a cookie: no profile outlives the
 * page that made it, and a reset makes a new one.
 */
import type { IncomingMessage } from 'node:http';

export const VISITOR_HEADER = 'x-folio-session';
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function visitorProfile(req: IncomingMessage): string {
  const header = req.headers[VISITOR_HEADER];
  return typeof header === 'string' && SESSION_ID.test(header) ? `kiosk-${header}` : 'kiosk-attract';
}
