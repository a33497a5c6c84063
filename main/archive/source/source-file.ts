/**
 * Every file the builder reads from a source folder goes through here: it must resolve (symbolic
 * links followed, with realpath) to a regular file inside the folder, no larger than its limit. A
 * source folder may come from anyone: without this, a link to /etc/passwd became an "image" in the
 * pack, and a record of /dev/zero grew until the machine ran out of memory. Refusals name the file
 * and the reason, never anything read from it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { SourceError } from '../../model/errors';

const MiB = 1024 * 1024;

/** The largest files a source may hold, by what they are (the README states them). */
export const SOURCE_LIMITS = {
  /** folio.json. */
  manifest: 16 * MiB,
  /** A content file, a page of a saved website, or the record. */
  text: 64 * MiB,
  /** An image, film or sound file stored in the pack (an SQLite value holds at most 1,000,000,000 bytes). */
  media: 512 * MiB,
} as const;

export type SourceFileKind = keyof typeof SOURCE_LIMITS;

const KIND_NAMES: Record<SourceFileKind, string> = {
  manifest: 'a manifest',
  text: 'a text file',
  media: 'a media file',
};

/** Is `child` inside `root`, or `root` itself when `orSelf`? Plain path arithmetic, no file system. */
export function isInside(root: string, child: string, orSelf = false): boolean {
  const rel = relative(root, child);
  if (rel === '') return orSelf;
  // `..pic.png` is a file name, not a way up: only `..` as a whole path segment leaves the folder.
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** What is wrong with an entry's kind, or null for a regular file. */
function notAFile(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return 'is a folder, not a file';
  return 'is a device, pipe or socket, not a file';
}

export type SourceFileCheck = { ok: true; real: string; bytes: number } | { ok: false; reason: string };

/**
 * Whether `path` may be read as a source file of `kind`: its real path lies inside `root` (itself a
 * real path), it is a regular file and within the limit. Never opens the file.
 */
export function checkSourceFile(root: string, path: string, kind: SourceFileKind): SourceFileCheck {
  let real: string;
  try {
    // libc's realpath: the JavaScript one walks the path a component at a time, about 1 s of a
    // 35,000-file build. The root is resolved by the same function (read-source.ts).
    real = realpathSync.native(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'does not exist (or is a broken symbolic link)' };
    if (code === 'ELOOP') return { ok: false, reason: 'is a loop of symbolic links' };
    return { ok: false, reason: `cannot be read (${code ?? 'error'})` };
  }
  if (!isInside(root, real)) return { ok: false, reason: 'leads outside the source folder (a symbolic link)' };
  let stats: Stats;
  try {
    stats = statSync(real);
  } catch (error) {
    return { ok: false, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  const wrongKind = notAFile(stats);
  if (wrongKind) return { ok: false, reason: wrongKind };
  if (stats.size > SOURCE_LIMITS[kind]) return { ok: false, reason: tooLarge(stats.size, kind) };
  return { ok: true, real, bytes: stats.size };
}

function tooLarge(bytes: number, kind: SourceFileKind): string {
  return `is ${(bytes / MiB).toFixed(1)} MiB, over the ${SOURCE_LIMITS[kind] / MiB} MiB limit for ${KIND_NAMES[kind]}`;
}

/** Reads a checked file (checkSourceFile's `real`), to at most its kind's limit even if it grows meanwhile. */
export function readCheckedFile(real: string, kind: SourceFileKind, shown: string): Buffer {
  // O_NONBLOCK: should the file have become a pipe since it was checked, opening it must not wait for a writer.
  const fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(fd);
    const wrongKind = notAFile(stats);
    if (wrongKind) throw new SourceError(`${shown}: ${wrongKind}; refused`);
    const limit = SOURCE_LIMITS[kind];
    if (stats.size > limit) throw new SourceError(`${shown}: ${tooLarge(stats.size, kind)}; refused`);
    const buffer = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return read === buffer.length ? buffer : buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

/** Reads a source file of `kind`, or throws a one-line SourceError naming it (as `shown`) and why it is refused. */
export function readSourceFile(root: string, path: string, kind: SourceFileKind, shown: string): Buffer {
  const check = checkSourceFile(root, path, kind);
  if (!check.ok) throw new SourceError(`${shown}: ${check.reason}; refused`);
  return readCheckedFile(check.real, kind, shown);
}
