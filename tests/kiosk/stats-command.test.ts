/** `folio stats` as a museum runs it: the real CLI on a real ledger, as text, JSON and CSV. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../main/model/kiosk';
import { UsageLedger } from '../../main/stats/ledger';
import { tempDir } from '../helpers/temp';

const folio = join(process.cwd(), 'bin', 'folio.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [folio, 'stats', ...args], { encoding: 'utf8' });

describe('folio stats', () => {
  const dataDir = tempDir('folio-stats-');
  let day = new Date(2026, 10, 28, 12);
  const ledger = UsageLedger.open(dataDir, { now: () => day });
  ledger.sessionEnded(30);
  ledger.searched('Jejoo', 0);
  day = new Date(2026, 10, 30, 12);
  ledger.sessionEnded(90);
  ledger.searched('armistice', 4);
  ledger.passageOpened('p0123456789ab');
  ledger.close();

  it('prints one JSON object with sessions, searches and the zero-result queries', () => {
    const out = run('--data-dir', dataDir, '--json');
    expect(out.status, out.stderr).toBe(0);
    const summary = JSON.parse(out.stdout) as UsageSummary;
    expect(summary).toMatchObject({
      sessions: { count: 2, totalSeconds: 120 },
      searches: 2,
      zeroResultQueries: [{ query: 'jejoo', count: 1 }],
      topPassages: [{ passageId: 'p0123456789ab', count: 1 }],
    });
    expect(summary.topQueries).toHaveLength(2);
  });

  it('narrows to --since and prints CSV per day', () => {
    const out = run('--data-dir', dataDir, '--since', '2026-11-29', '--csv');
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toBe(
      'day,sessions,sessionSeconds,searches,zeroResultSearches,passagesOpened,bookmarksMade\n2026-11-30,1,90,1,0,1,0\n',
    );
  });

  it('prints a readable summary, and says so when nothing was recorded yet', () => {
    const text = run('--data-dir', dataDir);
    expect(text.stdout).toMatch(/sessions {10}2 \(median 30 s, total 120 s\)/);
    expect(text.stdout).toMatch(/Searches that found nothing:\n +1 {2}jejoo/);
    const empty = run('--data-dir', join(dataDir, 'none'));
    expect(empty.status).toBe(0);
    expect(empty.stderr).toMatch(/^folio: no usage recorded yet \(.*usage\.sqlite\)\n$/);
    const bad = run('--since', 'yesterday');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/YYYY-MM-DD/);
  });
});
