/** The user query language: see parse.ts for the syntax. */
export { parseQuery, MAX_PARTS, MAX_QUERY_CHARS } from './parse';
export type { ParsedQuery, QueryPart } from './parse';
