/** Stands in for a picture, film or recording the pack does not contain. */
import type { MediaType } from '../../../../main/model/archive';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
  const missing = t(`media.missing.${type ?? 'image'}`);
  return (
    <div className="placeholder" role={asImage ? 'img' : undefined} aria-label={asImage ? missing : undefined}>
      <span aria-hidden="true" className="placeholder-icon">
        {icon}
      </span>
      <span>{missing}</span>
    </div>
  );
}
