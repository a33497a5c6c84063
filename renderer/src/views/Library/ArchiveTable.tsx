/** The open archives as a table: title (a link that opens it), language, size, passages and date. */
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../../../main/api/contract';
import { Badge } from '../../components/Badge';
import { hrefFor } from '../../route';

/** "English", "Korean, English": the archive's languages in the reader's words (the tag when unknown). */
function languageNames(tags: string[]): string {
  const names = new Intl.DisplayNames(undefined, { type: 'language', fallback: 'code' });
  return tags.map((tag) => names.of(tag) ?? tag).join(', ');
}

export function ArchiveTable({ entries, current }: { entries: LibraryEntry[]; current: string | null }) {
  const { t } = useTranslation();
  const size = (bytes: number): string =>
    bytes < 1024 * 1024
      ? t('library.kilobytes', { size: Math.max(1, Math.round(bytes / 1024)) })
      : t('library.megabytes', { size: bytes / 1024 / 1024 });
  return (
    <table className="archive-table">
      <caption>{t('library.archives')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('library.columns.title')}</th>
          <th scope="col">{t('library.columns.language')}</th>
          <th scope="col" className="number">
            {t('library.columns.size')}
          </th>
          <th scope="col" className="number">
            {t('library.columns.passages')}
          </th>
          <th scope="col">{t('library.columns.date')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.archiveId} data-archive-id={e.archiveId}>
            <th scope="row">
              <a
                href={hrefFor({ view: 'home' }, e.archiveId)}
                aria-label={t('library.open', { title: e.title })}
                aria-current={e.archiveId === current ? 'page' : undefined}
              >
                <span lang={e.languages[0]}>{e.title}</span>
              </a>
              {e.archiveId === current && <span className="archive-flag">{t('library.reading')}</span>}
              {e.isEmbedded && <Badge tone="heading">{t('library.embedded')}</Badge>}
              {e.description && (
                <span className="archive-description" lang={e.languages[0]}>
                  {e.description}
                </span>
              )}
            </th>
            {/* data-label names the column where a phone shows each archive as a block (Library.css). */}
            <td data-label={t('library.columns.language')}>{languageNames(e.languages)}</td>
            <td data-label={t('library.columns.size')} className="number">
              {size(e.bytes)}
            </td>
            <td data-label={t('library.columns.passages')} className="number">
              {e.passageCount.toLocaleString()}
            </td>
            <td data-label={t('library.columns.date')}>{e.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
