/**
 * The searcher: from what a reader typed to a page of passage hits. Each step is a file of its own:
 *
 * 1. Read the request (request.ts) and parse the query (query/parse.ts): parts with presence,
 *    fields, phrases, `kind:` filters.
 * 2. Plan (plan.ts): analyse each part with the archive's analyzer and group its tokens into
 *    concepts (concepts.ts), any alternative term of which may satisfy it; drop stop words unless
 *    the query has nothing else; expand (expand.ts) with raw forms, joins, prefixes of a word being
 *    typed, typo corrections and splits.
 * 3. A query that asks only for kinds ("photos", `kind:media`) lists those passages in reading order
 *    instead (browse-kinds.ts).
 * 4. Search: the engine scores the concepts' clauses (clauses.ts) as lunr does; the searcher keeps
 *    the matches that satisfy every required concept (score.ts), whose quoted phrases' words stand
 *    together (phrases.ts), whose Japanese or Korean runs' characters stand in order (cjk-runs.ts;
 *    both checked on the passages: candidate-check.ts, which may leave `total` an estimate), and
 *    that hold no excluded phrase (exclusions.ts).
 * 5. Rank (rank.ts): lunr's score × coordination², lifted for passages of the kind a kind word asks
 *    for (score.ts), × the prior of the passage's section (an index or a page of links ranks below
 *    the pages it points to: section-priors.ts); only the top of the ranking is sorted.
 * 6. Show (hits.ts): the page's passages, with snippets and highlights (snippet.ts).
 *
 * Never throws for any query: a failure yields an empty response (and is passed to `onError`).
 * Damaged archive data is the exception: a SearchIndexError from the engine or a PackError from
 * the passage source is thrown, so the reader learns the pack is damaged rather than seeing
 * "no results".
 */
import type { Passage } from '../../model/archive';
import { PackError, SearchCancelledError } from '../../model/errors';
import type { SearchRequest, SearchResponse } from '../../model/search-result';
import type { Analyzer, IndexEngine } from '../types';
import { DEFINITION_LIFT, definesAcronym, queryAcronyms, titleSpellsAcronym } from './acronym-definitions';
import { browseKinds, kindWordFrequency } from './browse-kinds';
import { checkCandidates } from './candidate-check';
import { nowMs } from './clock';
import { TopScores } from './top-scores';
import { cjkRunTest, cjkRuns } from './cjk-runs';
import { engineClauses } from './clauses';
import { withoutExclusions } from './exclusions';
import { browseHits, searchHits } from './hits';
import { INTENT_FACTOR } from './kind-words';
import { PassageCache } from './passage-cache';
import { PassageKinds } from './passage-kinds';
import type { PassageSource } from './passage-source';
import { PassageTokens } from './passage-tokens';
import { phrasesStandIn } from './phrases';
import { planQuery } from './plan';
import { Ranking } from './rank';
import { readRequest } from './request';
import { finalScore, kindIntents } from './score';
import { SectionPriors, withPriors } from './section-priors';

export type { PassageSource } from './passage-source';

/** What a searcher is made of: one engine, the archive's analyzer and its passages. */
export interface SearcherOptions {
  engine: IndexEngine;
  analyzer: Analyzer;
  passages: PassageSource;
  /** Called with any internal failure (the search still answers, with no results). For tests and logs. */
  onError?: (error: unknown, request: SearchRequest) => void;
}

/** How a caller may give up a search it no longer wants (a newer as-you-type query overtook it). */
export interface SearchControl {
  /** Polled between steps of long work: true stops the search with a SearchCancelledError. */
  cancelled(): boolean;
}

/**
 * Answers search requests; never throws for a query, only for a damaged archive (see above) or a
 * search its caller cancelled (SearchCancelledError).
 */
export interface Searcher {
  search(request: SearchRequest, control?: SearchControl): SearchResponse;
}

/** Creates a searcher over an engine, the archive's analyzer and a passage source. */
export function createSearcher(options: SearcherOptions): Searcher {
  return new ArchiveSearcher(options);
}

