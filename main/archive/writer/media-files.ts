/**
 * The media files a pack carries. A reference to a file inside the source folder is stored once,
 * however many passages show it; anything else (remote, missing, outside the folder) is kept as a
 * reference marked not included, so the reader can say what is missing. Files are only checked here
 * (source-file.ts); the pack writer reads them one at a time, so memory does not grow with the media.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MediaRef } from '../../model/archive';
import { SourceError } from '../../model/errors';
import type { ArchiveSource } from '../source/archive-source';
import type { PassageBlock } from '../source/blocks';
import { checkSourceFile, isInside } from '../source/source-file';
import { mimeForPath } from './mime';
import { sha256Hex } from './sha256';

export interface MediaFile {
  ref: MediaRef;
  /** The file to store (its real path), when it is included in the pack. */
  file: string | null;
}

export class MediaFiles {
  private readonly byId = new Map<string, MediaFile>();
  /** Files already reported as not included, so a picture shown on every page is reported once. */
  private readonly warned = new Set<string>();

  constructor(
    private readonly source: Pick<ArchiveSource, 'root' | 'unreadable'>,
    private readonly onWarning: (message: string) => void = () => {},
  ) {}

  /** The media of a passage: a file's id comes from its path, a missing file's from the passage that names it. */
  refer(media: NonNullable<PassageBlock['media']>, passageId: string): MediaRef {
    const src = media.src;
    const full = src ? resolve(this.source.root, src) : null;
    const fileId = src ? `m${sha256Hex(src, 12)}` : '';
    const stored = this.byId.get(fileId);
    if (stored) return stored.ref;
    const file = full && isInside(this.source.root, full) && existsSync(full) ? this.checked(full, src!) : null;
    const id = file ? fileId : `m${sha256Hex(`${passageId}\u0000${src ?? ''}`, 12)}`;
    const existing = this.byId.get(id);
    if (existing) return existing.ref;
    const ref: MediaRef = {
      id,
      type: media.type,
      mime: file ? mimeForPath(file.real) : null,
      source: src,
      present: file !== null,
      bytes: file?.bytes ?? 0,
    };
    this.byId.set(id, { ref, file: file?.real ?? null });
    return ref;
  }

  /** A file inside the folder that may be stored, or null (with a warning) when a saved website's may not. */
  private checked(full: string, src: string): { real: string; bytes: number } | null {
    const check = checkSourceFile(this.source.root, full, 'media');
    if (check.ok) return check;
    if (this.source.unreadable === 'refuse') throw new SourceError(`${src}: ${check.reason}; refused`);
    if (!this.warned.has(src)) this.onWarning(`${src}: ${check.reason}; not included`);
    this.warned.add(src);
    return null;
  }

  /** Every media item, in the order passages first referred to them. */
  all(): MediaFile[] {
    return [...this.byId.values()];
  }
}
