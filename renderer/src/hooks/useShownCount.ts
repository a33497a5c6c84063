/**
 * How much of a long list is shown: a page at first, a page more at each "Show more". Remembered per
 * list owner (the archive) for the session, so coming back to the contents from a section finds as
 * many entries as were left, and scroll memory can bring the reader back to where they were.
 */
import { useState } from 'react';

const remembered = new WeakMap<object, Map<string, number>>();

export interface ShownCount {
  shown: number;
  more: () => void;
  /** The first entry the last "Show more" added (focus goes there), or null. */
  firstNew: number | null;
}

/** `list` names which of the owner's lists (the home page's contents, About's sections). */
export function useShownCount(owner: object, list: string, page: number): ShownCount {
  const [state, setState] = useState<{ owner: object; shown: number; firstNew: number | null } | null>(null);
  // Another owner (another archive opened in the same view) starts from what it remembered.
  const current =
    state?.owner === owner ? state : { owner, shown: remembered.get(owner)?.get(list) ?? page, firstNew: null };
  const more = (): void => {
    const shown = current.shown + page;
    if (!remembered.has(owner)) remembered.set(owner, new Map());
    remembered.get(owner)!.set(list, shown);
    setState({ owner, shown, firstNew: current.shown });
  };
  return { shown: current.shown, more, firstNew: current.firstNew };
}
