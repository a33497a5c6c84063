/**
 * The media files a pack carries. A reference to a file inside the source folder is stored once,
 * however many passages show it; anything else (remote, missing, outside the folder) is kept as a
 * reference marked not included, so the reader can say what is missing.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MediaRef } from '../../model/archive';
import type { PassageBlock } from '../source/blocks';
import { isInside } from '../source/media-path';
import { mimeForPath } from './mime';
import { sha256Hex } from './sha256';

export interface MediaFile {
  ref: MediaRef;
  /** The file's bytes when it is included in the pack. */
  data: Buffer | null;
  sha256: string | null;
}

export class MediaFiles {
  private readonly byId = new Map<string, MediaFile>();

  constructor(private readonly root: string) {}

  /** The media of a passage: a file's id comes from its path, a missing file's from the passage that names it. */
  refer(media: NonNullable<PassageBlock['media']>, passageId: string): MediaRef {
    const src = media.src;
    const full = src ? resolve(this.root, src) : null;
    const present = Boolean(full && isInside(this.root, full) && existsSync(full) && statSync(full).isFile());
    const id = present && src ? `m${sha256Hex(src, 12)}` : `m${sha256Hex(`${passageId}\u0000${src ?? ''}`, 12)}`;
    const existing = this.byId.get(id);
    if (existing) return existing.ref;
    const data = present && full ? readFileSync(full) : null;
    const ref: MediaRef = {
      id,
      type: media.type,
      mime: data && full ? mimeForPath(full) : null,
      source: src,
      present,
      bytes: data?.length ?? 0,
    };
    this.byId.set(id, { ref, data, sha256: data ? sha256Hex(data) : null });
    return ref;
  }

  /** Every media item, in the order passages first referred to them. */
  all(): MediaFile[] {
    return [...this.byId.values()];
  }
}
