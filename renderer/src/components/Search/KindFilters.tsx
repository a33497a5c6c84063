/** The kinds a search shows, as checkable chips; unchecking the last one checks them all again. */
import { FILTER_KINDS, strings, type FilterKind } from '../../strings';
import './KindFilters.css';

export function KindFilters({
  kinds,
  onToggle,
}: {
  kinds: ReadonlySet<FilterKind>;
  onToggle(this: void, kind: FilterKind): void;
}) {
  return (
    <fieldset className="filters">
      <legend>{strings.search.filters}</legend>
      {FILTER_KINDS.map((kind) => (
        <label key={kind} className="chip">
          <input type="checkbox" checked={kinds.has(kind)} onChange={() => onToggle(kind)} />
          {strings.kind.filter[kind]}
        </label>
      ))}
    </fieldset>
  );
}
