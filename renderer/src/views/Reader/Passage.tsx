/**
 * One passage in the reading column, shaped by its kind, with its tools (bookmark, link, note) beside it.
 * Its element is the target of passage links (`#p-<id>`) and what the reading position observes.
 */
import { useState } from 'react';
import type { Passage as PassageData } from '../../../../main/model/archive';
import type { Ranges } from '../../components/Highlighted';
import { NoteEditor } from '../../components/NoteEditor';
import { NoteText } from '../../components/NoteText';
import { useBookmarks } from '../../hooks/useBookmarks';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { ContentInText } from '../../i18n/ContentInText';
import { passageUrl, type CitedPassage } from '../../cite/citation';
import { CitePanel } from './CitePanel';
import { excerpt } from './excerpt';
import { PassageBody } from './PassageBody';
import { PassageTools } from './PassageTools';
import './Passage.css';

export function Passage({
  passage: p,
  asTitle,
  highlights,
  target,
  citeBase,
  placeholder,
}: {
  passage: PassageData;
  asTitle: boolean;
  highlights: Ranges;
  target: boolean;
  /** What every citation of this section holds; the passage adds itself. */
  citeBase: Omit<CitedPassage, 'passageId' | 'name' | 'url' | 'accessed'>;
  /** False when a caption's missing picture is folded into the line of a run (MissingRun). */
  placeholder: boolean;
}) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { bookmarks, saveNote } = useBookmarks();
  const bookmark = bookmarks.get(p.id);
  const [editing, setEditing] = useState(false);
  const [citing, setCiting] = useState(false);
  const name = excerpt(p.title ?? p.text);
  return (
    <div
      id={`p-${p.id}`}
      className={`passage passage-${p.kind}${target ? ' target' : ''}${bookmark ? ' bookmarked' : ''}`}
      data-passage-id={p.id}
      data-ordinal={p.ordinal}
      tabIndex={-1}
    >
      <div className="passage-body" lang={p.lang ?? lang}>
        <PassageBody passage={p} asTitle={asTitle} highlights={highlights} placeholder={placeholder} />
      </div>
      <PassageTools
        passageId={p.id}
        name={name}
        bookmark={bookmark}
        editing={editing}
        onEdit={() => setEditing((v) => !v)}
        citing={citing}
        onCite={() => setCiting((v) => !v)}
      />
      {citing && (
        <CitePanel
          cited={{ ...citeBase, passageId: p.id, name, url: passageUrl(p.id), accessed: new Date() }}
          onClose={() => setCiting(false)}
        />
      )}
      {bookmark && !editing && bookmark.note && <NoteText note={bookmark.note} className="passage-note" />}
      {bookmark && editing && (
        <NoteEditor
          initial={bookmark.note}
          label={<ContentInText text={t('passage.noteLabel', { name })} content={name} />}
          onCancel={() => setEditing(false)}
          onSave={async (note) => {
            await saveNote(p.id, note);
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}
