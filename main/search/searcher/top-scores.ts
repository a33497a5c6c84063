/**
 * The k highest of a growing list of scores, kept in order as they come, so that the k-th is known
 * at once. The phrase check asks whether its page is settled after each hit once the page is full,
 * and sorting every kept score at each ask made a long check quadratic (18.7 of 47 ms of checking on
 * the Debian Reference). Ordered as a Float64Array sorts (NaN above every number), so the k-th is
 * what sorting them all gives.
 */
export class TopScores {
  /** The k highest so far, highest first. */
  private readonly best: number[] = [];

  constructor(private readonly k: number) {}

  add(score: number): void {
    const { best, k } = this;
    if (k === 0) return;
    if (best.length === k) {
      if (!sortsAfter(score, best[k - 1]!)) return;
      best.pop();
    }
    let at = best.length;
    best.push(score);
    while (at > 0 && sortsAfter(score, best[at - 1]!)) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = score;
  }

  /** The k-th highest score added, undefined while fewer than k were. */
  kth(): number | undefined {
    return this.best.length === this.k ? this.best[this.k - 1] : undefined;
  }
}

/** Whether `a` comes after `b` in a Float64Array's ascending sort (NaN last). */
function sortsAfter(a: number, b: number): boolean {
  return a > b || (Number.isNaN(a) && !Number.isNaN(b));
}
