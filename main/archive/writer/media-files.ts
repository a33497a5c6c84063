/**
 * The media files a pack carries. A reference to a file inside the source folder is stored once,
 * however many passages show it; anything else (remote, missing, outside the folder) is kept as a
 * reference marked not included, so the reader can say what is missing. A film or recording brings
 * its caption tracks (WebVTT files beside it, and a page's `<track>`s), each stored as its own item.
 * Files are only checked here (source-file.ts); the pack writer reads them one at a time, so memory
 * does not grow with the media.
 */
import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { CaptionTrack, MediaRef } from '../../model/archive';
import { SourceError } from '../../model/errors';
import type { ArchiveSource } from '../source/archive-source';
import type { PassageBlock, TrackBlock } from '../source/blocks';
import { shownPath } from '../source/files';
import { checkSourceFile, isInside, type SourceFileKind } from '../source/source-file';
import { captionSidecars } from './caption-sidecars';
import { mimeForPath } from './mime';
import { sha256Hex } from './sha256';

/** A media row of the pack: what a passage refers to, or a caption file (type `captions`) a film's ref names. */
export interface StoredMedia extends Omit<MediaRef, 'type'> {
  type: MediaRef['type'] | 'captions';
}

export interface MediaFile {
  ref: StoredMedia;
  /** The file to store (its real path), when it is included in the pack. */
  file: string | null;
  /** The limit it is read under: a caption file is a text file. */
  kind: SourceFileKind;
}

export class MediaFiles {
  private readonly byId = new Map<string, MediaFile>();
  /** The items passages refer to (caption files are not among them). */
  private readonly refs = new Map<string, MediaRef>();
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
    const stored = this.refs.get(fileId);
    if (stored) return stored;
    const file =
      full && isInside(this.source.root, full) && existsSync(full) ? this.checked(full, src!, 'media') : null;
    const id = file ? fileId : `m${sha256Hex(`${passageId}\u0000${src ?? ''}`, 12)}`;
    const existing = this.refs.get(id);
    if (existing) return existing;
    const ref: MediaRef = {
      id,
      type: media.type,
      mime: file ? mimeForPath(file.real) : null,
      source: src,
      present: file !== null,
      bytes: file?.bytes ?? 0,
    };
    if (file && full && (media.type === 'video' || media.type === 'audio')) {
      const captions = this.captions(full, media.tracks ?? []);
      if (captions.length > 0) ref.captions = captions;
    }
    this.byId.set(id, { ref, file: file?.real ?? null, kind: 'media' });
    this.refs.set(id, ref);
    return ref;
  }

  /** The caption tracks of the film at `mediaPath`: the page's `<track>`s first, then the WebVTT files beside it. */
  private captions(mediaPath: string, tracks: readonly TrackBlock[]): CaptionTrack[] {
    const root = this.source.root;
    const out: CaptionTrack[] = [];
    const add = (src: string, track: Omit<CaptionTrack, 'mediaId'>): void => {
      const full = resolve(root, src);
      if (extname(src).toLowerCase() !== '.vtt') return this.warnOnce(src, 'is not a WebVTT (.vtt) caption file');
      if (!isInside(root, full) || !existsSync(full)) return this.warnOnce(src, 'caption file not found');
      const file = this.checked(full, src, 'text');
      if (!file) return;
      // Named by its path, like any media file: a caption file two films share is stored once.
      const id = `m${sha256Hex(src, 12)}`;
      if (out.some((t) => t.mediaId === id)) return;
      if (!this.byId.has(id)) {
        const ref: StoredMedia = {
          id,
          type: 'captions',
          mime: 'text/vtt',
          source: src,
          present: true,
          bytes: file.bytes,
        };
        this.byId.set(id, { ref, file: file.real, kind: 'text' });
      }
      out.push({ mediaId: id, ...track });
    };
    for (const t of tracks) add(t.src, { kind: t.kind, lang: t.lang, label: t.label });
    for (const s of captionSidecars(mediaPath))
      add(shownPath(root, s.path), { kind: 'captions', lang: s.lang, label: null });
    return out;
  }

  /** A file inside the folder that may be stored, or null (with a warning) when a saved website's may not. */
  private checked(full: string, src: string, kind: SourceFileKind): { real: string; bytes: number } | null {
    const check = checkSourceFile(this.source.root, full, kind);
    if (check.ok) return check;
    if (this.source.unreadable === 'refuse') throw new SourceError(`${src}: ${check.reason}; refused`);
    this.warnOnce(src, check.reason);
    return null;
  }

  private warnOnce(src: string, reason: string): void {
    if (!this.warned.has(src)) this.onWarning(`${src}: ${reason}; not included`);
    this.warned.add(src);
  }

  /** Every media item, in the order passages first referred to them. */
  all(): MediaFile[] {
    return [...this.byId.values()];
  }
}
