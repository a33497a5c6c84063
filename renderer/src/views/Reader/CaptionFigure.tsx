/** A caption passage: its picture (or a placeholder when the pack lacks it) above the caption text. */
import type { Passage } from '../../../../main/model/archive';
import { useApi } from '../../api/ApiContext';
import { Highlighted, type Ranges } from '../../components/Highlighted';
import { excerpt } from './excerpt';
import { MediaPlaceholder } from './MediaPlaceholder';
import { LangText } from './PassageContent';
import './CaptionFigure.css';

export function CaptionFigure({ passage: p, highlights }: { passage: Passage; highlights: Ranges }) {
  const api = useApi();
  return (
    <figure className="figure">
      {p.media?.present ? (
        <img src={api.mediaUrl(p.media.id)} alt={excerpt(p.text, 200)} loading="lazy" decoding="async" />
      ) : (
        <MediaPlaceholder type={p.media?.type} icon="▢" asImage />
      )}
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
