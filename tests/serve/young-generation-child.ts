/**
 * For young-generation.test.ts: a thread's young generation before and after a burst of allocation
 * that survives scavenges, printed as JSON; with `served`, the burst comes once `folio serve` (with
 * its core worker) is up in this process, as in a server that has run for a while.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { startServer } from '../../main/serve/server';

const newSpace = (): number => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size;

/** Objects that live for a while: each survives a few scavenges before it is dropped. */
function burst(): void {
  let kept: { i: number; s: string }[] = [];
  const window: (typeof kept)[] = [];
  for (let i = 0; i < 3_000_000; i++) {
    kept.push({ i, s: `x${i}` });
    if (kept.length === 50_000) {
      window.push(kept);
      if (window.length > 4) window.shift();
      kept = [];
    }
  }
}

const [mode, archivePath, dataDir, rendererDir] = process.argv.slice(2);
const server = mode === 'served' ? await startServer({ archivePath, dataDir: dataDir!, rendererDir }) : null;
const before = newSpace();
burst();
const after = newSpace();
await server?.close();
process.stdout.write(JSON.stringify({ before, after }));
