/**
 * Whether a pack was indexed by this Folio's analyzer, for the lean `folio search` bundle, with the
 * analyzer's fingerprint remembered in a file beside the bundle. Computing it analyses a probe text
 * whose Hangul makes V8 compile the tokenizer's Unicode patterns: 25 ms of every search printed for
 * a reader. The memo belongs to one build of the bundle (its size and time), so a changed analyzer
 * is never judged by an old fingerprint; it is keyed by the archive's variant table and languages,
 * the analyzer's only inputs.
 */
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzerFingerprint } from '../archive/fingerprint';
import type { SearchablePack } from '../archive/searchable-pack';
import { createAnalyzer } from '../search/analyzer/index';

/** Archives (variant tables) remembered at once; the oldest is forgotten first. */
const REMEMBERED = 16;

interface Memo {
  bundle: string;
  fingerprints: [key: string, fingerprint: string][];
}

function readMemo(path: string, bundle: string): Memo {
  try {
    const memo = JSON.parse(readFileSync(path, 'utf8')) as Memo;
    if (memo.bundle === bundle && Array.isArray(memo.fingerprints)) return memo;
  } catch {
    // None yet, or unreadable: start afresh.
  }
  return { bundle, fingerprints: [] };
}

/** `bundleUrl`: the running bundle's own URL; the memo is kept beside it. */
export function indexMatchesAnalyzerMemo(archive: SearchablePack, bundleUrl: string): boolean {
  const { variants, languages } = archive.pack.manifest;
  const bundlePath = fileURLToPath(bundleUrl);
  const path = `${bundlePath}.fingerprints.json`;
  let bundle: string;
  try {
    const stat = statSync(bundlePath);
    bundle = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return archive.indexMatchesAnalyzer;
  }
  const key = JSON.stringify([variants, languages]);
  const memo = readMemo(path, bundle);
  let fingerprint = memo.fingerprints.find(([k]) => k === key)?.[1];
  if (fingerprint === undefined) {
    fingerprint = analyzerFingerprint(createAnalyzer({ variants, languages }));
    const entry: [string, string] = [key, fingerprint];
    memo.fingerprints = [...memo.fingerprints.filter(([k]) => k !== key), entry].slice(-REMEMBERED);
    try {
      const temporary = `${path}.${process.pid}`;
      writeFileSync(temporary, JSON.stringify(memo));
      renameSync(temporary, path);
    } catch {
      // A read-only install computes it every time.
    }
  }
  return archive.pack.analyzerFingerprint === fingerprint;
}
