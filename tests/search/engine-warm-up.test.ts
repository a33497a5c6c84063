import { describe, expect, it } from 'vitest';
import { runWarmUp, WARM_UP_READ } from '../../main/search/engine-warm-up';

describe('engine warm-up', () => {
  it('reads its made-up index through every query, past the first sorted step', () => {
    // The worker's warm-up swallows failures: a made-up index that no longer reads would leave
    // every first query cold without a word. Each query and its `holding` must find more matches
    // than it reads, so the partial sort goes past its first step.
    const counts = runWarmUp();
    expect(counts).toHaveLength(20);
    for (const count of counts) expect(count).toBeGreaterThan(WARM_UP_READ);
  });
});
