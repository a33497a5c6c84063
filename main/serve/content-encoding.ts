/** Picks the response encoding a client accepts (Accept-Encoding, with q-values): brotli, then gzip, else none. */
export type Encoding = 'br' | 'gzip' | 'identity';

/** Preference among equally acceptable encodings: smaller first. */
const PREFERENCE: readonly Encoding[] = ['br', 'gzip', 'identity'];

export function chooseEncoding(header: string | undefined, available: ReadonlySet<Encoding>): Encoding {
  if (!header) return 'identity';
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token, ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    let weight = 1;
    for (const param of params) {
      const match = /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param);
      if (match) weight = Number(match[1]);
    }
    q.set(token, weight);
  }
  // Unlisted, identity is acceptable but least wanted; other codings only through "*".
  const weightOf = (encoding: Encoding): number =>
    q.get(encoding) ?? q.get('*') ?? (encoding === 'identity' ? 0.0001 : 0);
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of PREFERENCE) {
    if (encoding !== 'identity' && !available.has(encoding)) continue;
    const weight = weightOf(encoding);
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
