import { describe, expect, it } from 'vitest';
import type { Passage } from '../../main/model/archive';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { toIndexDocuments } from '../../main/search/documents';
import { buildLunrIndex } from '../reference/lunr-build';
import { MemoryEngine } from '../reference/memory-engine';
import { createSearcher } from '../../main/search/searcher/searcher';
import { bestSnippet, highlightSpans, matchedSpans } from '../../main/search/searcher/snippet';
import { fixturePassages, fixtureSearcher, textSearcher } from './fixture';

const { searcher, analyzer } = fixtureSearcher();
const top = (query: string, n = 3, extra: object = {}) => searcher.search({ query, limit: n, ...extra }).results;
const words = (h: { text: string; highlights: [number, number][] }) => h.highlights.map(([s, e]) => h.text.slice(s, e));

describe('searcher', () => {
  it('returns passage-level hits with section, title, full text, snippet and highlights', () => {
    const before = performance.now();
    const r = searcher.search({ query: 'Pusan' });
    const elapsed = performance.now() - before;
    expect(r.query).toBe('Pusan');
    expect(r.total).toBeGreaterThan(0);
    // The time reported is this search's own: some, and no more than the call took.
    expect(r.tookMs).toBeGreaterThan(0);
    expect(r.tookMs).toBeLessThanOrEqual(elapsed);
    const h = r.results[0]!;
    expect(h.text).toContain('Pusan Perimeter');
    expect(h.section).toBe('The Korean War');
    expect(h.sectionId).toBe('war');
    expect(h.text.slice(h.snippetStart, h.snippetStart + h.snippet.length)).toBe(h.snippet);
    expect(words(h)).toEqual(['Pusan']);
  });

  it('highlights the words as written for variants, fuzzy matches, designations and Hangul', () => {
    expect(words(top('Busan')[0]!)).toEqual(['Pusan']);
    expect(words(top('Chistyakov')[0]!)).toEqual(['Chistiakov']);
    expect(words(top('Yak9')[0]!)).toContain('Yak 9');
    expect(words(top('민중')[0]!)).toContain('민중항쟁');
    expect(words(top('Gaeseong')[0]!)).toEqual(['Kaesong']);
  });

  it('ranks exact matches above fuzzy ones', () => {
    // "chosen" is not in the fixture; an archive holding both words ranks the exact one first.
    const s = textSearcher(['The Chosin Reservoir', 'They chose China', 'the chosen few'], {
      idPrefix: 'x',
      languages: ['en'],
      sectionTitle: 'S',
    });
    const r = s.search({ query: 'chosin ' }).results.map((h) => h.text);
    expect(r[0]).toBe('The Chosin Reservoir');
  });

  it('does not let fuzzy expansion of a known word drown its exact matches', () => {
    const r = top('Korean ', 5);
    for (const h of r) expect(words(h).join(' ')).toMatch(/Korean/);
  });

  it('matches words the archive writes joined when the query spaces them', () => {
    expect(top('Heart break Ridge ')[0]!.text).toContain('Heartbreak Ridge');
    expect(top('Pork chop Hill ')[0]!.text).toContain('Porkchop Hill');
    expect(top('Mc Carthyism ')[0]!.text).toContain('McCarthyism');
  });

  it('rewards the share of query words matched (plain questions)', () => {
    expect(top('which Soviet pilot had the most kills')[0]!.text).toContain('Pepelyaev');
  });

  it('drops stop words unless the query has nothing else', () => {
    expect(searcher.search({ query: 'the' }).total).toBeGreaterThan(0);
    expect(top('the Heartbreak Ridge ')[0]!.text).toContain('Heartbreak Ridge');
    expect(searcher.search({ query: 'of the ' }).total).toBeGreaterThan(0);
  });

  it('keeps the acronym US and drops the pronoun us; 2-letter words never prefix-expand', () => {
    expect(top('US')[0]!.text).toMatch(/U\.S\./);
    const us = searcher.search({ query: 'us', limit: 100 }).results;
    for (const h of us) expect(words(h).every((w) => /^(U\.S\.|US|us)$/i.test(w))).toBe(true);
    const un = searcher.search({ query: 'un', limit: 100 }).results;
    for (const h of un) expect(words(h).every((w) => /^(U\.N\.|UN)$/.test(w))).toBe(true);
  });

  it('finds partial words while typing, not after a space', () => {
    expect(top('Pus')[0]!.text).toContain('Pusan');
    expect(top('Chis')[0]!.text).toContain('Chistiakov');
    expect(top('armis').some((h) => h.text.includes('armistice'))).toBe(true);
    expect(searcher.search({ query: 'Chis ' }).total).toBe(0);
  });

  it('leans towards media and captions on kind-intent words', () => {
    expect(top('Into the Fire trailer')[0]!.kind).toBe('media');
    expect(top('Seoul Station photo')[0]!.kind).toBe('caption');
  });

  it('lists the passages of a kind, in reading order, when the query names only kinds', () => {
    const { passages } = fixturePassages();
    const ids = (kinds: string[]) => passages.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
    for (const [query, kinds] of [
      ['photos', ['caption']],
      ['Pictures', ['caption']],
      ['videos', ['media']],
      ['films and photos', ['caption', 'media']],
      ['kind:media', ['media']],
    ] as const) {
      const r = searcher.search({ query, limit: 100 });
      expect(
        r.results.map((h) => h.passageId),
        query,
      ).toEqual(ids([...kinds]));
      expect(r.total, query).toBe(ids([...kinds]).length);
    }
    // The request's kinds narrow the kind words, and an empty query with kinds lists them.
    expect(searcher.search({ query: 'photos', kinds: ['media'] }).total).toBe(0);
    expect(searcher.search({ query: '', kinds: ['media'] }).results.map((h) => h.passageId)).toEqual(ids(['media']));
    expect(searcher.search({ query: 'videos', limit: 2, offset: 1 }).results.map((h) => h.passageId)).toEqual(
      ids(['media']).slice(1, 3),
    );
    // A kind word with other words, in quotes or excluded is a search as before.
    expect(searcher.search({ query: 'Seoul photo', limit: 100 }).results.every((h) => /Seoul/.test(h.text))).toBe(true);
    expect(searcher.search({ query: '"photos"' }).total).toBe(0);
    expect(searcher.search({ query: 'Korean -photos' }).results.length).toBeGreaterThan(0);
  });

  it('takes only kind words for kind words, not names JavaScript objects have', () => {
    // "constructor" or "toString" (as in software documentation) is a word like any other: with
    // "videos" it searches both words rather than listing every video.
    for (const query of ['videos constructor', 'toString videos', 'videos __proto__']) {
      const r = searcher.search({ query, limit: 100 });
      expect(r.results.length, query).toBeGreaterThan(0);
      expect(
        r.results.every((h) => /video/i.test(h.text)),
        query,
      ).toBe(true);
    }
  });

  it('treats a kind word as a word where it is commoner than that kind', () => {
    // "image" is written in more passages here than there are captions: it means the word.
    const { passages, sections } = fixturePassages();
    const words: Passage[] = passages.map((p, i) =>
      p.kind === 'text' ? { ...p, text: `${p.text} image`, id: `w${i}` } : { ...p, id: `w${i}` },
    );
    const analyzer = createAnalyzer({ variants: [], languages: ['en'] });
    const byId = new Map(words.map((p) => [p.id, p]));
    const s = createSearcher({
      engine: new MemoryEngine(buildLunrIndex(toIndexDocuments(words, sections), analyzer)),
      analyzer,
      passages: {
        passagesByIds: (ids) => ids.map((id) => byId.get(id)).filter((p): p is Passage => !!p),
        sectionTitle: () => 'The Korean War',
        passagesOfKinds: (kinds, offset, limit) => {
          const all = words.filter((p) => kinds.includes(p.kind));
          return { total: all.length, passages: all.slice(offset, offset + limit) };
        },
      },
    });
    const r = s.search({ query: 'image', limit: 100 });
    expect(r.total).toBe(words.filter((p) => p.kind === 'text').length);
    expect(r.results.every((h) => h.kind === 'text' && h.highlights.length > 0)).toBe(true);
  });

  it('filters by kind from the request and from kind:', () => {
    for (const h of searcher.search({ query: 'Korean', kinds: ['caption'] }).results) expect(h.kind).toBe('caption');
    for (const h of searcher.search({ query: 'kind:media Korean' }).results) expect(h.kind).toBe('media');
    expect(searcher.search({ query: 'kind:media Pusan' }).total).toBe(0);
    expect(searcher.search({ query: 'kind:media Korean', kinds: ['caption'] }).total).toBe(0);
  });

  it('applies required, excluded, phrase and field syntax', () => {
    const texts = (q: string) => searcher.search({ query: q, limit: 100 }).results.map((h) => h.text);
    expect(texts('Soviet -MiG').some((t) => /MiG/i.test(t))).toBe(false);
    expect(texts('+Stalin Korea').every((t) => t.includes('Stalin'))).toBe(true);
    expect(texts('"Heartbreak Ridge"')).toHaveLength(1);
    // A phrase's words must stand together, in order; stop words in it count.
    expect(texts('"Ridge Heartbreak"')).toHaveLength(0);
    expect(texts('"Pusan Perimeter"')).toHaveLength(1);
    expect(texts('"Perimeter Pusan"')).toHaveLength(0);
    expect(texts('"running of the war"')).toEqual(['Running armies and the running of the war.']);
    expect(texts('"the running armies"')).toHaveLength(0);
    expect(texts('"Soviet aces"')).toHaveLength(0); // "16 Soviet pilots became aces": both words, not together
    expect(texts('+Soviet +aces')).toHaveLength(1);
    // Variants and names that span several words still make one phrase word.
    expect(texts('"Kim Il-sung was handpicked"')).toHaveLength(1);
    expect(texts('"Busan Perimeter"')).toHaveLength(1);
    expect(texts('media:Fire')).toHaveLength(1);
    expect(texts('-"Pusan Perimeter" troops').some((t) => t.includes('Pusan Perimeter'))).toBe(false);
  });

  it('pages results', () => {
    const all = searcher.search({ query: 'Korean', limit: 100 });
    const page = searcher.search({ query: 'Korean', limit: 2, offset: 1 });
    expect(page.total).toBe(all.total);
    expect(page.results.map((h) => h.passageId)).toEqual(all.results.slice(1, 3).map((h) => h.passageId));
    expect(searcher.search({ query: 'Korean' }).results.length).toBeLessThanOrEqual(20);
  });

  it('ranks the same whatever the page size (the top-k walk stops early but equals a full sort)', () => {
    for (const q of ['Korean', 'Soviet pilots', 'war photo', 'Chis', 'the', 'Korea kind:caption']) {
      const all = searcher.search({ query: q, limit: 100 });
      const paged: string[] = [];
      for (let offset = 0; offset < all.results.length; offset += 2)
        paged.push(...searcher.search({ query: q, limit: 2, offset }).results.map((h) => h.passageId));
      expect(paged, q).toEqual(all.results.map((h) => h.passageId));
      expect(searcher.search({ query: q, limit: 1 }).total, q).toBe(all.total);
    }
  });

  it('never throws and reports no internal errors', () => {
    const { passages } = fixturePassages();
    const errors: unknown[] = [];
    const a = createAnalyzer({ variants: [], languages: ['en'] });
    const s = createSearcher({
      engine: new MemoryEngine(
        buildLunrIndex(
          toIndexDocuments(passages, [
            { id: 'war', ordinal: 0, title: 'W', titleIsMetadata: true, passageCount: 1, firstPassageId: 'p0' },
          ]),
          a,
        ),
      ),
      analyzer: a,
      passages: { passagesByIds: (ids) => passages.filter((p) => ids.includes(p.id)), sectionTitle: () => 'W' },
      onError: (e) => errors.push(e),
    });
    for (const q of [
      '',
      'title:',
      '~',
      '+',
      '*',
      '"',
      ':',
      '\u0000',
      '😀',
      'x'.repeat(10_000),
      '-',
      '--x',
      'constructor',
      '__proto__',
      'kind:',
    ]) {
      expect(() => s.search({ query: q })).not.toThrow();
    }
    expect(errors).toEqual([]);
    // A failing passage source is reported, not answered as "no results".
    const broken = createSearcher({
      engine: new MemoryEngine(
        buildLunrIndex(
          toIndexDocuments(passages, [
            { id: 'war', ordinal: 0, title: 'W', titleIsMetadata: true, passageCount: 1, firstPassageId: 'p0' },
          ]),
          a,
        ),
      ),
      analyzer: a,
      passages: {
        passagesByIds: () => {
          throw new Error('x');
        },
        sectionTitle: () => '',
      },
    });
    expect(() => broken.search({ query: 'Pusan' })).toThrow('x');
  });
});

