/**
 * SQLite's write-ahead log, read by Folio itself, because SQLite is silent about damage in it: when it
 * opens a database it replays the log up to the first frame whose salt or checksum is wrong and drops
 * the rest, even when later frames hold committed transactions (https://sqlite.org/fileformat2.html,
 * "The WAL file format"). A changed byte in an old frame then silently takes every later bookmark with it.
 *
 * `scanWal` finds such a break: a frame SQLite rejects, followed by frames of the same log (same salts)
 * whose checksums chain from their predecessor and that commit a transaction. `repairWal` writes a log
 * without the damaged frames; it is `exact` when every page a dropped frame held was written again by a
 * later committed frame, so replaying it gives the very state SQLite would have shown without the damage.
 */

const HEADER_SIZE = 32;
const FRAME_HEADER_SIZE = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;

export interface WalScan {
  /** False when the header's magic, page size or checksum is wrong: SQLite then ignores the whole log. */
  headerOk: boolean;
  pageSize: number;
  /** Complete frames in the file (a partly written last frame is not counted). */
  frames: number;
  /** Frames SQLite replays: up to the last commit before the first frame it rejects. */
  replayed: number;
  /**
   * The first frame SQLite rejects although later frames of the same log commit transactions; 0 with
   * `headerOk` false means the header itself. Null when the log simply ends, as after a crash mid-write.
   * A break is a suspicion, not proof: a transaction abandoned by a killed writer and partly overwritten
   * by another process's later one leaves the same pattern, so the caller confirms that commits were
   * lost (a repaired copy that holds more of them, or the commit record) before it says so.
   */
  breakAt: number | null;
  /** Committing frames of this log that SQLite will not replay because of the break. */
  lostCommits: number;
}

interface Frame {
  offset: number;
  page: number;
  /** Database size in pages after a commit; 0 for frames that do not end a transaction. */
  commit: number;
}

type Checksum = [number, number];

/** Scans a log's bytes. Never throws: an unreadable log is a log with `headerOk` false. */
export function scanWal(wal: Uint8Array): WalScan {
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const empty: WalScan = { headerOk: false, pageSize: 0, frames: 0, replayed: 0, breakAt: null, lostCommits: 0 };
  if (wal.byteLength < HEADER_SIZE) return empty;
  const magic = view.getUint32(0);
  const pageSize = view.getUint32(8);
  const validPageSize = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) === 0;
  if ((magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) || !validPageSize) {
    // Nothing to chain from. A log that was never written is empty; anything longer is damage we can name.
    return { ...empty, breakAt: wal.byteLength > HEADER_SIZE ? 0 : null };
  }
  const bigEndian = magic === MAGIC_BIG_ENDIAN;
  const frames = framesOf(view, pageSize);
  const headerSum = checksum(view, 0, 24, [0, 0], bigEndian);
  const storedHeaderSum = stored(view, 24);
  const headerOk = sameSum(headerSum, storedHeaderSum);

  // SQLite's replay: frames must carry the header's salts and continue the running checksum.
  let running = storedHeaderSum;
  let firstBad = headerOk ? frames.length : 0;
  let replayed = 0;
  if (headerOk) {
    for (let i = 0; i < frames.length; i++) {
      const frame = frames[i]!;
      const sum = frameSum(view, frame, pageSize, running, bigEndian);
      if (!saltsMatch(view, frame.offset) || frame.page === 0 || !sameSum(sum, stored(view, frame.offset + 16))) {
        firstBad = i;
        break;
      }
      running = sum;
      if (frame.commit !== 0) replayed = i + 1;
    }
  }
  // Frames after the break that chain from their own predecessor and commit: work SQLite will drop.
  let lostCommits = 0;
  for (let i = firstBad + 1; i < frames.length; i++) {
    if (continues(view, frames, i, pageSize, bigEndian) && frames[i]!.commit !== 0) lostCommits++;
  }
  // With a damaged header, the first frame chains from the checksum the header stores.
  if (!headerOk && frames.length > 0 && chainsFrom(view, frames[0]!, pageSize, storedHeaderSum, bigEndian)) {
    if (frames[0]!.commit !== 0) lostCommits++;
  }
  return {
    headerOk,
    pageSize,
    frames: frames.length,
    replayed,
    breakAt: lostCommits > 0 ? firstBad : null,
    lostCommits,
  };
}

