/** The bookmarks of this archive, in reading order (orphaned ones last), with export and import. */
import { useState } from 'react';
import type { ArchiveInfo } from '../../../../main/api/contract';
import { useBookmarks } from '../../hooks/useBookmarks';
import { SECTION_IDS_PER_REQUEST, useSections } from '../../hooks/useSections';
import { useKioskMode } from '../../kiosk/kiosk-mode';
import { useTranslation } from 'react-i18next';
import { ContentInText } from '../../i18n/ContentInText';
import { BookmarkItem } from './BookmarkItem';
import { BookmarkTransfer } from './BookmarkTransfer';
import './Bookmarks.css';

export function Bookmarks({ info }: { info: ArchiveInfo }) {
  const { bookmarks } = useBookmarks();
  // One note editor at a time: the passage id whose note is open.
  const [editing, setEditing] = useState<string | null>(null);
  const { t } = useTranslation();
  // A kiosk has no files to import from or export to.
  const kiosk = useKioskMode();
  // The server lists them in reading order; one just saved here finds its place by its section.
  // Only the bookmarked sections are read (all of them past what one request may name).
  const ids = [...new Set([...bookmarks.values()].flatMap((b) => (b.passage ? [b.passage.sectionId] : [])))].sort();
  const { sections } = useSections(ids.length > 0 ? info : null, ids.length <= SECTION_IDS_PER_REQUEST ? { ids } : {});
  const ordinal = new Map((sections ?? []).map((s) => [s.id, s.ordinal]));
  const list = [...bookmarks.values()].sort(
    (a, b) =>
      (a.orphaned ? 1 : 0) - (b.orphaned ? 1 : 0) ||
      (ordinal.get(a.passage?.sectionId ?? '') ?? 0) - (ordinal.get(b.passage?.sectionId ?? '') ?? 0),
  );
  return (
    <section className="bookmarks" aria-labelledby="bookmarks-title">
      <h1 id="bookmarks-title">{t('bookmarks.title')}</h1>
      <p className="lede">
        {list.length ? (
          <ContentInText
            text={t('bookmarks.summary', { count: list.length, archive: info.manifest.title })}
            content={info.manifest.title}
          />
        ) : (
          t('bookmarks.empty')
        )}
      </p>
      {!kiosk && <BookmarkTransfer />}
      <ol className="bookmark-list">
        {list.map((b) => (
          <BookmarkItem
            key={b.passageId}
            bookmark={b}
            editing={editing === b.passageId}
            onEdit={(open) => setEditing(open ? b.passageId : null)}
          />
        ))}
      </ol>
    </section>
  );
}
