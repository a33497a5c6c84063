/**
 * The open archive's contents: every section in reading order, asked for once per archive, and only
 * by the views that show them. archive.info only counts the sections, so opening an archive of
 * 35,000 sections reads none of them, and a first search never waits behind the contents.
 */
import { useEffect, useState } from 'react';
import type { ArchiveInfo } from '../../../main/api/contract';
import type { Section } from '../../../main/model/archive';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';

/** One request per archive: every view of it shares the answer (a failed one is asked again). */
const asked = new WeakMap<ArchiveInfo, Promise<Section[]>>();

export interface SectionsState {
  /** Null until they arrive (or when they could not be read). */
  sections: Section[] | null;
  /** Why they could not be read (a damaged contents table), in one line. */
  error: string | null;
}

export function useSections(info: ArchiveInfo | null): SectionsState {
  const api = useApi();
  const [answer, setAnswer] = useState<{ info: ArchiveInfo; state: SectionsState } | null>(null);
  useEffect(() => {
    if (!info) return;
    let cancelled = false;
    let pending = asked.get(info);
    if (!pending) {
      pending = api.call('archive.sections', {});
      asked.set(info, pending);
      pending.catch(() => asked.delete(info));
    }
    pending.then(
      (sections) => !cancelled && setAnswer({ info, state: { sections, error: null } }),
      (failure: unknown) => !cancelled && setAnswer({ info, state: { sections: null, error: messageOf(failure) } }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, info]);
  return answer && answer.info === info ? answer.state : { sections: null, error: null };
}
