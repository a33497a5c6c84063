/**
 * The web app's build lock between `folio serve` processes: a lock left by a process that died
 * mid-build is taken over at once (it used to hold every later start for three minutes), a live
 * holder is waited for, and a lock whose holder is unknown is taken once it is stale.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withDirectoryLock } from '../../main/serve/build-lock';
import { tempDir } from '../helpers/temp';

const dir = tempDir('folio-build-lock-');
const held = (name: string, owner?: object): string => {
  const lock = join(dir, name);
  mkdirSync(lock);
  if (owner) writeFileSync(join(lock, 'owner.json'), JSON.stringify(owner));
  return lock;
};

describe('the web app build lock', () => {
  it('takes over at once a lock whose holder died', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const lock = held('dead', { host: hostname(), pid: dead });
    let waited = false;
    const started = Date.now();
    let ran = false;
    await withDirectoryLock(
      lock,
      () => {
        ran = true;
        expect(existsSync(lock)).toBe(true);
        return Promise.resolve();
      },
      { onWait: () => (waited = true) },
    );
    expect(ran).toBe(true);
    expect(waited).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a live holder, says so once, and goes on when it ends', async () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const lock = held('live', { host: hostname(), pid: holder.pid });
    let waits = 0;
    let ran = false;
    const done = withDirectoryLock(
      lock,
      () => {
        ran = true;
        return Promise.resolve();
      },
      { onWait: () => waits++ },
    );
    await new Promise((r) => setTimeout(r, 600));
    expect(ran).toBe(false);
    expect(waits).toBe(1);
    const exited = new Promise((r) => holder.once('exit', r));
    holder.kill();
    await exited;
    const killedAt = Date.now();
    await done;
    expect(ran).toBe(true);
    expect(Date.now() - killedAt).toBeLessThan(2000);
  });

  it('takes a lock whose holder it cannot check only once it is stale', async () => {
    const lock = held('elsewhere', { host: `not-${hostname()}`, pid: 1 });
    let ran = false;
    const started = Date.now();
    await withDirectoryLock(
      lock,
      () => {
        ran = true;
        return Promise.resolve();
      },
      { staleMs: 800 },
    );
    expect(ran).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });

  it('releases the lock when the build fails', async () => {
    const lock = join(dir, 'failing');
    await expect(withDirectoryLock(lock, () => Promise.reject(new Error('vite exit 1')))).rejects.toThrow(
      'vite exit 1',
    );
    expect(existsSync(lock)).toBe(false);
  });
});
