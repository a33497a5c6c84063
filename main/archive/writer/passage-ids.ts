/**
 * Passage ids are derived from kind and text (`p` + 12 hex digits of SHA-256; `-2`, `-3` for
 * repeats), so rebuilding an archive, or fixing a typo elsewhere, keeps bookmarks valid.
 */
import type { PassageKind } from '../../model/passage-kind';
import { passageIdBase } from '../passage-id';

export class PassageIds {
  private readonly seen = new Map<string, number>();
  private readonly firstByContent = new Map<string, string>();

  /** The next passage's id, and the id of the first passage of the same kind and text (null if this is it). */
  next(kind: PassageKind, text: string): { id: string; repeatOf: string | null } {
    const contentKey = `${kind}\u0000${text}`;
    const baseId = passageIdBase(kind, text);
    const seen = this.seen.get(baseId) ?? 0;
    this.seen.set(baseId, seen + 1);
    const id = seen === 0 ? `p${baseId}` : `p${baseId}-${seen + 1}`;
    const repeatOf = this.firstByContent.get(contentKey) ?? null;
    if (!repeatOf) this.firstByContent.set(contentKey, id);
    return { id, repeatOf };
  }
}
