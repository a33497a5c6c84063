/** The sticky top bar: the archive's name, the search, and the main navigation with the bookmark count. */
import type { ArchiveInfo } from '../../../main/api/contract';
import { useBookmarks } from '../hooks/useBookmarks';
import type { Route } from '../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { Search } from './Search/Search';
import './Masthead.css';

const currentIf = (on: boolean): 'page' | undefined => (on ? 'page' : undefined);

export function Masthead({ info, view }: { info: ArchiveInfo | null; view: Route['view'] }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const count = useBookmarks().bookmarks.size;
  return (
    <header className="masthead">
      <div className="masthead-inner">
        <a className="brand" href="#/">
          <span className="brand-mark" aria-hidden="true">
            F
          </span>
          <span className="brand-text">
            {info ? (
              <span className="brand-title" lang={lang}>
                {info.manifest.title}
              </span>
            ) : (
              <span className="brand-title">{t('app.brand')}</span>
            )}
            <span className="brand-sub">{t('app.brandSub')}</span>
          </span>
        </a>
        <Search passageCount={info?.passageCount ?? null} />
        <nav className="topnav" aria-label={t('nav.label')}>
          <a href="#/" aria-current={currentIf(view === 'home')}>
            {t('nav.contents')}
          </a>
          <a href="#/bookmarks" aria-current={currentIf(view === 'bookmarks')}>
            {t('nav.bookmarks')}
            {count > 0 && (
              <span className="count" aria-hidden="true">
                {' '}
                {count}
              </span>
            )}
          </a>
          <a href="#/settings" aria-current={currentIf(view === 'settings')}>
            {t('nav.settings')}
          </a>
        </nav>
      </div>
    </header>
  );
}