/**
 * A log without the frames SQLite rejects, its checksums chained again; null when the header is
 * damaged (nothing to chain from) or there is no break. Frames after the last commit are left out,
 * as SQLite would.
 */
export function repairWal(wal: Uint8Array, scan: WalScan): { bytes: Uint8Array; exact: boolean } | null {
  if (!scan.headerOk || scan.breakAt === null) return null;
  const view = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const bigEndian = view.getUint32(0) === MAGIC_BIG_ENDIAN;
  const pageSize = scan.pageSize;
  const frames = framesOf(view, pageSize);
  const good = frames.map(
    (_, i) => i < scan.breakAt! || (i > scan.breakAt! && continues(view, frames, i, pageSize, bigEndian)),
  );
  let lastCommit = -1;
  frames.forEach((frame, i) => {
    if (good[i] && frame.commit !== 0) lastCommit = i;
  });
  if (lastCommit < 0) return null;
  const largestDatabase = Math.max(...frames.filter((f, i) => good[i] && f.commit !== 0).map((f) => f.commit));

  // Exact when every dropped page is written again later (its page number may itself be the damage).
  let exact = true;
  for (let i = 0; i <= lastCommit && exact; i++) {
    if (good[i]) continue;
    const page = frames[i]!.page;
    const rewritten = frames.some((f, j) => j > i && j <= lastCommit && good[j] && f.page === page);
    exact = page >= 1 && page <= largestDatabase && rewritten;
  }

  const frameSize = FRAME_HEADER_SIZE + pageSize;
  const kept = frames.filter((_, i) => good[i] && i <= lastCommit);
  const out = new Uint8Array(HEADER_SIZE + kept.length * frameSize);
  const outView = new DataView(out.buffer);
  out.set(wal.subarray(0, HEADER_SIZE), 0);
  let running = stored(view, 24);
  kept.forEach((frame, k) => {
    const at = HEADER_SIZE + k * frameSize;
    out.set(wal.subarray(frame.offset, frame.offset + frameSize), at);
    running = frameSum(outView, { ...frame, offset: at }, pageSize, running, bigEndian);
    outView.setUint32(at + 16, running[0]);
    outView.setUint32(at + 20, running[1]);
  });
  return { bytes: out, exact };
}

function framesOf(view: DataView, pageSize: number): Frame[] {
  const frameSize = FRAME_HEADER_SIZE + pageSize;
  const frames: Frame[] = [];
  for (let offset = HEADER_SIZE; offset + frameSize <= view.byteLength; offset += frameSize) {
    frames.push({ offset, page: view.getUint32(offset), commit: view.getUint32(offset + 4) });
  }
  return frames;
}

/** Frame i belongs to this log and its checksum follows from the one its predecessor stores. */
function continues(view: DataView, frames: Frame[], i: number, pageSize: number, bigEndian: boolean): boolean {
  const previous = frames[i - 1];
  if (!previous) return false;
  return chainsFrom(view, frames[i]!, pageSize, stored(view, previous.offset + 16), bigEndian);
}

function chainsFrom(view: DataView, frame: Frame, pageSize: number, seed: Checksum, bigEndian: boolean): boolean {
  if (frame.page === 0 || !saltsMatch(view, frame.offset)) return false;
  return sameSum(frameSum(view, frame, pageSize, seed, bigEndian), stored(view, frame.offset + 16));
}

function frameSum(view: DataView, frame: Frame, pageSize: number, seed: Checksum, bigEndian: boolean): Checksum {
  const afterHeader = checksum(view, frame.offset, 8, seed, bigEndian);
  return checksum(view, frame.offset + FRAME_HEADER_SIZE, pageSize, afterHeader, bigEndian);
}

/** SQLite's WAL checksum (walChecksumBytes): Fibonacci-weighted sums of 32-bit words, in the log's byte order. */
function checksum(view: DataView, start: number, length: number, seed: Checksum, bigEndian: boolean): Checksum {
  let s0 = seed[0];
  let s1 = seed[1];
  for (let i = start; i < start + length; i += 8) {
    s0 = (s0 + view.getUint32(i, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(i + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

function stored(view: DataView, offset: number): Checksum {
  return [view.getUint32(offset), view.getUint32(offset + 4)];
}

function sameSum(a: Checksum, b: Checksum): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function saltsMatch(view: DataView, frameOffset: number): boolean {
  return (
    view.getUint32(frameOffset + 8) === view.getUint32(16) && view.getUint32(frameOffset + 12) === view.getUint32(20)
  );
}
