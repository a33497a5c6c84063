/**
 * Plain lunr over the same passages, for comparison only: lunr's default pipelines (trimmer,
 * stop words, Porter stemmer) and fields, each query's words as optional terms (what lunr's own
 * `index.search` does with plain words, without its query parser). Not used by Folio.
 */
import lunr from 'lunr';
import type { Passage } from '../../main/model/archive';

export function plainLunrTop(passages: Passage[]): (query: string, n: number) => string[] {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const index = lunr(function () {
    this.ref('id');
    this.field('text');
    for (const p of passages) if (!p.repeatOf) this.add({ id: p.id, text: p.text });
  });
  return (query, n) => {
    try {
      const tokens = lunr.tokenizer(query);
      return index
        .query((q) => {
          for (const t of tokens) q.term(t.toString(), {});
        })
        .slice(0, n)
        .map((r) => byId.get(r.ref)?.text ?? '');
    } catch {
      return [];
    }
  };
}
