/**
 * The kinds of passages, looked up in batches and kept across searches: kind filters and kind words
 * need them for candidates the index knows only by ref.
 */
import type { PassageKind } from '../../model/passage-kind';
import type { PassageSource } from './passage-source';

/** The cache starts afresh beyond this many passages. */
const MAX_CACHED = 50_000;
/** Passages read at a time when the source has no fast path for kinds. */
const BATCH = 200;

export class PassageKinds {
  private readonly kinds = new Map<string, PassageKind>();

  constructor(private readonly passages: PassageSource) {}

  /** The kind of passage `id`, if looked up. */
  get(id: string): PassageKind | undefined {
    return this.kinds.get(id);
  }

  /** Looks up the kinds of `ids` not known yet. */
  lookUp(ids: string[]): void {
    const missing = ids.filter((id) => !this.kinds.has(id));
    if (missing.length === 0) return;
    if (this.kinds.size > MAX_CACHED) this.kinds.clear();
    if (typeof this.passages.passageKinds === 'function') {
      const kinds = this.passages.passageKinds(missing);
      missing.forEach((id, i) => {
        const kind = kinds[i];
        if (kind) this.kinds.set(id, kind);
      });
      return;
    }
    for (let i = 0; i < missing.length; i += BATCH) {
      for (const p of this.passages.passagesByIds(missing.slice(i, i + BATCH))) this.kinds.set(p.id, p.kind);
    }
  }
}
