/**
 * The relevance suite on real documentation (issue 12): the PostgreSQL 15 manual, the GIMP manual
 * in Korean and the Debian Reference in Japanese, each fetched as its Debian package and built into
 * a pack once per run. Every case must rank its page in the top 3, above the index, glossary or
 * table of contents entries that point to it; the rate per corpus and category
 * and the build time are printed. A corpus whose package cannot be fetched is skipped with one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCorpus, CORPORA, type CorpusName, type CorpusSearch } from './corpora';
import { CORPUS_CASES } from './corpus-cases';

const NAMES = Object.keys(CORPORA) as CorpusName[];

describe.each(NAMES)('relevance on %s', (name) => {
  let corpus: CorpusSearch | { skipped: string };
  beforeAll(() => {
    corpus = openCorpus(name);
    if ('skipped' in corpus) console.log(`${name}: skipped: ${corpus.skipped}`);
  }, 300_000);
  afterAll(() => {
    if (corpus && !('skipped' in corpus)) corpus.close();
  });

  it('ranks the expected page in the top 3 for every query (25 or more)', (context) => {
    if ('skipped' in corpus) return context.skip();
    const cases = CORPUS_CASES[name];
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const sections = new Set(corpus.pack.sections().map((s) => s.id));
    expect(cases.filter((c) => !sections.has(c.section)).map((c) => c.section)).toEqual([]);
    const misses: string[] = [];
    const rows = new Map<string, { hits: number; total: number }>();
    const times: number[] = [];
    for (const c of cases) {
      const t0 = performance.now();
      const r = corpus.searcher.search({ query: c.query, limit: 3 });
      times.push(performance.now() - t0);
      const at = r.results.findIndex(
        (h) => h.sectionId === c.section && (c.text === undefined || h.text.includes(c.text)),
      );
      // The pages that only point to it (an index, a table of contents) rank below it.
      const pointer = r.results.findIndex((h) => c.over?.includes(h.sectionId));
      const hit = at >= 0 && (pointer < 0 || pointer > at);
      const row = rows.get(c.category) ?? { hits: 0, total: 0 };
      row.total++;
      if (hit) row.hits++;
      rows.set(c.category, row);
      if (!hit)
        misses.push(
          `[${c.category}] ${JSON.stringify(c.query)} → expected ${c.section}${c.text ? ` "${c.text}"` : ''}${c.over ? ` above ${c.over.join(', ')}` : ''}; got ${JSON.stringify(r.results.map((h) => `${h.sectionId}: ${h.text.slice(0, 40)}`))}`,
        );
    }
    const hits = cases.length - misses.length;
    const lines = [...rows].map(([cat, r]) => `${cat.padEnd(13)} ${`${r.hits}/${r.total}`.padStart(6)}`);
    times.sort((a, b) => a - b);
    console.log(
      `\nRelevance (top 3), ${name}: ${hits}/${cases.length}; pack built in ${corpus.buildSeconds.toFixed(1)} s` +
        ` (folder ready in ${corpus.prepareSeconds.toFixed(1)} s); first-run query p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms,` +
        ` max ${times[times.length - 1]!.toFixed(1)} ms\n${lines.join('\n')}${misses.length ? `\nMisses:\n${misses.join('\n')}` : ''}\n`,
    );
    expect(corpus.errors).toEqual([]);
    expect(misses).toEqual([]);
  });
});
