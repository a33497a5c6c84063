/** The usage ledger's summary in the admin panel: the same figures as `folio stats`. */
import type { UsageSummary } from '../../../main/api/contract';
import { useKioskStrings } from './kiosk-strings';

function Counted({ title, items }: { title: string; items: { label: string; count: number }[] }) {
  const none = useKioskStrings().usage.none;
  return (
    <>
      <h4>{title}</h4>
      {items.length ? (
        <ol className="kiosk-usage-list">
          {items.map((i) => (
            <li key={i.label}>
              <span>{i.label}</span> <span>{i.count}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p>{none}</p>
      )}
    </>
  );
}

export function UsageReport({ usage }: { usage: UsageSummary }) {
  const t = useKioskStrings().usage;
  return (
    <section className="kiosk-usage" aria-labelledby="kiosk-usage-title">
      <h3 id="kiosk-usage-title">{t.title}</h3>
      <ul>
        <li>{t.sessions(usage.sessions.count, usage.sessions.medianSeconds)}</li>
        <li>{t.searches(usage.searches)}</li>
        <li>{t.passages(usage.passagesOpened)}</li>
        <li>{t.bookmarks(usage.bookmarksMade)}</li>
      </ul>
      <Counted title={t.zero} items={usage.zeroResultQueries.map((q) => ({ label: q.query, count: q.count }))} />
      <Counted title={t.topQueries} items={usage.topQueries.map((q) => ({ label: q.query, count: q.count }))} />
      <Counted title={t.topPassages} items={usage.topPassages.map((p) => ({ label: p.passageId, count: p.count }))} />
    </section>
  );
}
