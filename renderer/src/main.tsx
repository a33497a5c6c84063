/** Mounts the app with its API, its live region and its bookmarks. */
// The palette and element defaults first, so every component's own styles come after them.
import './styles/palette.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiContext, pageApi } from './api/ApiContext';
import { App } from './App';
import { AnnounceProvider } from './hooks/useAnnounce';
import { BookmarksProvider } from './hooks/useBookmarks';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiContext value={pageApi()}>
        <AnnounceProvider>
          <BookmarksProvider>
            <App />
          </BookmarksProvider>
        </AnnounceProvider>
      </ApiContext>
    </StrictMode>,
  );
}
