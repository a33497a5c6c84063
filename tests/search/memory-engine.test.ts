import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { TokenSet, internals } from '../reference/lunr-internals';
import { fixtureSearcher } from './fixture';

const { engine, index, analyzer, passages } = fixtureSearcher();

describe('MemoryEngine', () => {
  it('counts documents, knows its vocabulary and document frequencies', () => {
    expect(engine.documentCount).toBe(passages.length);
    expect(engine.hasTerm('pusan')).toBe(true);
    expect(engine.hasTerm('busan')).toBe(false);
    expect(engine.hasTerm('constructor')).toBe(false);
    expect(engine.hasTerm('__proto__')).toBe(false);
    expect(engine.documentFrequency('pusan')).toBe(1);
    expect(engine.documentFrequency('nothere')).toBe(0);
  });

  it("scores exactly as lunr's own Index#query", () => {
    const clauses = [
      { term: 'soviet', boost: 1, presence: 'optional' as const },
      { term: 'pilot', boost: 0.5, presence: 'optional' as const },
      { term: 'kill', boost: 2, presence: 'optional' as const, fields: ['text' as const] },
    ];
    const ours = engine.query(clauses).map((m) => [m.ref, m.score]);
    const theirs = index
      .query((q) => {
        for (const c of clauses)
          q.term(c.term, {
            boost: c.boost,
            presence: lunr.Query.presence.OPTIONAL,
            usePipeline: false,
            ...(c.fields ? { fields: c.fields } : {}),
          });
      })
      .map((r) => [r.ref, r.score]);
    expect(ours).toEqual(theirs);
    expect(ours.length).toBeGreaterThan(0);
  });

  it('reports the matched terms per field', () => {
    const [hit] = engine.query([{ term: 'pusan', boost: 1, presence: 'optional' }]);
    expect(hit!.matched.get('pusan')).toEqual(['text']);
  });

  it('applies required and prohibited presence', () => {
    const refs = (cs: Parameters<typeof engine.query>[0]) =>
      engine
        .query(cs)
        .map((m) => m.ref)
        .sort();
    const soviet = refs([{ term: 'soviet', boost: 1, presence: 'optional' }]);
    const withoutMig = refs([
      { term: 'soviet', boost: 1, presence: 'optional' },
      { term: 'mig', boost: 1, presence: 'prohibited' },
    ]);
    expect(withoutMig.length).toBeLessThan(soviet.length);
    expect(
      refs([
        { term: 'nothere', boost: 1, presence: 'required' },
        { term: 'soviet', boost: 1, presence: 'optional' },
      ]),
    ).toEqual([]);
  });

  it('expands prefixes, most frequent first', () => {
    const terms = engine.expandPrefix('ch', 100);
    expect(terms).toContain('chistiakov');
    expect(terms.every((t) => t.startsWith('ch'))).toBe(true);
    expect(engine.expandPrefix('ch', 1)).toHaveLength(1);
  });

  it("expands fuzzy terms with exactly the set lunr's fuzzy TokenSet accepts", () => {
    const ix = internals(index);
    for (const [term, d] of [
      ['chistyakov', 2],
      ['heartbrak', 1],
      ['singman', 1],
      ['mccarthism', 2],
    ] as const) {
      const expected = ix.tokenSet.intersect(TokenSet.fromFuzzyString(term, d)).toArray().sort();
      expect(engine.expandFuzzy(term, d, 1000).sort()).toEqual(expected);
    }
    expect(engine.expandFuzzy('chistyakov', 2, 10)).toContain('chistiakov');
    expect(engine.expandFuzzy('heartbrak', 1, 10)).toContain('heartbreak');
  });

  it('builds a lunr index with positions, boosts and empty pipelines', () => {
    const json = index.toJSON() as unknown as { pipeline: string[]; fields: string[] };
    expect(json.pipeline).toEqual([]);
    expect(json.fields).toEqual(['title', 'text', 'caption', 'media']);
    const posting = internals(index).invertedIndex['pusan']!;
    const meta = Object.values(posting['text']!)[0] as { position: [number, number][] };
    const p = passages.find((x) => x.text.includes('Pusan'))!;
    const [start, length] = meta.position[0]!;
    expect(p.text.slice(start, start + length)).toBe('Pusan');
    expect(analyzer.analyze('Pusan', 'text')[0]!.term).toBe('pusan');
  });
});

describe('lunr build options', () => {
  it('indexes stop words by default and can leave them out', async () => {
    const { buildLunrIndex } = await import('../reference/lunr-build');
    const { toIndexDocuments } = await import('../../main/search/documents');
    const { createAnalyzer } = await import('../../main/search/analyzer/index');
    const { fixturePassages } = await import('./fixture');
    const { passages, sections } = fixturePassages();
    const a = createAnalyzer({ variants: [], languages: ['en'] });
    const docs = toIndexDocuments(passages, sections);
    expect(internals(buildLunrIndex(docs, a)).invertedIndex['the']).toBeDefined();
    const lean = internals(buildLunrIndex(docs, a, { stopWords: false }));
    expect(lean.invertedIndex['the']).toBeUndefined();
    expect(lean.invertedIndex['us']).toBeDefined(); // the acronym U.S. is no stop word
    expect(lean.invertedIndex['pusan']).toBeDefined();
  });
});
