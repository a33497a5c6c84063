/**
 * The end of a long list shown a page at a time: how much of it is shown, and a button for the next
 * page. Rendering 35,000 contents entries at once takes seconds and a phone's memory; a page of them
 * takes nothing, and the rest is one tap (or a search) away.
 */
import { useTranslation } from 'react-i18next';
import './ShowMore.css';

export function ShowMore({
  shown,
  total,
  step,
  onMore,
}: {
  shown: number;
  total: number;
  step: number;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return (
    <p className="show-more">
      <span role="status">{t('list.shown', { shown, total })}</span>
      <button type="button" className="button" onClick={onMore}>
        {t('list.more', { count: Math.min(step, total - shown) })}
      </button>
    </p>
  );
}
