/** The usage ledger's summary in the admin panel: the same figures as `folio stats`. */
import type { UsageSummary } from '../../../main/api/contract';
import { useTranslation } from 'react-i18next';

function Counted({ title, items }: { title: string; items: { label: string; count: number }[] }) {
  const { t } = useTranslation();
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
        <p>{t('kiosk.usage.none')}</p>
      )}
    </>
  );
}

export function UsageReport({ usage }: { usage: UsageSummary }) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-usage" aria-labelledby="kiosk-usage-title">
      <h3 id="kiosk-usage-title">{t('kiosk.usage.title')}</h3>
      <ul>
        <li>{t('kiosk.usage.sessions', { count: usage.sessions.count, median: usage.sessions.medianSeconds })}</li>
        <li>{t('kiosk.usage.searches', { count: usage.searches })}</li>
        <li>{t('kiosk.usage.passages', { count: usage.passagesOpened })}</li>
        <li>{t('kiosk.usage.bookmarks', { count: usage.bookmarksMade })}</li>
      </ul>
      <Counted
        title={t('kiosk.usage.zero')}
        items={usage.zeroResultQueries.map((q) => ({ label: q.query, count: q.count }))}
      />
      <Counted
        title={t('kiosk.usage.topQueries')}
        items={usage.topQueries.map((q) => ({ label: q.query, count: q.count }))}
      />
      <Counted
        title={t('kiosk.usage.topPassages')}
        items={usage.topPassages.map((p) => ({ label: p.passageId, count: p.count }))}
      />
    </section>
  );
}
