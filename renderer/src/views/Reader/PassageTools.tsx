/** Beside a passage: the bookmark toggle, a link to the passage, and (once bookmarked) the note toggle. */
import type { Bookmark } from '../../../../main/model/bookmark';
import { useBookmarks } from '../../hooks/useBookmarks';
import { passageHref } from '../../route';
import { useTranslation } from 'react-i18next';
import './PassageTools.css';

export function PassageTools({
  passageId,
  name,
  bookmark,
  editing,
  onEdit,
}: {
  passageId: string;
  /** The passage's excerpt, which names each tool. */
  name: string;
  bookmark: Bookmark | undefined;
  editing: boolean;
  onEdit(this: void): void;
}) {
  const { t } = useTranslation();
  const { toggle } = useBookmarks();
  return (
    <div className="passage-tools">
      <button
        type="button"
        className="bookmark-toggle"
        aria-pressed={!!bookmark}
        aria-label={t('passage.bookmark', { name })}
        title={bookmark ? t('passage.bookmarkRemove') : t('passage.bookmarkAdd')}
        onClick={() => void toggle(passageId)}
      >
        <svg viewBox="0 0 16 20" aria-hidden="true">
          <path d="M2 1.5h12v17l-6-4.5-6 4.5z" />
        </svg>
      </button>
      <a
        className="passage-link"
        href={passageHref(passageId)}
        aria-label={t('passage.link', { name })}
        title={t('passage.linkTitle')}
      >
        #
      </a>
      {bookmark && (
        <button
          type="button"
          className="note-toggle"
          aria-expanded={editing}
          aria-label={bookmark.note ? t('passage.noteEdit', { name }) : t('passage.noteAdd', { name })}
          onClick={onEdit}
        >
          ✎
        </button>
      )}
    </div>
  );
}
