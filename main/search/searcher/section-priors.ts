/**
 * Document-level priors: a book's index, glossary or acronym list, and a page made mostly of links
 * (a table of contents, Sphinx's genindex, DocBook's bookindex), answer a word with a short entry
 * whose BM25 score beats the page the entry points to. Their passages' final scores are multiplied
 * by a prior below 1, so they rank below the pages they point to and still come up when nothing
 * else holds the word. The engine's (lunr's) scores are untouched: the prior is applied on top of
 * the final score, by the searcher, to the matches of a page.
 *
 * A section's role is decided from what every pack already holds:
 * - its title: "Index", "Glossary", "Acronyms", 索引, 用語集, 색인, 용어집… (numbering such as
 *   "Appendix M." or "付録A" left aside), once per section and kept;
 * - whether it is a list of links (link-lists.ts), told when the pack was built and kept in the
 *   section's row: searching reads no passage of a section to tell it.
 */
import type { Passage } from '../../model/archive';
import { isEntry } from './link-lists';
import type { PassageSource } from './passage-source';
import type { RankedMatch } from './rank';

/** The prior of an index or a page of links. */
export const INDEX_PRIOR = 0.5;
/** The prior of a glossary or acronym list: its entries explain, but in a line. */
export const GLOSSARY_PRIOR = 0.6;
/** Sections whose role is kept (the map starts afresh beyond). */
const MAX_SECTIONS = 20_000;

const NUMBERING =
  /^(?:(?:appendix|chapter|part|付録|第)\s*[\p{L}\p{N}]{0,4}[章部]?[.:．]?\s*|[\p{N}.]+\s+|[A-Z][.:]\s+)/iu;
const INDEX_TITLES =
  /^(?:index|general index|(?:python )?module index|index\s+[–—-]\s+.*|indices(?: and tables)?|索引|さくいん|索引\s+[–—-]\s+.*|색인|찾아보기|索引表)$/iu;
const GLOSSARY_TITLES = /^(?:glossary|acronyms|abbreviations|用語集|略語(?:集|一覧)?|용어집|용어 사전|약어)$/iu;

/**
 * A word every title of INDEX_TITLES or GLOSSARY_TITLES holds, in lower case. Most titles hold
 * none, and are told from this plain pattern alone: the Unicode, case-insensitive patterns above
 * cost the first search of a process about 2 ms to compile and run in V8's interpreter.
 */
const TITLE_WORDS = /index|indices|glossary|acronyms|abbreviations|索引|さくいん|색인|찾아보기|用語集|略語|용어|약어/;

/**
 * False when NUMBERING cannot match `title`, told from its first characters: a title that starts
 * with an ASCII character other than those NUMBERING can start with. Compiling NUMBERING (its
 * letter and number classes, case-insensitive) and running it cost a search that meets an index's
 * page ("Index – D", Sphinx's genindex) 1–5 ms, once a process.
 */
function mayBeNumbered(title: string): boolean {
  // 付, 第, a digit of another script, the long s or the Kelvin sign: left to NUMBERING itself.
  if (title.charCodeAt(0) >= 0x80) return true;
  // "appendix", "chapter" or "part"; a digit or a full stop; a letter followed by "." or ":".
  return /^(?:[acp]|[0-9.]|[a-z][.:])/i.test(title);
}

/** The prior a section's title alone gives (1 when it says nothing). */
export function titlePrior(title: string): number {
  const normal = title.normalize('NFKC');
  // Lower case keeps every letter these patterns match case-insensitively (NFKC has turned the
  // Kelvin sign and the long s into their ASCII letters).
  if (!TITLE_WORDS.test(normal.toLowerCase())) return 1;
  const trimmed = normal.trim();
  const bare = (mayBeNumbered(trimmed) ? trimmed.replace(NUMBERING, '') : trimmed).trim();
  if (INDEX_TITLES.test(bare)) return INDEX_PRIOR;
  if (GLOSSARY_TITLES.test(bare)) return GLOSSARY_PRIOR;
  return 1;
}

/**
 * Each section's prior, decided at its first need and kept across searches. The title decides for
 * every passage of the section; being a list of links (link-lists.ts, told when the pack was built
 * and read with the section's row), only for its short passages that hold a link themselves (the
 * entries of a list of links; its heading and opening words are the page's own).
 */
export class SectionPriors {
  private readonly byTitle = new Map<string, number>();

  constructor(private readonly source: PassageSource) {}

  /** The prior of `passage` (1 for a passage of an ordinary page). */
  of(passage: Passage): number {
    const id = passage.sectionId;
    const prior = this.byTitleOf(id);
    if (prior !== 1 || typeof this.source.sectionIsLinkList !== 'function' || !isEntry(passage)) return prior;
    return this.source.sectionIsLinkList(id) ? INDEX_PRIOR : 1;
  }

  /**
   * The prior of every passage of section `id` when the section alone decides it, as `of` would
   * give it; undefined when it is a list of links, whose entries' prior depends on their own text.
   */
  ofSection(id: string): number | undefined {
    const prior = this.byTitleOf(id);
    if (prior !== 1 || typeof this.source.sectionIsLinkList !== 'function') return prior;
    return this.source.sectionIsLinkList(id) ? undefined : 1;
  }

