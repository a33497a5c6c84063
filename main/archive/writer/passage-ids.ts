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

/**
 * The ids of an archive's passages, handed out in reading order and kept by ordinal as numbers (a
 * million id strings would cost several times more), with each passage's first passage of the
 * same kind and text.
 */
export class PassageIds {
  private seen = new Map<string, number>();
  private firstByContent = new Map<string, number>();
  /** Per passage: its id's 12 hex digits as a number, which passage of that hash it is (1 for the first), its first passage of the same content (-1: itself). */
  private readonly bases: number[] = [];
  private readonly occurrences: number[] = [];
  private readonly firsts: number[] = [];

  /** Passages named so far. */
  get count(): number {
    return this.bases.length;
  }

  /** Names the next passage, from its content key; returns its ordinal. */
  next(key: string): number {
    if (!this.seen) throw new Error('internal: passage ids were sealed');
    const ordinal = this.bases.length;
    const baseId = key.slice(0, 12);
    const occurrence = (this.seen.get(baseId) ?? 0) + 1;
    this.seen.set(baseId, occurrence);
    const first = this.firstByContent.get(key);
    if (first === undefined) this.firstByContent.set(key, ordinal);
    this.bases.push(Number.parseInt(baseId, 16));
    this.occurrences.push(occurrence);
    this.firsts.push(first ?? -1);
    return ordinal;
  }

  /** Lets go of what naming more passages would need. */
  seal(): void {
    this.seen = new Map();
    this.firstByContent = new Map();
  }

  id(ordinal: number): string {
    const base = this.bases[ordinal]!.toString(16).padStart(12, '0');
    const occurrence = this.occurrences[ordinal]!;
    return occurrence === 1 ? `p${base}` : `p${base}-${occurrence}`;
  }

  /** The id of the first passage of the same kind and text, null if this is it. */
  repeatOf(ordinal: number): string | null {
    const first = this.firsts[ordinal]!;
    return first < 0 ? null : this.id(first);
  }
}
