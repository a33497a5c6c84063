/** The Library view: every open archive, one to open, and a search across all of them. */
import { Loading } from '../../components/Loading';
import { useLibrary } from '../../hooks/useLibrary';
import { useLibraryStrings } from './library-strings';
import { ArchiveTable } from './ArchiveTable';
import { LibrarySearch } from './LibrarySearch';
import './Library.css';

export function Library() {
  const { entries, failed, current } = useLibrary();
  const t = useLibraryStrings();
  return (
    <section className="library" aria-labelledby="library-title">
      <h1 id="library-title">{t.title}</h1>
      {entries ? (
        <>
          <p className="lede">{t.lede(entries.length)}</p>
          <ArchiveTable entries={entries} current={current} />
          <LibrarySearch entries={entries} />
        </>
      ) : failed ? (
        <p className="lede">{t.unavailable}</p>
      ) : (
        <Loading>{t.loading}</Loading>
      )}
    </section>
  );
}
