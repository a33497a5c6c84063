/**
 * A suggestion is a hint: one that fails for a reason other than the pack's (a bug) leaves the answer
 * without it. A damaged pack is told, and a cancelled search stays cancelled, as from the search itself.
 */
import { PackError, SearchCancelledError } from '../../model/errors';

/** What `make` suggests, or null when making it failed for any reason but damage or cancellation. */
export function suggestionOrNone(make: () => string | null): string | null {
  try {
    return make();
  } catch (error) {
    if (error instanceof PackError || error instanceof SearchCancelledError) throw error;
    return null;
  }
}
