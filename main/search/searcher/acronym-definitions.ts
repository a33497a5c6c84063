/**
 * Acronym definitions: a reader who types an acronym (MVCC, WAL) wants the page that explains it,
 * and that page spells it out where it first uses it: "Write-Ahead Logging (WAL)", "multiversion
 * model (Multiversion Concurrency Control, MVCC)". Short entries that only repeat the acronym (an
 * acronym list, an index line) otherwise win on BM25. A passage that defines one of the query's
 * acronyms is lifted by DEFINITION_LIFT.
 */
import type { Concept } from './concepts';

/** How much a passage that spells out one of the query's acronyms is lifted. */
export const DEFINITION_LIFT = 1.5;
/** Words before the acronym in which its expansion is looked for. */
const LOOKBACK_WORDS = 8;

/** The acronyms the query typed (in capitals, 2 to 8 letters), in capitals. */
export function queryAcronyms(concepts: readonly Concept[]): string[] {
  const out = new Set<string>();
  for (const c of concepts) {
    if (c.presence === 'prohibited') continue;
    for (const t of c.tokens)
      if (t.role === 'acronym' && t.primary && /^[a-z]{2,8}$/.test(t.raw)) out.add(t.raw.toUpperCase());
  }
  return [...out];
}

/** Whether `text` spells out `acronym` in the words right before one of its uses. */
export function definesAcronym(text: string, acronym: string): boolean {
  const letters = Array.from(acronym.toLowerCase());
  const use = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(use)) {
    const words = text
      .slice(0, m.index)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w !== '')
      .slice(-LOOKBACK_WORDS)
      .map((w) => w.toLowerCase());
    for (let from = 0; from < words.length; from++) if (spells(words.slice(from), letters)) return true;
  }
  return false;
}

/**
 * Whether `words`, all of them, spell `letters`: each word starts with the next letter and may
 * give more of them from inside it, in order (Multiversion → m, v).
 */
function spells(words: string[], letters: string[]): boolean {
  if (words.length === 0 || words.length > letters.length) return false;
  let at = 0;
  for (let w = 0; w < words.length; w++) {
    const chars = Array.from(words[w]!);
    if (chars[0] !== letters[at]) return false;
    at++;
    // Leave at least one letter for each word still to come.
    const reserve = words.length - w - 1;
    for (let i = 1; i < chars.length && at < letters.length - reserve; i++) if (chars[i] === letters[at]) at++;
  }
  return at === letters.length;
}
