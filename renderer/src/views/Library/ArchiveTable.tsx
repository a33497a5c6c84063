/** The open archives as a table: title (a link that opens it), language, size, passages and date. */
import type { LibraryEntry } from '../../../../main/api/contract';
import { Badge } from '../../components/Badge';
import { hrefFor } from '../../route';
import { useLibraryStrings } from './library-strings';

/** "English", "Korean, English": the archive's languages in the reader's words (the tag when unknown). */
function languageNames(tags: string[]): string {
  const names = new Intl.DisplayNames(undefined, { type: 'language', fallback: 'code' });
  return tags.map((tag) => names.of(tag) ?? tag).join(', ');
}

export function ArchiveTable({ entries, current }: { entries: LibraryEntry[]; current: string | null }) {
  const t = useLibraryStrings();
  return (
    <table className="archive-table">
      <caption>{t.archives}</caption>
      <thead>
        <tr>
          <th scope="col">{t.columns.title}</th>
          <th scope="col">{t.columns.language}</th>
          <th scope="col" className="number">
            {t.columns.size}
          </th>
          <th scope="col" className="number">
            {t.columns.passages}
          </th>
          <th scope="col">{t.columns.date}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.archiveId} data-archive-id={e.archiveId}>
            <th scope="row">
              <a
                href={hrefFor({ view: 'home' }, e.archiveId)}
                aria-label={t.open(e.title)}
                aria-current={e.archiveId === current ? 'page' : undefined}
              >
                {e.title}
              </a>
              {e.archiveId === current && <span className="archive-flag">{t.reading}</span>}
              {e.isEmbedded && <Badge tone="heading">{t.embedded}</Badge>}
              {e.description && <span className="archive-description">{e.description}</span>}
            </th>
            {/* data-label names the column where a phone shows each archive as a block (Library.css). */}
            <td data-label={t.columns.language}>{languageNames(e.languages)}</td>
            <td data-label={t.columns.size} className="number">
              {t.size(e.bytes)}
            </td>
            <td data-label={t.columns.passages} className="number">
              {e.passageCount.toLocaleString()}
            </td>
            <td data-label={t.columns.date}>{e.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
