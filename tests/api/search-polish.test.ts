/**
 * The search answer's polish and "Random passage", through the one handler table (so IPC and HTTP
 * answer alike) over a pack built by the real builder from tests/fixtures/curated-mini.
 */
import { describe, expect, it } from 'vitest';
import type { ApiRequest, ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import { randomPassage } from '../../main/api/random-passage';
import { miniArchive } from '../helpers/mini-archive';

const archive = miniArchive('folio-search-polish-');

function call<M extends 'search.query' | 'passage.random'>(method: M, request: ApiRequest<M>): ApiResponses[M] {
  const result = dispatch(method, request, archive().context('p1'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ApiResponses[M];
}

describe('search.query', () => {
  it('says "did you mean" with the archive\'s word for a misspelt query, and not for an exact one', () => {
    expect(call('search.query', { query: 'harbor' }).didYouMean).toBe('harbour');
    expect(call('search.query', { query: 'Pusan harbor', seq: 4 })).toMatchObject({
      didYouMean: 'Pusan harbour',
      seq: 4,
    });
    expect(call('search.query', { query: 'harbour' })).not.toHaveProperty('didYouMean');
    // The next page of the same answer does not say it again.
    expect(call('search.query', { query: 'harbor', offset: 1 })).not.toHaveProperty('didYouMean');
  });

  it('marks a passage that matched only its section title, with the title words that matched', () => {
    const { results } = call('search.query', { query: 'harbour' });
    const port = results.find((h) => h.snippetStart === 0 && h.snippet.startsWith('The port of Pusan'));
    expect(port?.section).toBe('Harbour days');
    expect(port?.highlights).toEqual([]);
    expect(port?.sectionHighlights).toEqual([[0, 7]]);
    // The film names the harbour itself: its text is highlighted, and it is not marked.
    const film = results.find((h) => h.kind === 'media');
    expect(film?.highlights.length).toBeGreaterThan(0);
    expect(film).not.toHaveProperty('sectionHighlights');
  });
});

describe('passage.random', () => {
  it('answers a passage of running text of the archive, with its section', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      const { passage, section } = call('passage.random', {});
      expect(passage.kind).toBe('text');
      expect(passage.repeatOf).toBeNull();
      expect(section.id).toBe(passage.sectionId);
      expect(archive().pack.passage(passage.id)?.text).toBe(passage.text);
      seen.add(passage.id);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('can land on every passage of running text, from every start', () => {
    const all = archive()
      .pack.sections()
      .flatMap((s) => archive().pack.passagesOfSection(s.id));
    const landed = new Set(all.map((_, i) => randomPassage(archive().pack, () => i / all.length)?.id));
    const texts = all.filter((p) => p.kind === 'text' && !p.repeatOf).map((p) => p.id);
    expect([...landed].sort()).toEqual([...texts].sort());
  });

  it('rejects a payload it does not know', () => {
    const result = dispatch('passage.random', { kind: 'text' }, archive().context('p1'));
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
