/**
 * Real writer processes for the bookmark store: each opens the store in `dir`, says whether its open
 * reported a recovery, then saves bookmarks and acknowledges each one on stdout only after `set`
 * returned, the way the app confirms a bookmark on the page. Tests kill them with SIGKILL.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const storeUrl = new URL('../../main/bookmarks/store.ts', import.meta.url).href;
let script: string | null = null;

export interface Writer {
  child: ChildProcess;
  /** Passage ids whose `set` had returned. */
  acked: string[];
  /** Recovery notices the writer's own open reported (a crash alone must never cause one). */
  recoveries: string[];
  /** All `count` bookmarks were saved. */
  finished: boolean;
  exited: Promise<void>;
}

/** Starts a writer saving `<tag>0`, `<tag>1`, … without end, or only `count` of them then idling. */
export function startWriter(dir: string, tag: string, count = Infinity): Writer {
  if (!script) {
    const folder = mkdtempSync(join(tmpdir(), 'folio-writer-'));
    process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
    script = join(folder, 'writer.mjs');
    writeFileSync(
      script,
      `const { BookmarkStore } = await import(${JSON.stringify(storeUrl)});
     const [dir, tag, count] = process.argv.slice(2);
     const store = BookmarkStore.open(dir);
     if (store.recovery) process.stdout.write('recovery ' + store.recovery.message + '\\n');
     for (let i = 0; i < Number(count); i++) {
       store.set('p', 'arch', tag + i, 'note ' + tag + i);
       process.stdout.write('ack ' + tag + i + '\\n');
       if (i % 8 === 7) await new Promise((resolve) => setImmediate(resolve));
     }
     process.stdout.write('done\\n');
     // Stay alive with the log as it is, until killed. The timer holds the store: once the module's code
     // has run, nothing else does, and a collection would close its connection, which (the last one)
     // checkpoints and deletes the log the test is about to damage (seen once in CI: no -wal file).
     setInterval(() => store.recovery, 1000);`,
    );
  }
  const child = fork(script, [dir, tag, String(count)], { execArgv: ['--import', 'tsx'], stdio: 'pipe' });
  const writer: Writer = {
    child,
    acked: [],
    recoveries: [],
    finished: false,
    exited: new Promise((resolve) => child.on('exit', () => resolve())),
  };
  let pending = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!; // a line cut by the kill is not an acknowledgement
    for (const line of lines) {
      if (line.startsWith('ack ')) writer.acked.push(line.slice(4));
      else if (line.startsWith('recovery ')) writer.recoveries.push(line.slice(9));
      else if (line === 'done') writer.finished = true;
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  return writer;
}

/** Resolves once `test` holds, polling; rejects after `ms`. */
export async function until(test: () => boolean, ms = 30_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting for the writers');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Kills a writer with SIGKILL and waits for its exit and its last buffered output. */
export async function kill(writer: Writer): Promise<void> {
  writer.child.kill('SIGKILL');
  await writer.exited;
  await new Promise((resolve) => setImmediate(resolve));
}

/** A writer that saves `count` bookmarks, then is killed: the log keeps every frame, as after a crash. */
export async function crashAfter(dir: string, tag: string, count: number): Promise<string[]> {
  const writer = startWriter(dir, tag, count);
  await until(() => writer.finished || writer.child.exitCode !== null);
  if (!writer.finished) throw new Error('the writer stopped before saving its bookmarks');
  await kill(writer);
  return writer.acked;
}
