/** The kinds a search shows, as checkable chips; unchecking the last one checks them all again. */
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
  return (
    <fieldset className="filters">
      <legend>{t('search.filters')}</legend>
      {FILTER_KINDS.map((kind) => (
        <label key={kind} className="chip">
          <input type="checkbox" checked={kinds.has(kind)} onChange={() => onToggle(kind)} />
          {t(`kind.filter.${kind}`)}
        </label>
      ))}
    </fieldset>
  );
}
