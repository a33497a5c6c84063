/** Mounts the app with its API and its live region; KioskRoot picks the reader or the kiosk. */
// The palette and element defaults first, so every component's own styles come after them.
import './styles/palette.css';
// Hangul, Hanja and Kana for machines with no CJK font of their own (see styles/FONTS-LICENSE.md).
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './styles/base.css';
import './styles/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext, pageApi } from './api/ApiContext';
import { AnnounceProvider } from './hooks/useAnnounce';
import { KioskRoot } from './kiosk/KioskRoot';
import { UndoProvider } from './hooks/useUndo';
import { installNavigationFocus } from './focus-unless-typing';
import { installScrollMemory } from './scroll-memory';
// Initialises the interface's language before the first render.
import './i18n/i18n';

installScrollMemory();
installNavigationFocus();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiContext value={pageApi()}>
        <AnnounceProvider>
          <UndoProvider>
            <KioskRoot />
          </UndoProvider>
        </AnnounceProvider>
      </ApiContext>
    </StrictMode>,
  );
}
