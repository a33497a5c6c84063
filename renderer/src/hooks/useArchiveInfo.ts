/** The open archive's description, read once; it also names the document and sets its language. */
import { useEffect, useState } from 'react';
import type { ArchiveInfo } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';
import { strings } from '../strings';

export function useArchiveInfo(): { info: ArchiveInfo | null; error: string | null } {
  const api = useApi();
  const [info, setInfo] = useState<ArchiveInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    api.call('archive.info', {}).then(
      (archive) => {
        if (cancelled) return;
        setInfo(archive);
        document.title = strings.app.documentTitle(archive.manifest.title);
        document.documentElement.lang = archive.manifest.languages[0] ?? 'en';
      },
      (failure: unknown) => !cancelled && setError(messageOf(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  return { info, error };
}
