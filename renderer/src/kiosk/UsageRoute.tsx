/** Counts each passage a reader opens (its own view, #/passage/<id>) in the usage ledger. */
import { useEffect } from 'react';
import { useRoute } from '../hooks/useRoute';
import type { RecordingApi } from './usage-recorder';

export function UsageRoute({ api }: { api: RecordingApi }) {
  const route = useRoute();
  const passageId = route.view === 'passage' ? route.passageId : null;
  useEffect(() => {
    if (passageId) api.passageOpened(passageId);
  }, [api, passageId]);
  return null;
}