describe('a search overtaken by a newer one', () => {
  it('stops at a step after it has started, not only before it', async () => {
    const { SearchCancelledError } = await import('../../main/model/errors');
    const s = fixtureSearcher().searcher;
    const query = 'Pusan perimeter armistise';
    // Counting the checks of one search run to its end tells how many steps it has.
    let steps = 0;
    const full = s.search({ query }, { cancelled: () => (steps++, false) });
    expect(full.total).toBeGreaterThan(0);
    expect(steps).toBeGreaterThan(2);
    // Overtaken after its first step: it throws at the next, and the steps after it never run.
    let checks = 0;
    expect(() => s.search({ query }, { cancelled: () => ++checks > 1 })).toThrow(SearchCancelledError);
    expect(checks).toBe(2);
  });
});

describe('typo corrections of a long query', () => {
  it('stop between words once the search is overtaken', async () => {
    const { SearchCancelledError } = await import('../../main/model/errors');
    const { passages, sections } = fixturePassages();
    const engine = new MemoryEngine(buildLunrIndex(toIndexDocuments(passages, sections), analyzer));
    let walks = 0;
    const counting = Object.assign(Object.create(engine) as MemoryEngine, {
      expandFuzzy: (term: string, distance: number, limit: number) => {
        walks++;
        return engine.expandFuzzy(term, distance, limit);
      },
    });
    const s = createSearcher({
      engine: counting,
      analyzer,
      passages: {
        passagesByIds: (ids) => passages.filter((p) => ids.includes(p.id)),
        sectionTitle: (id) => sections.find((x) => x.id === id)?.title ?? '',
      },
    });
    const query = 'armistise perimiter negotiatons brainwashd';
    expect(s.search({ query }).total).toBeGreaterThan(0);
    expect(walks).toBeGreaterThanOrEqual(4);
    // Overtaken while the first word is corrected: no other word's vocabulary walk runs.
    walks = 0;
    let polls = 0;
    expect(() => s.search({ query }, { cancelled: () => walks > 0 && ++polls > 0 })).toThrow(SearchCancelledError);
    expect(walks).toBe(1);
  });
});

