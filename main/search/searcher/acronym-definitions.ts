/**
 * Acronym definitions: a reader who types an acronym (MVCC, WAL) wants the page that explains it,
 * and that page spells it out where it first uses it: "Write-Ahead Logging (WAL)", "multiversion
 * model (Multiversion Concurrency Control, MVCC)". Short entries that only repeat the acronym (an
 * acronym list, an index line) otherwise win on BM25. A passage that defines one of the query's
 * acronyms, or whose section's title spells one out (7.8. WITH Queries (Common Table Expressions)
 * for CTE), is lifted by DEFINITION_LIFT.
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

const wordsOf = (text: string): string[] =>
  text
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => w.toLowerCase());

/** What may stand between an expansion and its acronym after it: "Write-Ahead Logging (WAL)", "…Control, MVCC". */
const BEFORE_ACRONYM = /[(（,]\s*$/u;
/** What may introduce an expansion after its acronym: "TOAST (The…", "GIN stands for…". */
const AFTER_ACRONYM = /^\s*(?:[(（]|,|:|—|-|stands\s+for\b|is\s+short\s+for\b|means\b)/iu;

/**
 * Whether `text` spells out `acronym` where it uses it: in the words right before it, in the
 * manner of "Write-Ahead Logging (WAL)", or right after it, in the manner of "TOAST (The
 * Oversized-Attribute Storage Technique)" and "GIN stands for Generalized Inverted Index".
 */
export function definesAcronym(text: string, acronym: string): boolean {
  const letters = Array.from(acronym.toLowerCase());
  const use = new RegExp(`(?<![\\p{L}\\p{N}])${acronym}(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(use)) {
    const head = text.slice(0, m.index);
    if (BEFORE_ACRONYM.test(head)) {
      const before = wordsOf(head).slice(-LOOKBACK_WORDS);
      for (let from = 0; from < before.length; from++) if (spells(before.slice(from), letters)) return true;
    }
    const tail = text.slice(m.index + acronym.length);
    const intro = AFTER_ACRONYM.exec(tail);
    if (intro) {
      const after = wordsOf(tail.slice(intro[0].length)).slice(0, letters.length);
      for (let n = 2; n <= after.length; n++) if (spells(after.slice(0, n), letters)) return true;
    }
  }
  return false;
}

/** Whether a title spells out `acronym` in words of its own (Common Table Expressions: CTE). */
export function titleSpellsAcronym(title: string, acronym: string): boolean {
  const letters = Array.from(acronym.toLowerCase());
  const words = wordsOf(title);
  for (let from = 0; from < words.length; from++)
    for (let n = 1; n <= letters.length && from + n <= words.length; n++)
      if (spells(words.slice(from, from + n), letters)) return true;
  return false;
}

/**
 * Whether `words`, two or more and all of them, spell `letters`: each word starts with the next
 * letter and may give more of them from inside it, in order (Multiversion → m, v). The acronym
 * itself is no word of its spelling.
 */
function spells(words: string[], letters: string[]): boolean {
  if (words.length < 2 || words.length > letters.length) return false;
  const acronym = letters.join('');
  if (words.some((w) => w === acronym)) return false;
  const chars = words.map((w) => Array.from(w));
  // From word `w` on, with `at` letters spelt: the word starts with the next letter, then gives
  // any number of the following ones from inside it, in order.
  const from = (w: number, at: number): boolean => {
    if (w === chars.length) return at === letters.length;
    const word = chars[w]!;
    if (at >= letters.length || word[0] !== letters[at]) return false;
    if (from(w + 1, at + 1)) return true;
    let next = at + 1;
    for (let i = 1; i < word.length && next < letters.length; i++) {
      if (word[i] !== letters[next]) continue;
      next++;
      if (from(w + 1, next)) return true;
    }
    return false;
  };
  return from(0, 0);
}
