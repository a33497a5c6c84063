/**
 * "Did you mean" in the search.query answer, through the one handler table over a pack built by the
 * real builder from tests/fixtures/curated-mini: it obeys the search's cancellation, it is a hint
 * (a suggestion that fails for a reason other than the pack's leaves the answer without it), and
 * the answer's tookMs counts it.
 */
import { describe, expect, it } from 'vitest';
import { SUPERSEDED, type ApiError, type ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext, SearchPort } from '../../main/api/handlers';
import { PackDamagedError } from '../../main/model/errors';
import { miniArchive } from '../helpers/mini-archive';

const archive = miniArchive('folio-search-suggestion-');

/** The archive's own context with its searcher's suggest replaced. */
function withSuggest(suggest: SearchPort['suggest']): ApiContext {
  const ctx = archive().context('p1');
  return { ...ctx, searcher: { search: (request, control) => ctx.searcher.search(request, control), suggest } };
}

type Answer = { ok: true; value: ApiResponses['search.query'] } | { ok: false; error: ApiError };

function search(query: string, ctx: ApiContext): Answer {
  return dispatch('search.query', { query }, ctx) as Answer;
}

describe('search.query and its suggestion', () => {
  it('gives up the suggestion of a search a newer one overtook once the search was done', () => {
    // The as-you-type case: the newer query arrives while the older one's suggestion is being made.
    let overtaken = false;
    const ctx = archive().context('p1');
    const searcher: SearchPort = {
      search: (request, control) => {
        const found = ctx.searcher.search(request, control);
        overtaken = true;
        return found;
      },
      suggest: (query, control) => ctx.searcher.suggest?.(query, control) ?? null,
    };
    const control = { cancelled: () => overtaken };
    const result = search('harbor', { ...ctx, searcher, searchControl: control });
    expect(result).toEqual({ ok: false, error: SUPERSEDED });
    // Not overtaken, the same query is answered with its suggestion.
    overtaken = false;
    const answered = search('harbor', { ...ctx, searchControl: { cancelled: () => false } });
    expect(answered.ok && answered.value).toMatchObject({ didYouMean: 'harbour' });
  });

  it('answers without a suggestion when making it fails for a reason other than the pack', () => {
    const failing = withSuggest(() => {
      throw new TypeError('Cannot read properties of undefined');
    });
    const result = search('harbor', failing);
    const plain = search('harbor', archive().context('p1'));
    if (!result.ok || !plain.ok) throw new Error('search.query failed');
    expect(result.value).not.toHaveProperty('didYouMean');
    expect(result.value.total).toBeGreaterThan(0);
    expect(result.value.results.map((h) => h.passageId)).toEqual(plain.value.results.map((h) => h.passageId));
  });

  it('tells a damaged pack found while making the suggestion, as from the search', () => {
    const damaged = withSuggest(() => {
      throw new PackDamagedError(`${archive().pack.path}: the passage table fails its checksum`);
    });
    const result = search('harbor', damaged);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('unavailable');
    expect(result.error.message).toMatch(/^This archive is damaged\. .*fails its checksum$/);
  });

  it('counts the time the suggestion took in the answer’s tookMs', () => {
    const ctx = archive().context('p1');
    let suggesting = 0;
    const slow = withSuggest((query, control) => {
      const started = performance.now();
      const suggestion = ctx.searcher.suggest?.(query, control) ?? null;
      // A suggestion as slow as one on a large archive, on a loaded machine.
      while (performance.now() - started < 40);
      suggesting = performance.now() - started;
      return suggestion;
    });
    const result = search('harbor', slow);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.didYouMean).toBe('harbour');
    expect(result.value.tookMs).toBeGreaterThanOrEqual(suggesting);
  });
});
