/**
 * Document-level priors: a book's index, glossary or acronym list, and a page made mostly of links
 * (a table of contents, Sphinx's genindex, DocBook's bookindex), answer a word with a short entry
 * whose BM25 score beats the page the entry points to. Their passages' final scores are multiplied
 * by a prior below 1, so they rank below the pages they point to and still come up when nothing
 * else holds the word. The engine's (lunr's) scores are untouched: the prior is applied on top of
 * the final score, by the searcher, to the matches of a page.
 *
 * A section's role is decided from what every pack already holds, once per section and kept:
 * - its title: "Index", "Glossary", "Acronyms", 索引, 用語集, 색인, 용어집… (numbering such as
 *   "Appendix M." or "付録A" left aside);
 * - its passages: a section of at least LINK_LIST_MIN passages of which at least LINK_LIST_SHARE
 *   hold a link is a list of links.
 */
import type { Passage } from '../../model/archive';
import { linkTargets } from '../../model/passage-content';
import type { PassageSource } from './passage-source';
import type { RankedMatch } from './rank';

/** The prior of an index or a page of links. */
export const INDEX_PRIOR = 0.5;
/** The prior of a glossary or acronym list: its entries explain, but in a line. */
export const GLOSSARY_PRIOR = 0.6;
/** A list of links has at least this many passages (headings aside)… */
const LINK_LIST_MIN = 8;
/** …and at least this share of them hold a link. */
const LINK_LIST_SHARE = 0.75;
/** Sections whose role is kept (the map starts afresh beyond). */
const MAX_SECTIONS = 20_000;

const NUMBERING =
  /^(?:(?:appendix|chapter|part|付録|第)\s*[\p{L}\p{N}]{0,4}[章部]?[.:．]?\s*|[\p{N}.]+\s+|[A-Z][.:]\s+)/iu;
const INDEX_TITLES =
  /^(?:index|general index|(?:python )?module index|index\s*[–—-].*|indices(?: and tables)?|索引|さくいん|索引\s*[–—-].*|색인|찾아보기|索引表)$/iu;
const GLOSSARY_TITLES = /^(?:glossary|acronyms|abbreviations|用語集|略語(?:集|一覧)?|용어집|용어 사전|약어)$/iu;

/** The prior a section's title alone gives (1 when it says nothing). */
export function titlePrior(title: string): number {
  const bare = title.normalize('NFKC').trim().replace(NUMBERING, '').trim();
  if (INDEX_TITLES.test(bare)) return INDEX_PRIOR;
  if (GLOSSARY_TITLES.test(bare)) return GLOSSARY_PRIOR;
  return 1;
}

/** The prior a section's passages give: INDEX_PRIOR for a list of links, else 1. */
export function linkListPrior(passages: readonly Passage[]): number {
  const body = passages.filter((p) => p.kind !== 'heading' && !p.repeatOf);
  if (body.length < LINK_LIST_MIN) return 1;
  const linked = body.filter((p) => p.content !== undefined && linkTargets(p.content).length > 0).length;
  return linked >= LINK_LIST_SHARE * body.length ? INDEX_PRIOR : 1;
}

/** Each section's prior, decided at its first need and kept across searches. */
export class SectionPriors {
  private readonly priors = new Map<string, number>();

  constructor(private readonly source: PassageSource) {}

  /** The prior of the section holding `passage` (1 for an ordinary page). */
  of(passage: Passage): number {
    const known = this.priors.get(passage.sectionId);
    if (known !== undefined) return known;
    let prior = titlePrior(this.source.sectionTitle(passage.sectionId));
    if (prior === 1 && typeof this.source.sectionPassages === 'function')
      prior = linkListPrior(this.source.sectionPassages(passage.sectionId));
    if (this.priors.size >= MAX_SECTIONS) this.priors.clear();
    this.priors.set(passage.sectionId, prior);
    return prior;
  }
}

/** Matches ranked with more room than the page, so that priors can only reorder what was walked. */
const FIRST_WINDOW_EXTRA = 24;
/** The widest window tried before the page is taken as it is. */
const MAX_WINDOW = 1000;

/**
 * The best `k` of the ranking with priors applied: `rankTop(window)` gives the best `window` by
 * final score (rank.ts); each is multiplied by `factor` of its passage (its section's prior, and
 * any lift up to `maxFactor`) and the lot re-sorted. A match outside the window scores at most the
 * window's last × `maxFactor`: when the k-th after priors is at least that, the page is exact;
 * otherwise the window widens (up to MAX_WINDOW, then the page is taken as it is).
 */
export function withPriors(
  k: number,
  rankTop: (window: number) => { top: RankedMatch[]; total: number },
  passagesOf: (top: RankedMatch[]) => Map<string, Passage>,
  factor: (passage: Passage) => number,
  maxFactor: number,
): { top: RankedMatch[]; total: number } {
  let window = k + Math.max(FIRST_WINDOW_EXTRA, k);
  for (;;) {
    const ranked = rankTop(window);
    if (k <= 0) return ranked;
    const byId = passagesOf(ranked.top);
    const adjusted = ranked.top.map((r) => {
      const p = byId.get(r.match.ref);
      const f = p ? factor(p) : 1;
      return f === 1 ? r : { ...r, score: r.score * f };
    });
    adjusted.sort((a, b) => b.score - a.score || a.at - b.at);
    const complete = ranked.top.length < window;
    const bound = (ranked.top[ranked.top.length - 1]?.score ?? 0) * maxFactor;
    if (complete || window >= MAX_WINDOW || (adjusted[k - 1]?.score ?? 0) >= bound)
      return { top: adjusted.slice(0, k), total: ranked.total };
    window = Math.min(MAX_WINDOW, window * 4);
  }
}
