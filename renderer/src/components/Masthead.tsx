/** The sticky top bar: the archive's name, the search, and the main navigation with the bookmark count. */
import { useTranslation } from 'react-i18next';
import type { ArchiveInfo } from '../../../main/api/contract';
import { useBookmarks } from '../hooks/useBookmarks';
import { useLibrary } from '../hooks/useLibrary';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { hrefFor, type Route } from '../route';
import { MastheadMenuButton, useMastheadMenu } from './MastheadMenu';
import { Search } from './Search/Search';
import './Masthead.css';

const currentIf = (on: boolean): 'page' | undefined => (on ? 'page' : undefined);

export function Masthead({ info, view }: { info: ArchiveInfo | null; view: Route['view'] }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const count = useBookmarks().bookmarks.size;
  const archives = useLibrary().entries?.length ?? 1;
  const menu = useMastheadMenu();
  return (
    <header className="masthead">
      <div className="masthead-inner">
        <a className="brand" href={hrefFor({ view: 'home' })}>
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
        <Search passageCount={info?.passageCount ?? null} archiveId={info?.archiveId ?? null} />
        <MastheadMenuButton menu={menu} />
        <nav className="topnav" aria-label={t('nav.label')} {...menu.panelProps}>
          <a href={hrefFor({ view: 'home' })} aria-current={currentIf(view === 'home')}>
            {t('nav.contents')}
          </a>
          <a href={hrefFor({ view: 'bookmarks' })} aria-current={currentIf(view === 'bookmarks')}>
            {t('nav.bookmarks')}
            {count > 0 && (
              <span className="count" aria-hidden="true">
                {' '}
                {count}
              </span>
            )}
          </a>
          {archives > 1 && (
            <a href={hrefFor({ view: 'library' })} aria-current={currentIf(view === 'library')}>
              {t('nav.library')}
            </a>
          )}
          <a href={hrefFor({ view: 'settings' })} aria-current={currentIf(view === 'settings')}>
            {t('nav.settings')}
          </a>
          <a href={hrefFor({ view: 'share' })} aria-current={currentIf(view === 'share')}>
            {t('nav.share')}
          </a>
          <a href={hrefFor({ view: 'about' })} aria-current={currentIf(view === 'about')}>
            {t('about.link')}
          </a>
        </nav>
      </div>
    </header>
  );
}
