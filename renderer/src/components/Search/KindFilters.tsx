/**
 * The kinds a search shows, as checkable chips. The last one checked cannot be unchecked: it is disabled,
 * and a note beside the chips (its description) says why, so no search silently shows every kind again.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FILTER_KINDS, type FilterKind } from '../../kinds';
import './KindFilters.css';

export function KindFilters({
  kinds,
  onToggle,
}: {
  kinds: ReadonlySet<FilterKind>;
  onToggle(this: void, kind: FilterKind): void;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const last = kinds.size === 1;
  return (
    <fieldset className="filters">
      <legend>{t('search.filters')}</legend>
      {FILTER_KINDS.map((kind) => (
        <label key={kind} className="chip">
          <input
            type="checkbox"
            checked={kinds.has(kind)}
            disabled={last && kinds.has(kind)}
            aria-describedby={last && kinds.has(kind) ? noteId : undefined}
            title={last && kinds.has(kind) ? t('search.lastKind') : undefined}
            onChange={() => onToggle(kind)}
          />
          {t(`kind.filter.${kind}`)}
        </label>
      ))}
      {last && (
        <span id={noteId} className="filters-note">
          {t('search.lastKind')}
        </span>
      )}
    </fieldset>
  );
}
