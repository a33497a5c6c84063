/**
 * A sealed map from strings to ordinals, kept as one string and one typed array: the keys sorted
 * and written one after another, their offsets and their ordinals. A saved site's million anchors
 * held as Map entries cost about 60 MB of a build's memory for as long as its links are resolved;
 * packed so, about a third of that, for a binary search per lookup.
 */
export class SortedKeys {
  /** `keys.length + 1` offsets into `text`, then `keys.length` ordinals. */
  private readonly table: Int32Array;
  private readonly text: string;
  private readonly count: number;

  constructor(map: ReadonlyMap<string, number>) {
    // Sorted by UTF-16 code units, the order `compare` searches in.
    const keys = [...map.keys()].sort();
    this.count = keys.length;
    this.table = new Int32Array(2 * keys.length + 1);
    let at = 0;
    keys.forEach((key, i) => {
      this.table[i] = at;
      this.table[keys.length + 1 + i] = map.get(key)!;
      at += key.length;
    });
    this.table[keys.length] = at;
    this.text = keys.join('');
  }

  get(key: string): number | undefined {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const order = this.compare(key, middle);
      if (order === 0) return this.table[this.count + 1 + middle];
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return undefined;
  }

  /** `key` against the key at `index`, by UTF-16 code units: negative, zero or positive. */
  private compare(key: string, index: number): number {
    const begin = this.table[index]!;
    const length = this.table[index + 1]! - begin;
    const shared = Math.min(key.length, length);
    for (let i = 0; i < shared; i++) {
      const difference = key.charCodeAt(i) - this.text.charCodeAt(begin + i);
      if (difference !== 0) return difference;
    }
    return key.length - length;
  }
}
