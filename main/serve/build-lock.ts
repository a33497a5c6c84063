/**
 * A lock between processes (mkdir is atomic), so concurrent servers never build the web app over
 * each other: one builds, the others wait for it. The holder writes its host and process id inside.
 * A lock left by a process that died mid-build (Ctrl-C during a first `folio serve`) is then taken
 * over at once; it used to hold every later start silent for three minutes. A lock whose holder
 * can't be checked (another host on a shared folder, no owner written yet) is taken over once it
 * is older than `staleMs`.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';

const OWNER = 'owner.json';
const Owner = z.object({ host: z.string(), pid: z.int() });
const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

export interface LockOptions {
  /** A lock older than this is taken over whoever holds it (a build never takes that long). */
  staleMs?: number;
  /** Told once, when the lock is held by another live process and this one starts waiting. */
  onWait?: () => void;
}

/** Runs `run` holding `lock` (a directory path), waiting for another holder first. */
export async function withDirectoryLock(
  lock: string,
  run: () => Promise<void>,
  options: LockOptions = {},
): Promise<void> {
  const staleMs = options.staleMs ?? 180_000;
  // Past staleMs the lock is taken over; the margin covers file systems with coarse times.
  const deadline = Date.now() + 2 * staleMs;
  let told = false;
  while (!take(lock)) {
    if (holderIsGone(lock) || ageOf(lock) > staleMs) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for another process holding ${lock}`);
    if (!told) options.onWait?.();
    told = true;
    await sleep(100);
  }
  try {
    await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Takes the lock, or returns false when another process holds it. */
function take(lock: string): boolean {
  try {
    mkdirSync(lock, { recursive: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(lock, OWNER), JSON.stringify({ host: hostname(), pid: process.pid }));
  return true;
}

/** How long ago the lock was taken (0 when it was just released). */
function ageOf(lock: string): number {
  const stat = statSync(lock, { throwIfNoEntry: false });
  return stat ? Date.now() - stat.mtimeMs : 0;
}

/** True only when the holder is known to be a process of this host that no longer runs. */
function holderIsGone(lock: string): boolean {
  let text: string;
  try {
    text = readFileSync(join(lock, OWNER), 'utf8');
  } catch {
    return false; // not written yet: only age decides
  }
  let owner: z.infer<typeof Owner>;
  try {
    const parsed = Owner.safeParse(JSON.parse(text));
    if (!parsed.success) return false;
    owner = parsed.data;
  } catch {
    return false; // half written, or not ours: only age decides
  }
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
