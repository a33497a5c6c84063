/**
 * The page's root: asks the server or app whether it runs as a kiosk. A kiosk gets the kiosk shell; the
 * ordinary reader gets the app, counted in the usage ledger when that is on (`folio serve` by default).
 */
import { useEffect, useMemo, useState } from 'react';
import type { KioskConfig } from '../../../main/api/contract';
import { ApiContext, useApi } from '../api/ApiContext';
import { App } from '../App';
import { BookmarksProvider } from '../hooks/useBookmarks';
import { LibraryScope } from '../hooks/useLibrary';
import { KioskModeContext } from './kiosk-mode';
import { KioskShell } from './KioskShell';
import { recordingApi } from './usage-recorder';
import { UsageRoute } from './UsageRoute';

export function KioskRoot() {
  const api = useApi();
  const [config, setConfig] = useState<KioskConfig | null | 'off'>(null);
  const recording = useMemo(() => recordingApi(api), [api]);
  useEffect(() => {
    let cancelled = false;
    api.call('kiosk.config', {}).then(
      (c) => !cancelled && setConfig(c),
      () => !cancelled && setConfig('off'), // a reader that cannot ask is an ordinary reader
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  if (config === null) return null;
  if (config !== 'off' && config.enabled)
    return (
      <KioskModeContext value={config}>
        <KioskShell config={config} api={recording} />
      </KioskModeContext>
    );
  const counting = config !== 'off' && config.stats;
  return (
    <ApiContext value={counting ? recording : api}>
      {/* Every archive of the library: the API below is scoped to the archive the route names. */}
      <LibraryScope>
        <BookmarksProvider>
          <App />
          {counting && <UsageRoute api={recording} />}
        </BookmarksProvider>
      </LibraryScope>
    </ApiContext>
  );
}
