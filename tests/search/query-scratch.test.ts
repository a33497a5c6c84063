/**
 * QueryScratch (main/search/engine/query-scratch.ts) against plain maps, over many queries in one
 * scratch: its document slots share the first field's slots, and nothing is cleared between
 * queries, so every query meets slots that earlier queries (of either set) wrote.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic-corpus';
import { QueryScratch } from '../../main/search/engine/query-scratch';

const DOCUMENTS = 300;
const FIELDS = 3;

describe('the query scratch', () => {
  it('finds the field refs, documents, scores and document slots that plain maps find, query after query', () => {
    const random = mulberry32(11);
    const scratch = new QueryScratch(DOCUMENTS, FIELDS);
    const magnitudes = Float64Array.from([1.5, 2, 0.5]);
    for (let query = 0; query < 200; query++) {
      scratch.reset();
      // Field refs as postings bring them: ascending ordinals per (term, field), fields in any order.
      const expectedRefs = new Map<number, number>();
      for (let pair = 0, pairs = 1 + Math.floor(random() * 5); pair < pairs; pair++) {
        const field = Math.floor(random() * FIELDS);
        const density = random() * random();
        const ordinals = Int32Array.from(
          Array.from({ length: DOCUMENTS }, (_, d) => d).filter(() => random() < density),
        );
        scratch.addFieldRefs(ordinals, field);
        for (const d of ordinals) {
          const ref = field * DOCUMENTS + d;
          if (!expectedRefs.has(ref)) expectedRefs.set(ref, expectedRefs.size);
        }
      }
      expect(Array.from(scratch.fieldRefs.subarray(0, scratch.fieldCount)), `query ${query}`).toEqual([
        ...expectedRefs.keys(),
      ]);
      // Every ref's slot is found again (the engine adds its dot products through them).
      for (const [ref, slot] of expectedRefs) expect(scratch.fieldSlots[ref]).toBe(slot);

      const dots = scratch.zeroDotProducts();
      for (let slot = 0; slot < scratch.fieldCount; slot++) dots[slot] = Math.floor(random() * 8) / 4;
      const required = random() < 0.3 ? Uint8Array.from({ length: DOCUMENTS }, () => (random() < 0.7 ? 1 : 0)) : null;
      const prohibited = random() < 0.3 ? Uint8Array.from({ length: DOCUMENTS }, () => (random() < 0.2 ? 1 : 0)) : null;
      scratch.sumScores(magnitudes, required, prohibited);

      const expectedScores = new Map<number, number>();
      for (const [ref, slot] of expectedRefs) {
        const field = Math.floor(ref / DOCUMENTS);
        const d = ref - field * DOCUMENTS;
        if ((required && !required[d]) || prohibited?.[d]) continue;
        expectedScores.set(d, (expectedScores.get(d) ?? 0) + (dots[slot]! / magnitudes[field]! || 0));
      }
      const n = scratch.documentCount;
      expect(Array.from(scratch.documents.subarray(0, n))).toEqual([...expectedScores.keys()]);
      expect(Array.from(scratch.scores.subarray(0, n))).toEqual([...expectedScores.values()]);
      // bounded-top.ts finds a document's place through its slot.
      for (const [slot, d] of [...expectedScores.keys()].entries()) expect(scratch.documentSlots[d]).toBe(slot);
      if (random() < 0.2) scratch.takeDocuments();
      // A count of documents in between (bounded-top.ts's total) stamps document slots: the next
      // query's sets must not take a stamp for a member.
      if (random() < 0.5) {
        const lists = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
          Int32Array.from(Array.from({ length: DOCUMENTS }, (_, d) => d).filter(() => random() < random())),
        );
        expect(scratch.countDocuments(lists), `count after query ${query}`).toBe(
          new Set(lists.flatMap((list) => [...list])).size,
        );
      }
    }
  });
});