  private byTitleOf(id: string): number {
    let prior = this.byTitle.get(id);
    if (prior === undefined) {
      prior = titlePrior(this.source.sectionTitle(id));
      remember(this.byTitle, id, prior);
    }
    return prior;
  }
}

function remember(map: Map<string, number>, id: string, prior: number): void {
  if (map.size >= MAX_SECTIONS) map.clear();
  map.set(id, prior);
}

/** The widest window tried before the page is taken as it is. */
const MAX_WINDOW = 1000;
/** Lifted passages are looked for among this many candidates at most (bounded reading). */
const LIFT_WINDOW = 40;

/** Candidates of a window read back at a time, past the page. */
const READ_STEP = 8;

/**
 * The best `k` of the ranking with priors applied: `rankTop(window)` gives the best `window` by
 * final score (rank.ts); each is multiplied by `factor` of its passage (its section's prior, and
 * any lift up to `maxFactor`) and the lot re-sorted. A match outside the window scores at most the
 * window's last × `maxFactor`: when the k-th after priors is at least that, the page is exact;
 * otherwise the window widens ×4 (up to MAX_WINDOW, then the page is taken as it is; a lift is
 * looked for among the first LIFT_WINDOW candidates only). Without a lift the test is exact at any
 * window and its outcome only improves as the window widens, so every way of widening ends at the
 * same page: when the count does not depend on the window either (`steadyTotal`), it widens by half
 * instead, and the ranking walks no further than needed (a window of 120 walked 6,800 matches of a
 * query of two common words where 45 walked 190). The first
 * window is the page itself, whose passages are read for the hits anyway: a page with no index
 * entry and no acronym reads nothing more.
 *
 * A window's passages are read in rank order only while they can still enter its best `k`: once
 * the next candidate's score × `maxFactor` is below the k-th after priors, neither it nor any after
 * it can, and the window's page and its test are what reading the whole window would give (an
 * index entry on a page of 13,000 matches made it read 120 passages, 71 text blocks, for two).
 * Past the page, `knownFactors` gives the factor of the candidates it can tell without their
 * passages (their section's prior): only the others are read. A candidate that stays off the page
 * is never shown, and reading it decompressed a text block of its own (8 of the 38 blocks a query
 * of two words read on the large pack, for none of its hits).
 */
export function withPriors(
  k: number,
  rankTop: (window: number) => { top: RankedMatch[]; total: number },
  passagesOf: (top: RankedMatch[]) => Map<string, Passage>,
  factor: (passage: Passage) => number,
  maxFactor: number,
  steadyTotal = false,
  knownFactors?: (candidates: RankedMatch[]) => (number | undefined)[],
): { top: RankedMatch[]; total: number } {
  // Each candidate's factor, by ref: a wider window starts with the narrower one's candidates.
  const factors = new Map<string, number>();
  const adjustedOf = (r: RankedMatch): RankedMatch => {
    const f = factors.get(r.match.ref)!;
    return f === 1 ? r : { ...r, score: r.score * f };
  };
  const byFinal = (a: RankedMatch, b: RankedMatch): number => b.score - a.score || a.at - b.at;
  let window = k;
  for (;;) {
    const ranked = rankTop(window);
    if (k <= 0) return ranked;
    const top = ranked.top;
    let read = 0;
    let adjusted: RankedMatch[] = [];
    for (;;) {
      // The candidates from `read` on whose factors are not known yet, a page's worth at first.
      const want = Math.min(top.length, read < k ? k : read + READ_STEP);
      let unknown = top.slice(read, want).filter((r) => !factors.has(r.match.ref));
      if (read >= k && knownFactors && unknown.length > 0) {
        const known = knownFactors(unknown);
        unknown = unknown.filter((r, i) => {
          const f = known[i];
          if (f !== undefined) factors.set(r.match.ref, f);
          return f === undefined;
        });
      }
      if (unknown.length > 0) {
        const byId = passagesOf(unknown);
        for (const r of unknown) {
          const p = byId.get(r.match.ref);
          factors.set(r.match.ref, p ? factor(p) : 1);
        }
      }
      adjusted = adjusted.concat(top.slice(read, want).map(adjustedOf)).sort(byFinal);
      read = want;
      if (read >= top.length) break;
      if (read >= k && top[read]!.score * maxFactor < adjusted[k - 1]!.score) break;
    }
    const complete = top.length < window;
    const bound = (top[top.length - 1]?.score ?? 0) * (window >= LIFT_WINDOW ? 1 : maxFactor);
    if (complete || window >= MAX_WINDOW || (adjusted[k - 1]?.score ?? 0) >= bound)
      return { top: adjusted.slice(0, k), total: ranked.total };
    const gently = steadyTotal && maxFactor === 1;
    window = Math.min(MAX_WINDOW, gently ? Math.max(window + READ_STEP, Math.ceil(window * 1.5)) : window * 4);
  }
}
