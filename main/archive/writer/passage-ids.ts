/**
 * Passage ids are derived from kind and text (`p` + 12 hex digits of SHA-256; `-2`, `-3` for
 * repeats), so rebuilding an archive, or fixing a typo elsewhere, keeps bookmarks valid.
 *
 * The builder knows a passage's kind and text by its content key, the first 128 bits of the same
 * SHA-256 (32 hex digits): a million passages' keys fit in memory where their texts would not.
 * Two texts are taken as equal when their keys are (a collision of 128 bits of SHA-256 is not
 * expected in the lifetime of the universe).
 */
import { createHash } from 'node:crypto';
import type { PassageKind } from '../../model/passage-kind';

/** Bytes of the SHA-256 of kind and text that a content key keeps. */
export const CONTENT_KEY_BYTES = 16;

/** The SHA-256 of a passage's kind and text, as passage-id.ts hashes them, cut to CONTENT_KEY_BYTES. */
export function contentKeyBytes(kind: PassageKind, text: string): Buffer {
  return createHash('sha256').update(`${kind}\u0000${text}`).digest().subarray(0, CONTENT_KEY_BYTES);
}

/** The content key of a passage: 32 hex digits, of which the first 12 are its id's. */
export function contentKey(kind: PassageKind, text: string): string {
  return contentKeyBytes(kind, text).toString('hex');
}

export class PassageIds {
  private readonly seen = new Map<string, number>();
  private readonly firstByContent = new Map<string, string>();

  /** The next passage's id (from its content key), and the id of the first passage of the same kind and text (null if this is it). */
  next(key: string): { id: string; repeatOf: string | null } {
    const baseId = key.slice(0, 12);
    const seen = this.seen.get(baseId) ?? 0;
    this.seen.set(baseId, seen + 1);
    const id = seen === 0 ? `p${baseId}` : `p${baseId}-${seen + 1}`;
    const repeatOf = this.firstByContent.get(key) ?? null;
    if (!repeatOf) this.firstByContent.set(key, id);
    return { id, repeatOf };
  }
}
