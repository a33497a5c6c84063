/**
 * `folio stats`: the usage ledger (usage.sqlite in the data folder) as text, JSON or CSV per day. Only
 * counts and search texts; the ledger holds nothing that names a visitor.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { UsageSummary } from '../model/kiosk';
import { fail } from './failure';

function day(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new InvalidArgumentError('must be a date written YYYY-MM-DD');
  return value;
}

const CSV_COLUMNS = [
  'day',
  'sessions',
  'sessionSeconds',
  'searches',
  'zeroResultSearches',
  'passagesOpened',
  'bookmarksMade',
] as const;

export function usageCsv(summary: UsageSummary): string {
  const rows = summary.days.map((d) => CSV_COLUMNS.map((c) => String(d[c])).join(','));
  return `${[CSV_COLUMNS.join(','), ...rows].join('\n')}\n`;
}

export function usageText(summary: UsageSummary, file: string): string {
  const s = summary.sessions;
  const list = (items: { count: number; label: string }[]): string =>
    items.length ? items.map((i) => `  ${String(i.count).padStart(5)}  ${i.label}`).join('\n') : '  (none)';
  return (
    `Usage ${summary.since ? `since ${summary.since}` : 'so far'} (${file})\n` +
    `sessions          ${s.count} (median ${s.medianSeconds} s, total ${s.totalSeconds} s)\n` +
    `searches          ${summary.searches}\n` +
    `passages opened   ${summary.passagesOpened}\n` +
    `bookmarks made    ${summary.bookmarksMade}\n\n` +
    `Searches that found nothing:\n${list(summary.zeroResultQueries.map((q) => ({ count: q.count, label: q.query })))}\n\n` +
    `Top searches:\n${list(summary.topQueries.map((q) => ({ count: q.count, label: q.query })))}\n\n` +
    `Top passages:\n${list(summary.topPassages.map((p) => ({ count: p.count, label: p.passageId })))}\n`
  );
}

export function addStatsCommand(program: Command): void {
  program
    .command('stats')
    .description('print the usage ledger kept by kiosks and folio serve (no personal data)')
    .option('--data-dir <folder>', 'the data folder holding usage.sqlite')
    .option('--since <YYYY-MM-DD>', 'only from this day on', day)
    .option('--json', 'print one JSON object')
    .option('--csv', 'print one CSV row per day')
    .action(async (options: { dataDir?: string; since?: string; json?: boolean; csv?: boolean }) => {
      try {
        const { defaultDataDir } = await import('../data-dir');
        const { LEDGER_FILE, UsageLedger } = await import('../stats/ledger');
        const dataDir = options.dataDir ?? defaultDataDir();
        const file = join(dataDir, LEDGER_FILE);
        const since = options.since ?? null;
        let summary: UsageSummary;
        if (existsSync(file)) {
          const ledger = UsageLedger.open(dataDir, { create: false });
          summary = ledger.summary(since);
          ledger.close();
        } else {
          summary = {
            since,
            days: [],
            sessions: { count: 0, totalSeconds: 0, medianSeconds: 0 },
            searches: 0,
            zeroResultQueries: [],
            topQueries: [],
            topPassages: [],
            passagesOpened: 0,
            bookmarksMade: 0,
          };
          if (!options.json && !options.csv) process.stderr.write(`folio: no usage recorded yet (${file})\n`);
        }
        if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
        else if (options.csv) process.stdout.write(usageCsv(summary));
        else process.stdout.write(usageText(summary, file));
      } catch (error) {
        fail(error);
      }
    });
}
