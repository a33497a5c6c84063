/** One bookmark in the list: kind, section and date, the passage's excerpt, its note, and what can be done with it. */
import type { Bookmark } from '../../../../main/model/bookmark';
import { Badge } from '../../components/Badge';
import { NoteEditor } from '../../components/NoteEditor';
import { NoteText } from '../../components/NoteText';
import { useBookmarks } from '../../hooks/useBookmarks';
import { passageHref } from '../../route';
import { strings } from '../../strings';
import './BookmarkItem.css';

function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
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
  const t = strings.bookmarks;
  const headingId = `bm-${b.passageId}`;
  return (
    <li className={b.orphaned ? 'bookmark orphaned' : 'bookmark'}>
      <article aria-labelledby={headingId}>
        <p className="bookmark-meta">
          {b.passage ? (
            <>
              <Badge tone={b.passage.kind}>{strings.kind.label[b.passage.kind]}</Badge>
              <span className="bookmark-section">{b.passage.section}</span>
            </>
          ) : (
            <Badge tone="orphan">{t.orphaned}</Badge>
          )}
          <span className="bookmark-date">
            {t.saved} <time dateTime={b.createdAt}>{formatDate(b.createdAt)}</time>
          </span>
        </p>
        <h2 id={headingId} className="bookmark-excerpt">
          {b.passage ? b.passage.excerpt : b.savedExcerpt ? t.quoted(b.savedExcerpt) : t.gone}
        </h2>
        {b.orphaned && <p className="orphan-note">{t.orphanNote}</p>}
        {editing ? (
          <NoteEditor
            initial={b.note}
            label={t.note}
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
              {t.goTo}
            </a>
          )}
          <button type="button" onClick={() => onEdit(!editing)}>
            {t.noteToggle(!!b.note)}
          </button>
          <button type="button" className="danger" onClick={() => void remove(b.passageId)}>
            {t.remove}
          </button>
        </p>
      </article>
    </li>
  );
}
