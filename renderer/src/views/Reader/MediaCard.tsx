/**
 * A media passage (a film, a recording or a picture with a description): its title, the player or picture when
 * the pack has the file (a placeholder when not), and the description.
 */
import type { Passage } from '../../../../main/model/archive';
import { useApi } from '../../api/ApiContext';
import { Badge } from '../../components/Badge';
import { Highlighted, type Ranges } from '../../components/Highlighted';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { CaptionTracks } from './CaptionTracks';
import { excerpt } from './excerpt';
import { MediaPlaceholder } from './MediaPlaceholder';
import { LangText } from './PassageContent';
import './MediaCard.css';

export function MediaCard({ passage: p, highlights }: { passage: Passage; highlights: Ranges }) {
  const api = useApi();
  const { t } = useTranslation();
  const lang = useContentLanguage();
  // The title is the start of the text; the rest is the description, its highlights offset to match.
  const title = p.title && p.text.startsWith(p.title) ? p.title : null;
  const rest = title ? p.text.slice(title.length) : p.text;
  const restOffset = title ? title.length + (rest.length - rest.trimStart().length) : 0;
  const media = p.media;
  return (
    <section className="media-card" aria-label={title ?? t('media.untitled')}>
      <p className="media-kind">
        <Badge tone="media">{t(`media.word.${media?.type ?? 'image'}`)}</Badge>
      </p>
      {title && (
        <h3 className="media-title" lang={lang}>
          <Highlighted text={title} ranges={highlights} markClass="hit" />
        </h3>
      )}
      {media?.present ? (
        media.type === 'audio' ? (
          <audio controls preload="metadata" src={api.mediaUrl(media.id)}>
            <CaptionTracks tracks={media.captions} />
          </audio>
        ) : media.type === 'video' ? (
          <video controls preload="metadata" src={api.mediaUrl(media.id)}>
            <CaptionTracks tracks={media.captions} />
          </video>
        ) : (
          <img src={api.mediaUrl(media.id)} alt={title ?? excerpt(p.text, 200)} loading="lazy" />
        )
      ) : (
        // No ▶ where nothing plays: a film's placeholder shows a frame, not a play button.
        <MediaPlaceholder
          type={media?.type}
          icon={media?.type === 'audio' ? '♪' : media?.type === 'video' ? '▭' : '▢'}
        />
      )}
      {rest.trim() && (
        <p className="media-description" lang={p.lang ?? lang}>
          {highlights.length === 0 ? (
            <LangText text={rest.trim()} content={p.content} />
          ) : (
            <Highlighted text={rest.trim()} offset={restOffset} ranges={highlights} markClass="hit" />
          )}
        </p>
      )}
    </section>
  );
}
