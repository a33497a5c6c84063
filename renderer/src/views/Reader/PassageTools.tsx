/** Beside a passage: the bookmark toggle, a link to the passage, and (once bookmarked) the note toggle. */
import type { Bookmark } from '../../../../main/model/bookmark';
import { useBookmarks } from '../../hooks/useBookmarks';
import { passageHref } from '../../route';
import { strings } from '../../strings';
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
  const { toggle } = useBookmarks();
  return (
    <div className="passage-tools">
      <button
        type="button"
        className="bookmark-toggle"
        aria-pressed={!!bookmark}
        aria-label={strings.passage.bookmark(name)}
        title={strings.passage.bookmarkTitle(!!bookmark)}
        onClick={() => void toggle(passageId)}
      >
        <svg viewBox="0 0 16 20" aria-hidden="true">
          <path d="M2 1.5h12v17l-6-4.5-6 4.5z" />
        </svg>
      </button>
      <a
        className="passage-link"
        href={passageHref(passageId)}
        aria-label={strings.passage.link(name)}
        title={strings.passage.linkTitle}
      >
        #
      </a>
      {bookmark && (
        <button
          type="button"
          className="note-toggle"
          aria-expanded={editing}
          aria-label={strings.passage.noteToggle(!!bookmark.note, name)}
          onClick={onEdit}
        >
          ✎
        </button>
      )}
    </div>
  );
}
