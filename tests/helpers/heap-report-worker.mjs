// A stand-in core worker (CoreHost's protocol) that answers every call with the heap its thread was
// given: its resource limits, and how large its young generation grew under a burst of allocation
// that keeps some of what it makes alive, as a search does (heap-limits.ts).
import { getHeapSpaceStatistics } from 'node:v8';
import { parentPort, resourceLimits } from 'node:worker_threads';

const newSpaceBytes = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space').space_size;

parentPort.on('message', (message) => {
  let largest = newSpaceBytes();
  const kept = new Array(50_000);
  for (let i = 0; i < 2_000_000; i++) {
    kept[i % kept.length] = { i, text: `passage ${i}`, tokens: [i, i + 1, i + 2] };
    if (i % 10_000 === 0) largest = Math.max(largest, newSpaceBytes());
  }
  parentPort.postMessage({
    id: message.id,
    kind: 'call',
    result: { ok: true, value: { resourceLimits, largestNewSpaceBytes: largest, kept: kept.length } },
  });
});
