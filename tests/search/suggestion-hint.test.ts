/**
 * A suggestion is a hint (main/search/suggest/hint.ts), for one archive's search and the library's
 * alike: a bug in making it costs the suggestion, never the answer; a damaged pack and a cancelled
 * search are told as the search itself tells them.
 */
import { describe, expect, it } from 'vitest';
import { PackDamagedError, SearchCancelledError } from '../../main/model/errors';
import { suggestionOrNone } from '../../main/search/suggest/hint';

describe('a suggestion is a hint', () => {
  it('gives what was suggested, or nothing', () => {
    expect(suggestionOrNone(() => 'armistice')).toBe('armistice');
    expect(suggestionOrNone(() => null)).toBeNull();
  });

  it('is left out when making it fails', () => {
    expect(
      suggestionOrNone(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'term')");
      }),
    ).toBeNull();
  });

  it('lets damage and cancellation through', () => {
    expect(() =>
      suggestionOrNone(() => {
        throw new PackDamagedError('the passage index is missing its first chunk');
      }),
    ).toThrow(PackDamagedError);
    expect(() =>
      suggestionOrNone(() => {
        throw new SearchCancelledError('overtaken');
      }),
    ).toThrow(SearchCancelledError);
  });
});
