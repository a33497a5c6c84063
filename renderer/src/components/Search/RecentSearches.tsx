/** The recent searches, shown when the search box is focused and empty: each runs again or is removed. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './RecentSearches.css';

export function RecentSearches({
  searches,
  onRun,
  onRemove,
  onClear,
}: {
  searches: readonly string[];
  onRun(this: void, query: string): void;
  onRemove(this: void, query: string): void;
  onClear(this: void): void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <div role="group" className="recent" aria-labelledby={titleId}>
      <p id={titleId} className="recent-title">
        {t('searchHelp.recent')}
      </p>
      <ul className="recent-list">
        {searches.map((query) => (
          <li key={query} className="recent-item">
            <button type="button" className="recent-query" onClick={() => onRun(query)}>
              <svg aria-hidden="true" viewBox="0 0 20 20" className="recent-icon">
                <circle cx="10" cy="10" r="7" fill="none" stroke="currentColor" strokeWidth="1.6" />
                <path d="M10 6v4.2l2.8 1.8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
              </svg>
              {query}
            </button>
            <button
              type="button"
              className="recent-remove"
              aria-label={t('searchHelp.removeRecent', { query })}
              onClick={() => onRemove(query)}
            >
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="recent-clear" onClick={onClear}>
        {t('searchHelp.clearRecent')}
      </button>
    </div>
  );
}
