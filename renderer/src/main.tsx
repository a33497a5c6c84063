/** Mounts the app with its API, its live region and its bookmarks. */
// The palette and element defaults first, so every component's own styles come after them.
import './styles/palette.css';
import './styles/base.css';
import './styles/print.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext, pageApi } from './api/ApiContext';
import { App } from './App';
import { AnnounceProvider } from './hooks/useAnnounce';
import { BookmarksProvider } from './hooks/useBookmarks';
import { UndoProvider } from './hooks/useUndo';
import { installScrollMemory } from './scroll-memory';
// Initialises the interface's language before the first render.
import './i18n/i18n';

installScrollMemory();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiContext value={pageApi()}>
        <AnnounceProvider>
          <UndoProvider>
            <BookmarksProvider>
              <App />
            </BookmarksProvider>
          </UndoProvider>
        </AnnounceProvider>
      </ApiContext>
    </StrictMode>,
  );
}