class ArchiveSearcher implements Searcher {
  private readonly engine: IndexEngine;
  private readonly analyzer: Analyzer;
  private readonly passages: PassageSource;
  /** Kept across searches. */
  private readonly kinds: PassageKinds;
  private readonly tokens: PassageTokens;
  private readonly cache: PassageCache;
  private readonly priors: SectionPriors;

  constructor(private readonly options: SearcherOptions) {
    this.engine = options.engine;
    this.analyzer = options.analyzer;
    this.passages = options.passages;
    this.kinds = new PassageKinds(options.passages);
    this.tokens = new PassageTokens(options.analyzer);
    this.cache = new PassageCache(options.passages);
    this.priors = new SectionPriors(options.passages);
  }

  search(request: SearchRequest, control?: SearchControl): SearchResponse {
    const started = nowMs();
    try {
      return this.run(request, started, () => {
        if (control?.cancelled()) throw new SearchCancelledError('search cancelled');
      });
    } catch (error) {
      // A cancelled search is no one's. Anything else is reported, never passed off as "no results":
      // an empty answer would tell the reader the archive lacks what it may well hold.
      if (error instanceof PackError || error instanceof SearchCancelledError) throw error;
      try {
        this.options.onError?.(error, request);
      } catch {
        // a failing logger must not hide the failure it was told of
      }
      throw error;
    }
  }

  private readonly sectionTitle = (sectionId: string): string => this.passages.sectionTitle(sectionId) ?? '';

  /** Whether passage `p` explains `acronym`: spells it out, or its section's title does. */
  private explains(p: Passage, acronym: string): boolean {
    return definesAcronym(p.text, acronym) || titleSpellsAcronym(this.sectionTitle(p.sectionId), acronym);
  }

  /**
   * The prior of each passage of `ids` that its section decides, found without reading the passage
   * (undefined for one kept already, which costs nothing to read, or one whose own text decides).
   */
  private sectionPriors(ids: string[]): (number | undefined)[] {
    if (typeof this.passages.passageSections !== 'function') return ids.map(() => undefined);
    const unread = ids.filter((id) => !this.cache.has(id));
    const sections = unread.length ? this.passages.passageSections(unread) : [];
    const found = new Map(unread.map((id, i) => [id, sections[i]] as const));
    return ids.map((id) => {
      const section = found.get(id);
      return section === undefined ? undefined : this.priors.ofSection(section);
    });
  }

