/**
 * A caption passage: its picture (or a placeholder when the pack lacks it) above the caption text. In a run of
 * such captions the run's one line stands for the placeholders (MissingRun), until the reader unfolds it.
 */
import type { Passage } from '../../../../main/model/archive';
import { useApi } from '../../api/ApiContext';
import { Highlighted, type Ranges } from '../../components/Highlighted';
import { excerpt } from './excerpt';
import { MediaPlaceholder } from './MediaPlaceholder';
import { LangText } from './PassageContent';
import './CaptionFigure.css';

export function CaptionFigure({
  passage: p,
  highlights,
  placeholder = true,
}: {
  passage: Passage;
  highlights: Ranges;
  placeholder?: boolean;
}) {
  const api = useApi();
  return (
    <figure className={p.media?.present || placeholder ? 'figure' : 'figure folded'}>
      {p.media?.present ? (
        <img src={api.mediaUrl(p.media.id)} alt={excerpt(p.text, 200)} loading="lazy" decoding="async" />
      ) : placeholder ? (
        <MediaPlaceholder type={p.media?.type} icon="▢" asImage />
      ) : null}
      <figcaption>
        {highlights.length === 0 ? (
          <LangText text={p.text} content={p.content} />
        ) : (
          <Highlighted text={p.text} ranges={highlights} markClass="hit" />
        )}
      </figcaption>
    </figure>
  );
}
