/**
 * Picks the response encoding a client accepts (Accept-Encoding, with q-values): brotli, then gzip,
 * else none. Parsed by @hapi/accept; a header it cannot parse counts as no header (identity).
 */
import Accept from '@hapi/accept';

export type Encoding = 'br' | 'gzip' | 'identity';

/** Preference among equally acceptable encodings: smaller first. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip'];

export function chooseEncoding(header: string | undefined, available: ReadonlySet<Encoding>): Encoding {
  const offered = PREFERENCE.filter((encoding) => available.has(encoding));
  if (!header || offered.length === 0) return 'identity';
  try {
    const chosen = Accept.encoding(header, offered);
    return offered.find((encoding) => encoding === chosen) ?? 'identity';
  } catch {
    return 'identity';
  }
}