  private run(request: SearchRequest, started: number, checkCancelled: () => void): SearchResponse {
    // 1. What is asked.
    const { query, parsed, limit, offset, kindFilter } = readRequest(request);
    const respond = (total: number, results: SearchResponse['results'], estimate = false): SearchResponse => ({
      query,
      total,
      ...(estimate ? { totalIsEstimate: true } : {}),
      tookMs: nowMs() - started,
      results,
    });
    if (kindFilter && kindFilter.size === 0) return respond(0, []);

    // 2. The concepts searched for.
    const { concepts, phrases } = planQuery(
      parsed.parts,
      parsed.partialLast,
      this.analyzer,
      this.engine,
      checkCancelled,
    );
    checkCancelled();
    const positive = concepts.filter((c) => c.presence !== 'prohibited');

    // 3. Only kinds asked for: the passages of those kinds, unless the kind word is commoner as a
    // word. The count comes first (a page of none), so a word search reads no passage here.
    const kindsOnly = browseKinds(concepts, kindFilter);
    if (kindsOnly && typeof this.passages.passagesOfKinds === 'function') {
      const ofKinds = this.passages.passagesOfKinds(kindsOnly, 0, 0).total;
      if (concepts.length === 0 || ofKinds > kindWordFrequency(concepts, this.engine)) {
        const page = this.passages.passagesOfKinds(kindsOnly, offset, limit);
        return respond(page.total, browseHits(page.passages, this.passages));
      }
    }

    // 4. The engine's matches, then what lunr cannot express.
    if (positive.length === 0) return respond(0, []);
    const clauses = engineClauses(concepts);
    if (!clauses.some((c) => c.presence !== 'prohibited')) return respond(0, []);
    let matches = this.engine.ranked(clauses);
    // Required concepts (+word, phrases) must be satisfied by some alternative (credit > 0).
    const required = positive.filter((c) => c.presence === 'required');
    if (required.length)
      matches = matches.holding(
        required.map((c) => ({ terms: c.alternatives.map((a) => a.term), ...(c.fields ? { fields: c.fields } : {}) })),
      );
    // A quoted phrase's words must also stand together in one field of the passage.
    checkCancelled();
    const score = finalScore(positive);
    const k = offset + limit;
    const intents = kindIntents(positive).size > 0;
    const acronyms = queryAcronyms(positive);
    const lift = acronyms.length ? DEFINITION_LIFT : 1;
    // A quoted phrase's words must stand together, and a Japanese or Korean run's bigrams must
    // stand in order (or the passage satisfy the query otherwise), in the passages themselves.
    const multiWordPhrases = phrases.filter((phrase) => phrase.length > 1);
    const runs = cjkRuns(positive);
    let totalIsEstimate = false;
    let unchecked = 0;
    if (multiWordPhrases.length || runs.length) {
      const standTogether = multiWordPhrases.length
        ? phrasesStandIn(multiWordPhrases, this.sectionTitle, this.analyzer, (p) => this.tokens.of(p))
        : undefined;
      const inOrder = runs.length ? cjkRunTest(positive, runs, this.sectionTitle) : undefined;
      const keptTop = new TopScores(k);
      let scored = 0;
      const checked = checkCandidates(
        matches,
        (m, p) => {
          if (!p) return !standTogether && !!inOrder?.byTerms(m);
          return (!standTogether || standTogether(p)) && (!inOrder || inOrder.byTerms(m) || inOrder.inText(p));
        },
        this.cache,
        {
          // Settled when the page's last, scored without its kind's lift, beats any later candidate
          // lifted (rank.ts's rule); a kind filter decides only once kinds are known: never here.
          // The kept matches' k best scores are kept too (the check only appends to `kept`, and asks after each hit).
          settled: (kept, nextScore) => {
            if (kindFilter || kept.length < k) return false;
            if (k === 0) return true;
            for (; scored < kept.length; scored++) keptTop.add(score(kept[scored]!, undefined));
            return keptTop.kth()! > nextScore * (intents ? INTENT_FACTOR : 1) * lift;
          },
          // With a kind filter, as many of any kind: the time bound then leaves a page with hits.
          full: (kept) => kept.length >= k,
          checkCancelled,
          page: k,
        },
      );
      if (checked.matches.length === 0 && !standTogether) {
        // No passage holds a run in order (a typo): the bigram matches stand, counted roughly.
        totalIsEstimate = checked.candidates > 0;
      } else {
        // Beyond the candidates checked, matches are counted at the rate of those checked.
        const rest = checked.candidates - checked.checked;
        if (rest > 0) {
          totalIsEstimate = true;
          unchecked = Math.round((rest * checked.matches.length) / Math.max(1, checked.checked));
        }
        matches = checked.matches;
      }
    }
    matches = withoutExclusions(matches, concepts, this.engine);
    checkCancelled();

    // 5. The best of them, up to the end of the page.
    // An index, a glossary or a page of links ranks below the pages it points to; a passage that
    // spells out an acronym the query typed is lifted (section-priors.ts, acronym-definitions.ts).
    const keepZero = positive.every((c) => c.stop);
    const ranking = new Ranking(matches, score, this.kinds, { intents, kindFilter, keepZero, checkCancelled });
    // Every match scores above zero (each holds a term of a concept, in any field), so how many
    // there are does not depend on how far the ranking walked.
    const steadyTotal = !keepZero && positive.every((c) => !c.fields);
    const ranked = withPriors(
      k,
      (window) => ranking.top(window),
      (top) => new Map(this.cache.byIds(top.map((r) => r.match.ref)).map((p) => [p.id, p])),
      (p) => this.priors.of(p) * (acronyms.some((a) => this.explains(p, a)) ? DEFINITION_LIFT : 1),
      lift,
      steadyTotal,
      acronyms.length ? undefined : (candidates) => this.sectionPriors(candidates.map((r) => r.match.ref)),
    );

    // 6. The page, as the reader sees it.
    const page = ranked.top.slice(offset, offset + limit);
    return respond(ranked.total + unchecked, searchHits(page, this.passages, this.cache, this.tokens), totalIsEstimate);
  }
}
