/** The open archive's description, read once. */
import { useEffect, useState } from 'react';
import type { ArchiveInfo } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';

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
      },
      (failure: unknown) => !cancelled && setError(messageOf(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  return { info, error };
}
