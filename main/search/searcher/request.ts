/**
 * A search request made safe: any value may arrive (over IPC or HTTP, or from the CLI), and none is
 * an error. The query is a string, the page is bounded, and the kind filter combines the request's
 * kinds with the query's `kind:` (both must allow a kind).
 */
import { PASSAGE_KINDS, type PassageKind } from '../../model/passage-kind';
import type { SearchRequest } from '../../model/search-result';
import { parseQuery, type ParsedQuery } from '../query/index';

/** Results per page when the request gives no limit. */
export const DEFAULT_LIMIT = 20;
/** Largest page a request may ask for. */
export const MAX_LIMIT = 200;

export interface ReadRequest {
  query: string;
  parsed: ParsedQuery;
  limit: number;
  offset: number;
  /** Only passages of these kinds; undefined for all (an empty set matches nothing). */
  kindFilter: Set<PassageKind> | undefined;
}

/** What `request` asks for. */
export function readRequest(request: SearchRequest): ReadRequest {
  const query = queryText(request);
  const parsed = parseQuery(query);
  const limit = Math.min(
    MAX_LIMIT,
    Math.max(0, Number.isFinite(request?.limit) ? Math.floor(request.limit!) : DEFAULT_LIMIT),
  );
  const offset = Math.max(0, Number.isFinite(request?.offset) ? Math.floor(request.offset!) : 0);
  const requested = Array.isArray(request?.kinds) ? request.kinds.filter((k) => PASSAGE_KINDS.includes(k)) : [];
  let kinds: PassageKind[] = requested;
  if (parsed.kinds.length) kinds = requested.length ? parsed.kinds.filter((k) => requested.includes(k)) : parsed.kinds;
  const kindFilter = requested.length > 0 || parsed.kinds.length > 0 ? new Set(kinds) : undefined;
  return { query, parsed, limit, offset, kindFilter };
}

/** The request's query text ('' when it has none). */
export function queryText(request: SearchRequest): string {
  return typeof request?.query === 'string' ? request.query : '';
}
