/** One bookmark in the list: kind, section and date, the passage's excerpt, its note, and what can be done with it. */
import type { Bookmark } from '../../../../main/model/bookmark';
import { Badge } from '../../components/Badge';
import { NoteEditor } from '../../components/NoteEditor';
import { NoteText } from '../../components/NoteText';
import { useBookmarks } from '../../hooks/useBookmarks';
import { passageHref } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import './BookmarkItem.css';

function formatDate(iso: string, language: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(language, { year: 'numeric', month: 'long', day: 'numeric' });
}

export function BookmarkItem({
  bookmark: b,
  editing,
  onEdit,
}: {
  bookmark: Bookmark;
  editing: boolean;
  /** Opens the note editor (true) or closes it. */
  onEdit(this: void, open: boolean): void;
}) {
  const { saveNote, remove } = useBookmarks();
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const headingId = `bm-${b.passageId}`;
  return (
    <li className={b.orphaned ? 'bookmark orphaned' : 'bookmark'}>
      <article aria-labelledby={headingId}>
        <p className="bookmark-meta">
          {b.passage ? (
            <>
              <Badge tone={b.passage.kind}>{t(`kind.label.${b.passage.kind}`)}</Badge>
              <span className="bookmark-section" lang={lang}>
                {b.passage.section}
              </span>
            </>
          ) : (
            <Badge tone="orphan">{t('bookmarks.orphaned')}</Badge>
          )}
          <span className="bookmark-date">
            {t('bookmarks.saved')} <time dateTime={b.createdAt}>{formatDate(b.createdAt, i18n.language)}</time>
          </span>
        </p>
        {b.passage || b.savedExcerpt ? (
          <h2 id={headingId} className="bookmark-excerpt" lang={lang}>
            {b.passage ? b.passage.excerpt : t('bookmarks.quoted', { excerpt: b.savedExcerpt })}
          </h2>
        ) : (
          <h2 id={headingId} className="bookmark-excerpt">
            {t('bookmarks.gone')}
          </h2>
        )}
        {b.orphaned && <p className="orphan-note">{t('bookmarks.orphanNote')}</p>}
        {editing ? (
          <NoteEditor
            initial={b.note}
            label={t('bookmarks.note')}
            onCancel={() => onEdit(false)}
            onSave={async (note) => {
              await saveNote(b.passageId, note);
              onEdit(false);
            }}
          />
        ) : (
          b.note && <NoteText note={b.note} className="bookmark-note" />
        )}
        <p className="bookmark-actions">
          {!b.orphaned && (
            <a href={passageHref(b.passageId)} className="button">
              {t('bookmarks.goTo')}
            </a>
          )}
          <button type="button" onClick={() => onEdit(!editing)}>
            {b.note ? t('bookmarks.noteEdit') : t('bookmarks.noteAdd')}
          </button>
          <button type="button" className="danger" onClick={() => void remove(b.passageId)}>
            {t('bookmarks.remove')}
          </button>
        </p>
      </article>
    </li>
  );
}