describe('a quoted phrase checked on many passages', () => {
  // 300 passages that hold both words, never together: every one is a candidate that fails.
  const texts = Array.from(
    { length: 300 },
    (_, i) => `The crane number ${i} stood on the quay, and the harbour master logged it.`,
  );
  const s = textSearcher(texts, { idPrefix: 'q', languages: ['en'], sectionTitle: 'Quay log' });

  it('polls for cancellation before each passage it reads', () => {
    let polls = 0;
    const r = s.search({ query: '"harbour crane"' }, { cancelled: () => (polls++, false) });
    expect(r.total).toBe(0);
    expect(polls).toBeGreaterThanOrEqual(texts.length);
  });

  it('stops after CHECK_UNFILLED_MS however many candidates are left, and says the total is an estimate', async () => {
    const { CHECK_UNFILLED_MS } = await import('../../main/search/searcher/candidate-check');
    // A slow machine: every step takes 5 ms.
    let polls = 0;
    const slow = () => {
      polls++;
      const until = performance.now() + 5;
      while (performance.now() < until);
      return false;
    };
    const before = performance.now();
    const r = s.search({ query: '"harbour crane"' }, { cancelled: slow });
    const elapsed = performance.now() - before;
    expect(r.results).toEqual([]);
    expect(r.totalIsEstimate).toBe(true);
    // Unbounded, the check would poll 300 times (1.5 s). The margin on the time is for a loaded machine's
    // scheduling (a helper saw this fail once at 200 ms), still well short of the unbounded 1.5 s.
    expect(polls).toBeLessThan(texts.length / 2);
    expect(elapsed).toBeLessThan(CHECK_UNFILLED_MS + 500);
  });
});

