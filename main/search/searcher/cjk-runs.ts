/**
 * Japanese, Chinese and Korean text of three characters or more is searched as character bigrams
 * (analyzer/cjk.ts), and any one bigram matches: パッケージ管理 finds every passage that says 管理
 * or ケー. Such a match is counted, and kept, only when the passage holds the characters as the
 * query wrote them, in order (in its text, heading or media title, or section title; compatibility
 * forms and case folded, spaces ignored; where the script changes, パッケージ|管理, up to RUN_GAP
 * characters may come between: パッケージの管理), or when it satisfies the query otherwise: another
 * word, or a one-script run as a whole term (a Hangul word, its variant-table form, a completion).
 * The check runs on the leading candidates (candidate-check.ts). When no passage holds any run
 * (a typo: パケージ管理), the bigram matches stand, and the total is only an estimate.
 */
import type { Passage } from '../../model/archive';
import { foldCjk } from '../analyzer/normalize';
import type { EngineMatch } from '../types';
import type { Concept } from './concepts';
import { credit } from './score';

/** Characters allowed between two pieces of a run written in two scripts (a particle: の, を). */
const RUN_GAP = 2;

/** Text the query wrote without a space, searched as CJK terms: its concepts and their pieces. */
export interface CjkRun {
  concepts: Concept[];
  /** Its characters, folded as the analyzer folds them, cut where the script changes. */
  pieces: string[];
}

const isCjk = (c: Concept): boolean =>
  c.tokens.length > 0 && c.tokens.every((t) => t.role === 'bigram' || t.role === 'cjk');

/** A CJK concept's characters: its whole run, or its bigrams put back together. */
function characters(c: Concept): string {
  const bigrams = c.tokens.filter((t) => t.role === 'bigram').sort((a, b) => a.start - b.start);
  if (bigrams.length === 0) return c.tokens.find((t) => t.role === 'cjk')?.term ?? '';
  const chars = bigrams.map((t) => Array.from(t.term)[0]!);
  return (
    chars.join('') +
    Array.from(bigrams[bigrams.length - 1]!.term)
      .slice(1)
      .join('')
  );
}

const SCRIPTS = [/[\p{Script=Katakana}ー]/u, /\p{Script=Hiragana}/u, /\p{Script=Han}/u, /\p{Script=Hangul}/u];
const scriptOf = (ch: string): number => SCRIPTS.findIndex((re) => re.test(ch));

/** Text cut where the script changes (パッケージ管理 → パッケージ, 管理). */
function byScript(text: string): string[] {
  const pieces: string[] = [];
  let last = -2;
  for (const ch of Array.from(text)) {
    const script = scriptOf(ch);
    if (script === last && pieces.length) pieces[pieces.length - 1] += ch;
    else pieces.push(ch);
    last = script;
  }
  return pieces;
}

const span = (c: Concept): [number, number] => [
  Math.min(...c.tokens.map((t) => t.start)),
  Math.max(...c.tokens.map((t) => t.end)),
];

/** The query's CJK runs that bigrams alone would over-match (three characters or more, as written). */
export function cjkRuns(positive: readonly Concept[]): CjkRun[] {
  const runs: CjkRun[] = [];
  let current: Concept[] = [];
  const close = (): void => {
    const pieces = current.flatMap((c) => byScript(characters(c)));
    const bigrams = current.reduce((n, c) => n + c.tokens.filter((t) => t.role === 'bigram').length, 0);
    if (current.length > 1 || bigrams >= 2) runs.push({ concepts: current, pieces });
    current = [];
  };
  for (const c of positive) {
    const last = current[current.length - 1];
    if (!isCjk(c)) {
      if (current.length) close();
      continue;
    }
    if (last && !(last.part === c.part && span(last)[1] === span(c)[0])) close();
    current.push(c);
  }
  if (current.length) close();
  return runs;
}

/** Folded text with spaces removed, where runs are looked for. */
function squeezed(text: string): string {
  return foldCjk(text).replace(/\s+/gu, '');
}

/** Whether `text` holds `pieces` in order, each whole, at most RUN_GAP characters apart. */
function holds(text: string, pieces: readonly string[]): boolean {
  for (let at = text.indexOf(pieces[0]!); at >= 0; at = text.indexOf(pieces[0]!, at + 1)) {
    let end = at + pieces[0]!.length;
    let i = 1;
    for (; i < pieces.length; i++) {
      const next = text.indexOf(pieces[i]!, end);
      if (next < 0 || next - end > RUN_GAP) break;
      end = next + pieces[i]!.length;
    }
    if (i === pieces.length) return true;
  }
  return false;
}

/** How a match is tested: from its terms alone, then, when they do not settle it, in its passage's text. */
export interface RunTest {
  /** The match satisfies the query without any run being read. */
  byTerms(m: EngineMatch): boolean;
  /** The passage holds one of the runs. */
  inText(p: Passage): boolean;
}

export function cjkRunTest(
  positive: readonly Concept[],
  runs: readonly CjkRun[],
  sectionTitle: (sectionId: string) => string,
): RunTest {
  const inRuns = new Set(runs.flatMap((r) => r.concepts));
  const others = positive.filter((c) => !inRuns.has(c) && c.weight > 0);
  // A one-concept run is also satisfied by a term standing for it whole (a Hangul word, a variant).
  const wholes = runs
    .filter((r) => r.concepts.length === 1)
    .map((r) => r.concepts[0]!.alternatives.filter((a) => a.set === 'whole').map((a) => a.term));
  return {
    byTerms: (m) => others.some((c) => credit(c, m) > 0) || wholes.some((terms) => terms.some((t) => m.matched.has(t))),
    inText: (p) => {
      const fields = [p.text, p.title ?? '', sectionTitle(p.sectionId)].filter((f) => f !== '').map(squeezed);
      return runs.some((r) => fields.some((f) => holds(f, r.pieces)));
    },
  };
}
