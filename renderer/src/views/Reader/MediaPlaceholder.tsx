/** Stands in for a picture, film or recording the pack does not contain. */
import type { MediaType } from '../../../../main/model/archive';
import { mediaWord, strings } from '../../strings';
import './MediaPlaceholder.css';

export function MediaPlaceholder({
  type,
  icon,
  asImage = false,
}: {
  type: MediaType | undefined;
  icon: string;
  /** In a figure, the placeholder is the figure's image, and is named as one. */
  asImage?: boolean;
}) {
  return (
    <div
      className="placeholder"
      role={asImage ? 'img' : undefined}
      aria-label={asImage ? strings.media.missing(type ?? 'image') : undefined}
    >
      <span aria-hidden="true" className="placeholder-icon">
        {icon}
      </span>
      <span>{strings.media.missing(mediaWord(type))}</span>
    </div>
  );
}