describe('a damaged index', () => {
  it('is thrown as it is, and so is any other failure inside a search, never an empty answer', async () => {
    const { PackError, SearchIndexError } = await import('../../main/model/errors');
    const { passages, sections } = fixturePassages();
    const engine = new MemoryEngine(buildLunrIndex(toIndexDocuments(passages, sections), analyzer));
    const failing = (error: Error) =>
      createSearcher({
        engine: Object.assign(Object.create(engine) as MemoryEngine, {
          query: () => {
            throw error;
          },
        }),
        analyzer,
        passages: { passagesByIds: () => [], sectionTitle: () => '' },
      });
    expect(() => failing(new SearchIndexError('postings of "pusan" undecodable')).search({ query: 'Pusan' })).toThrow(
      /search index: postings/,
    );
    const pack = new PackError('x.folio: block 3 is missing');
    expect(() => failing(pack).search({ query: 'Pusan' })).toThrow(/block 3/);
    expect(() => failing(new TypeError('a bug')).search({ query: 'Pusan' })).toThrow('a bug');
  });
});

describe('snippets', () => {
  it('picks the window with the most matches and keeps offsets into the full text', () => {
    const text = `${'Filler words here. '.repeat(30)}Pusan and Taegu and Pusan again. ${'More filler. '.repeat(30)}`;
    const spans = highlightSpans(text, new Set(['pusan', 'taegu']), analyzer);
    expect(spans).toHaveLength(3);
    const s = bestSnippet(text, spans);
    expect(s.snippet.length).toBeLessThanOrEqual(260);
    expect(s.snippet).toContain('Pusan and Taegu and Pusan');
    expect(text.slice(s.snippetStart, s.snippetStart + s.snippet.length)).toBe(s.snippet);
    for (const [a, b] of s.highlights) expect(['Pusan', 'Taegu']).toContain(text.slice(a, b));
  });

  it('prefers the window with more different matched words over repeats of one', () => {
    const text = `Soviet Soviet Soviet Soviet advisers. ${'Filler words here. '.repeat(20)}Soviet pilots with 23 kills.`;
    const tokens = analyzer.analyze(text, 'text');
    const spans = matchedSpans(tokens, new Set(['soviet', 'pilot', 'kill']));
    const s = bestSnippet(
      text,
      spans.map((x) => x.span),
      120,
      spans.map((x) => x.terms),
    );
    expect(s.snippet).toContain('Soviet pilots with 23 kills');
  });

  it('returns short passages whole', () => {
    expect(bestSnippet('A ROK soldier', [[2, 5]])).toEqual({
      snippet: 'A ROK soldier',
      snippetStart: 0,
      highlights: [[2, 5]],
    });
  });
});

describe('index documents', () => {
  it('fills the four fields by kind and skips repeats', () => {
    const { passages, sections } = fixturePassages();
    const repeat: Passage = { ...passages[2]!, id: 'rep', repeatOf: passages[2]!.id };
    const docs = toIndexDocuments([...passages, repeat], sections);
    expect(docs.find((d) => d.id === 'rep')).toBeUndefined();
    const media = docs.find((d) => d.kind === 'media' && d.fields.media.startsWith('Into the Fire'))!;
    expect(media.fields.media).toBe('Into the Fire Korean movie');
    expect(media.fields.text).toBe('The film is based on a true story. Watch trailer .');
    const caption = docs.find((d) => d.kind === 'caption')!;
    expect(caption.fields.caption).toContain('Seoul Station');
    expect(caption.fields.text).toBe('');
    const heading = docs.find((d) => d.kind === 'heading')!;
    expect(heading.fields.title).toContain('The Korean War');
    expect(heading.fields.title).toContain('June 25');
  });
});
