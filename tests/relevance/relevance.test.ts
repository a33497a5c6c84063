/**
 * The relevance suite (issue 4): every case must rank its passage in the top 3 of the embedded
 * archive, built into a real pack and searched the way the app searches. Prints the hit rate per
 * category and the per-query time; fails on any miss, throw or internal error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, CATEGORIES, HOSTILE } from './cases';
import { plainLunrTop } from './baseline';
import { openEmbeddedSearch, type ArchiveSearch, type EngineKind } from './harness';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

describe.each(['pack', 'memory'] as EngineKind[])('relevance on the embedded archive (%s engine)', (engineKind) => {
  let archive: ArchiveSearch;
  beforeAll(() => {
    archive = openEmbeddedSearch(engineKind);
  });
  afterAll(() => archive?.close());

  it('has at least 60 cases covering every category, and no case outside them', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    const known = new Set<string>(CATEGORIES);
    expect(CASES.filter((c) => !known.has(c.category)).map((c) => `${c.category}: ${c.query}`)).toEqual([]);
    const covered = new Set<string>(CASES.map((c) => c.category));
    expect(CATEGORIES.filter((category) => !covered.has(category))).toEqual([]);
  });

  it('every expected passage exists in the archive exactly once', () => {
    const texts = archive.pack
      .sections()
      .flatMap((s) => archive.pack.passagesOfSection(s.id))
      .filter((p) => !p.repeatOf)
      .map((p) => p.text);
    for (const c of CASES) expect(texts.filter((t) => t.includes(c.expect)).length, c.expect).toBe(1);
  });

  it('ranks the expected passage in the top 3 for every query', () => {
    const rows = new Map<string, { hits: number; total: number; fresh: number; freshHits: number; lunr: number }>();
    const lunrTop = plainLunrTop(archive.pack.sections().flatMap((s) => archive.pack.passagesOfSection(s.id)));
    let lunrHits = 0;
    const misses: string[] = [];
    const badHighlights: string[] = [];
    const times: number[] = [];
    for (const c of CASES) {
      let top: string[] = [];
      let threw: unknown;
      const errorsBefore = archive.errors.length;
      try {
        const request = c.kinds ? { query: c.query, limit: 3, kinds: c.kinds } : { query: c.query, limit: 3 };
        archive.searcher.search(request); // warm caches, then time a second run
        const t0 = performance.now();
        const r = archive.searcher.search(request);
        times.push(performance.now() - t0);
        top = r.results.map((h) => h.text);
        // The expected passage's highlights fall on its words as written, and its snippet shows one.
        const expected = r.results.find((h) => h.text.includes(c.expect));
        if (expected) {
          const shown = expected.highlights.some(
            ([s, e]) => s >= expected.snippetStart && e <= expected.snippetStart + expected.snippet.length,
          );
          if (expected.highlights.length === 0 || !shown)
            badHighlights.push(
              `${JSON.stringify(c.query)}: ${expected.highlights.length} highlights, ${shown ? '' : 'none '}in the snippet`,
            );
        }
      } catch (e) {
        threw = e;
      }
      if (!threw && archive.errors.length > errorsBefore) threw = archive.errors[errorsBefore];
      const hit = !threw && top.some((t) => t.includes(c.expect));
      const row = rows.get(c.category) ?? { hits: 0, total: 0, fresh: 0, freshHits: 0, lunr: 0 };
      row.total++;
      if (!c.kinds && lunrTop(c.query, 3).some((t) => t.includes(c.expect))) {
        row.lunr++;
        lunrHits++;
      }
      if (hit) row.hits++;
      if (c.fresh) {
        row.fresh++;
        if (hit) row.freshHits++;
      }
      rows.set(c.category, row);
      if (!hit)
        misses.push(
          `[${c.category}] ${JSON.stringify(c.query)} → expected ${JSON.stringify(c.expect)}; got ${threw ? `throw ${threw instanceof Error ? String(threw) : JSON.stringify(threw)}` : JSON.stringify(top.map((t) => t.slice(0, 50)))}`,
        );
    }
    const lines = ['category          hits   rate  untuned  plain lunr'];
    let hits = 0;
    let fresh = 0;
    let freshHits = 0;
    for (const [cat, r] of rows) {
      hits += r.hits;
      fresh += r.fresh;
      freshHits += r.freshHits;
      lines.push(
        `${cat.padEnd(15)} ${`${r.hits}/${r.total}`.padStart(7)} ${((100 * r.hits) / r.total).toFixed(0).padStart(5)}%  ${`${r.freshHits}/${r.fresh}`.padStart(7)}  ${((100 * r.lunr) / r.total).toFixed(0).padStart(5)}%`,
      );
    }
    lines.push(
      `${'all'.padEnd(15)} ${`${hits}/${CASES.length}`.padStart(7)} ${((100 * hits) / CASES.length).toFixed(0).padStart(5)}%  ${`${freshHits}/${fresh}`.padStart(7)}  ${((100 * lunrHits) / CASES.length).toFixed(0).padStart(5)}%`,
    );
    lines.push(
      `per-query time: p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms`,
    );
    console.log(
      `\nRelevance (top 3), embedded archive, ${engineKind} engine\n${lines.join('\n')}${misses.length ? `\nMisses:\n${misses.join('\n')}` : ''}\n`,
    );
    expect(archive.errors).toEqual([]);
    expect(misses).toEqual([]);
    expect(badHighlights).toEqual([]);
  });

  it('does not complete a designation typed whole to a longer word (MiG is not migration)', () => {
    for (const query of ['MiG', 'Mig', 'mig']) {
      const top = archive.searcher.search({ query, limit: 3 }).results.map((h) => h.text);
      expect(top.length, query).toBeGreaterThan(0);
      expect(
        top.filter((t) => /migrat/i.test(t)),
        query,
      ).toEqual([]);
    }
  });

  it('never throws on hostile queries', () => {
    for (const q of HOSTILE) {
      for (const request of [
        { query: q },
        { query: q, limit: 5, offset: 3 },
        { query: q, kinds: ['media' as const] },
      ]) {
        const r = archive.searcher.search(request);
        expect(Array.isArray(r.results)).toBe(true);
        expect(r.total).toBeGreaterThanOrEqual(r.results.length);
        for (const h of r.results) {
          for (const [s, e] of h.highlights) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(e).toBeLessThanOrEqual(h.text.length);
            expect(e).toBeGreaterThan(s);
          }
        }
      }
    }
    const odd: unknown[] = [
      null,
      undefined,
      42,
      {},
      [],
      { query: 12 },
      { query: 'Pusan', limit: -1 },
      { query: 'Pusan', limit: Number.NaN },
      { query: 'Pusan', offset: 1e12 },
      { query: 'Pusan', kinds: ['nope'] },
      { query: 'Pusan', limit: Infinity },
    ];
    for (const request of odd) expect(() => archive.searcher.search(request as never)).not.toThrow();
    expect(archive.errors).toEqual([]);
  });
});

describe('one ranking whichever engine answers', () => {
  it('gives the same page, scores and totals over the pack engine and plain in-memory lunr', () => {
    const pack = openEmbeddedSearch('pack');
    const memory = openEmbeddedSearch('memory');
    try {
      const differences: string[] = [];
      for (const query of [...CASES.map((c) => c.query), ...HOSTILE.slice(0, 40)]) {
        const a = pack.searcher.search({ query, limit: 10 });
        const b = memory.searcher.search({ query, limit: 10 });
        const page = (r: typeof a) => r.results.map((h) => `${h.passageId}:${h.score.toPrecision(12)}`).join(' ');
        if (page(a) !== page(b) || a.total !== b.total) differences.push(query);
      }
      expect(differences).toEqual([]);
    } finally {
      pack.close();
      memory.close();
    }
  });
});
