/** The sticky top bar: the archive's name, the search, and the main navigation with the bookmark count. */
import type { ArchiveInfo } from '../../../main/api/contract';
import { useBookmarks } from '../hooks/useBookmarks';
import type { Route } from '../route';
import { strings } from '../strings';
import { Search } from './Search/Search';
import './Masthead.css';

const currentIf = (on: boolean): 'page' | undefined => (on ? 'page' : undefined);

export function Masthead({ info, view }: { info: ArchiveInfo | null; view: Route['view'] }) {
  const count = useBookmarks().bookmarks.size;
  return (
    <header className="masthead">
      <div className="masthead-inner">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          <span className="brand-text">
            <span className="brand-title">{info?.manifest.title ?? strings.app.brand}</span>
            <span className="brand-sub">{strings.app.brandSub}</span>
          </span>
        </a>
        <Search passageCount={info?.passageCount ?? null} />
        <nav className="topnav" aria-label={strings.nav.label}>
          <a href="#/" aria-current={currentIf(view === 'home')}>
            {strings.nav.contents}
          </a>
          <a href="#/bookmarks" aria-current={currentIf(view === 'bookmarks')}>
            {strings.nav.bookmarks}
            {count > 0 && (
              <span className="count" aria-hidden="true">
                {' '}
                {count}
              </span>
            )}
          </a>
          <a href="#/settings" aria-current={currentIf(view === 'settings')}>
            {strings.nav.settings}
          </a>
        </nav>
      </div>
    </header>
  );
}
