/** The user query language (parse.ts; the syntax is the README's "Searching: the query syntax"). */
export { parseQuery, MAX_PARTS, MAX_QUERY_CHARS } from './parse';
export type { ParsedQuery, QueryPart } from './parse';
