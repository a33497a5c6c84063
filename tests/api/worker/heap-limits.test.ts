/**
 * The core worker's young generation is bounded (main/api/worker/heap-limits.ts): with V8's own
 * sizing it grew to 32 MB of semi-spaces, and what searches dropped piled up in it and behind it.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_MB } from '../../../main/api/worker/heap-limits';
import { CoreHost } from '../../../main/api/worker/host';

let core: CoreHost | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

interface HeapReport {
  resourceLimits: { maxYoungGenerationSizeMb: number };
  largestNewSpaceBytes: number;
}

describe('the core worker', () => {
  it('runs with a small young generation, which stays small under a burst of allocation', async () => {
    core = new CoreHost({ workerPath: join(process.cwd(), 'tests', 'helpers', 'heap-report-worker.mjs') });
    const reply = await core.call('archive.info', {}, 'p');
    expect(reply.ok).toBe(true);
    // The stand-in answers with what its thread was given, not an API value.
    const report = (reply as unknown as { value: HeapReport }).value;
    expect(report.resourceLimits.maxYoungGenerationSizeMb).toBe(YOUNG_GENERATION_MB);
    // Two semi-spaces of a third of the young generation each: 4 MB, where V8's default grows to 32.
    expect(report.largestNewSpaceBytes).toBeLessThanOrEqual(((2 * YOUNG_GENERATION_MB) / 3) * 1024 * 1024);
  });
});
