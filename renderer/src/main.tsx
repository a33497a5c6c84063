/** Mounts the app with its API and its live region; KioskRoot picks the reader or the kiosk. */
// The palette and element defaults first, so every component's own styles come after them.
import './styles/palette.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext, pageApi } from './api/ApiContext';
import { AnnounceProvider } from './hooks/useAnnounce';
import { KioskRoot } from './kiosk/KioskRoot';
// Initialises the interface's language before the first render.
import './i18n/i18n';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiContext value={pageApi()}>
        <AnnounceProvider>
          <KioskRoot />
        </AnnounceProvider>
      </ApiContext>
    </StrictMode>,
  );
}
