/**
 * A chunk of document refs (blobs `refs/0`, `refs/1`, …, before deflating): one string and the
 * offsets of its refs, each sliced out when first asked for. Refs are '\n'-joined, with a leading
 * '\n', when none contains a newline (the usual case), else a JSON array.
 */
export class RefList {
  /** Each ref made into its own string once (no per-query garbage for documents seen before). */
  private cache: (string | undefined)[] | null = null;

  private constructor(
    private readonly text: string,
    private readonly ends: Int32Array,
    private readonly list: string[] | null,
  ) {}

  static encode(refs: readonly string[]): Buffer {
    const plain = refs.every((r) => !r.includes('\n'));
    if (refs.length === 0) return Buffer.alloc(0);
    return Buffer.from(plain ? `\n${refs.join('\n')}` : JSON.stringify(refs), 'utf8');
  }

  /** The refs of `raw`, which must hold exactly `count` of them. */
  static decode(raw: Buffer, count: number): RefList {
    const text = raw.toString('utf8');
    if (text.startsWith('[')) {
      const list = JSON.parse(text) as string[];
      if (!Array.isArray(list) || list.length !== count)
        throw new Error(`search index: document refs do not match ${count} documents`);
      return new RefList('', new Int32Array(1), list);
    }
    const ends = new Int32Array(count + 1);
    if (count === 0) {
      if (text !== '') throw new Error('search index: document refs for no documents');
      return new RefList('', ends, null);
    }
    let pos = 0;
    for (let i = 0; i < count; i++) {
      if (pos >= text.length || text.charCodeAt(pos) !== 10)
        throw new Error(`search index: document refs malformed (${i} of ${count})`);
      ends[i] = pos;
      const next = text.indexOf('\n', pos + 1);
      pos = next === -1 ? text.length : next;
    }
    if (pos !== text.length) throw new Error(`search index: more document refs than ${count}`);
    ends[count] = pos;
    return new RefList(text, ends, null);
  }

  get length(): number {
    return this.list ? this.list.length : this.ends.length - 1;
  }

  at(i: number): string | undefined {
    if (this.list) return this.list[i];
    if (!(i >= 0 && i < this.ends.length - 1)) return undefined;
    const cache = (this.cache ??= new Array<string | undefined>(this.ends.length - 1));
    let ref = cache[i];
    if (ref === undefined) {
      ref = this.text.slice(this.ends[i]! + 1, this.ends[i + 1]);
      cache[i] = ref;
    }
    return ref;
  }
}
