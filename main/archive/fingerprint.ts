/**
 * A pack's index is only valid for the analyzer that built it: queries are analysed at search time
 * with the running code. The fingerprint is a hash of what the analyzer makes of a probe text that
 * exercises its features, so any change in analysis changes it, with no version number to forget.
 */
import type * as Crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { Analyzer } from '../search/types';
import { SEARCH_FIELDS } from '../search/types';

const PROBE =
  "Kim Il-sung's P'yongyang U.N. UN U.S. ROK 1,000 120000 '50s 1950s MiG-15 Yak 9 T34 B-29s running armies " +
  "제주 4·3 민중항쟁 Ü naïve café Œuvre «quoted» don’t isn't 3.14 e-mail the and of";

export function analyzerFingerprint(analyzer: Analyzer): string {
  // node:crypto is loaded when a fingerprint is first needed, through a require made then too (a
  // third of a millisecond, at the start of every search): `folio search --json` never needs one.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  const hash = createHash('sha256');
  for (const field of SEARCH_FIELDS) hash.update(JSON.stringify(analyzer.analyze(PROBE, field)));
  return hash.digest('hex').slice(0, 16);
}
