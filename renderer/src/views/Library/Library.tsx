/** The Library view: every open archive, one to open, and a search across all of them. */
import { useTranslation } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { useLibrary } from '../../hooks/useLibrary';
import { ArchiveTable } from './ArchiveTable';
import { LibrarySearch } from './LibrarySearch';
import './Library.css';

export function Library() {
  const { entries, failed, current } = useLibrary();
  const { t } = useTranslation();
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">{t('library.title')}</h1>
      {entries ? (
        <>
          <p className="lede">{t('library.lede', { count: entries.length })}</p>
          <ArchiveTable entries={entries} current={current} />
          <LibrarySearch entries={entries} />
        </>
      ) : failed ? (
        <p className="lede">{t('library.unavailable')}</p>
      ) : (
        <Loading>{t('library.loading')}</Loading>
      )}
    </section>
  );
}
