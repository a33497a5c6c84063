/** `folio verify`: checks a pack's structure, checksums, media and search index. */
import { createHash } from 'node:crypto';
import { verifySearchIndex } from '../search/engine/verify-search-index';
import { isLinkList, LINK_LIST_READ } from '../search/searcher/link-lists';
import { contentChecksum, indexChecksum } from './checksum';
import { KIND_CODES, META, passageIdHash } from './pack-schema';
import { openPack } from './pack';
import { decodeIdChunk } from './passage-index';
import { mediaChecksum, mediaDataChecksum, type MediaRow } from './row-checks';
import type { CaptionTrack, Passage, Section } from '../model/archive';
import { parseCaptionTracks } from './caption-tracks-schema';

export interface VerifyReport {
  ok: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
}

/** Verifies the pack at `path`. Throws PackError when it cannot be opened at all. */
export function verifyPack(path: string): VerifyReport {
  const pack = openPack(path);
  const checks: VerifyReport['checks'] = [];
  const check = (name: string, run: () => string | true): void => {
    try {
      const result = run();
      checks.push({ name, ok: result === true, detail: result === true ? 'ok' : oneLine(result) });
    } catch (error) {
      checks.push({ name, ok: false, detail: oneLine((error as Error).message) });
    }
  };
  const db = pack.database();
  try {
    check('SQLite integrity', () => {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      return rows.length === 1 && rows[0]?.integrity_check === 'ok'
        ? true
        : rows
            .slice(0, 3)
            .map((r) => r.integrity_check)
            .join('; ');
    });
    // Read and checked when the pack opened; read again here for the stored checksums.
    const stored = (key: string): string | undefined =>
      db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
    // The sections and each one's passages, read once (inside a check, so damage is reported as the
    // check's): the content checksum, the lists of links and the passage index all check them.
    let sectionList: Section[] | undefined;
    const sections = (): Section[] => (sectionList ??= pack.sections());
    const bySection = new Map<string, Passage[]>();
    const passagesOf = (sectionId: string): Passage[] => {
      let passages = bySection.get(sectionId);
      if (!passages) bySection.set(sectionId, (passages = pack.passagesOfSection(sectionId)));
      return passages;
    };
    check('content checksum', () => {
      const passages: Passage[] = sections().flatMap((s) => passagesOf(s.id));
      const total = pack.passageCount();
      if (passages.length !== total) return `${total - passages.length} passages belong to no section`;
      const media = db.prepare('SELECT id, sha256 FROM media').all() as { id: string; sha256: string | null }[];
      const actual = contentChecksum(pack.manifest, sections(), passages, media);
      const expected = stored(META.contentSha256);
      return actual === expected ? true : `stored ${expected?.slice(0, 12)}…, computed ${actual.slice(0, 12)}…`;
    });
    check('lists of links', () => {
      // Told by the builder from each section's first passages (link-lists.ts): the same rule must agree.
      for (const s of sections()) {
        const first = passagesOf(s.id).slice(0, LINK_LIST_READ);
        const stored = pack.sectionIsLinkList(s.id);
        if (isLinkList(first, first.length) !== stored)
          return `section ${s.ordinal} (${s.title}) is ${stored ? '' : 'not '}marked a page of links, against its passages`;
      }
      return true;
    });
    check('passage index', () => {
      // The passage index (id hashes and kinds, used without decompressing) must agree with the blocks.
      const rows = db.prepare('SELECT key, data FROM passage_ids ORDER BY key').all() as {
        key: number;
        data: unknown;
      }[];
      const ordinalsByHash = new Map<number, number[]>();
      let entries = 0;
      for (const [i, row] of rows.entries()) {
        const chunk = decodeIdChunk(row.key, row.data);
        const next = rows[i + 1]?.key ?? null;
        if (chunk.index !== i || chunk.nextKey !== next || (i === 0 && row.key !== 0))
          return `the passage index chunk at ${row.key} is out of place`;
        chunk.hashes.forEach((hash, at) => {
          ordinalsByHash.set(hash, [...(ordinalsByHash.get(hash) ?? []), chunk.ordinals[at]!]);
        });
        entries += chunk.hashes.length;
      }
      const passages = sections().flatMap((s) => passagesOf(s.id));
      if (entries !== passages.length) return `${entries} index entries for ${passages.length} passages`;
      for (const p of passages) {
        const key = passageIdHash(p.id);
        if (!key || ordinalsByHash.get(key.hash)?.[key.occurrence - 1] !== p.ordinal)
          return `passage ${p.id} (#${p.ordinal}) disagrees with the passage index`;
        // Looked up by id, each passage is found where it is, with its kind.
        if (pack.passage(p.id)?.ordinal !== p.ordinal) return `passage ${p.id} is not found by its id`;
        if (pack.passageKinds([p.id])[0] !== p.kind)
          return `passage ${p.id} (#${p.ordinal}) has another kind in the index`;
      }
      const kinds = pack.kindCounts();
      for (const kind of KIND_CODES) {
        const n = passages.filter((p) => p.kind === kind).length;
        if (n !== kinds[kind]) return `${n} ${kind} passages, ${kinds[kind]} counted`;
      }
      return true;
    });
    check('media files', () => {
      const bad: string[] = [];
      const tracks = new Map<string, CaptionTrack[] | null>();
      const captionFiles = new Set<string>();
      for (const row of db
        .prepare(
          'SELECT id, type, mime, source, present, bytes, sha256, data_checksum, captions, checksum, data FROM media',
        )
        .iterate() as Iterable<MediaRow & { checksum: number; data: Buffer | null }>) {
        const sound =
          mediaChecksum(row) === row.checksum &&
          (row.present !== 1 ||
            (row.data !== null &&
              row.data.length === row.bytes &&
              mediaDataChecksum(row.data) === row.data_checksum &&
              createHash('sha256').update(row.data).digest('hex') === row.sha256));
        if (!sound) bad.push(row.id);
        if (row.captions !== null) tracks.set(row.id, parseCaptionTracks(row.captions));
        if (row.type === 'captions' && row.present === 1) captionFiles.add(row.id);
      }
      // A film's caption tracks name caption files the pack holds.
      for (const [id, list] of tracks)
        if (!list || list.some((t) => !captionFiles.has(t.mediaId))) bad.push(`${id} (its caption tracks)`);
      return bad.length === 0 ? true : `damaged: ${bad.slice(0, 5).join(', ')}`;
    });
    check('index checksum', () => {
      const actual = indexChecksum(db);
      const expected = stored(META.indexSha256);
      return actual === expected ? true : `stored ${expected?.slice(0, 12)}…, computed ${actual.slice(0, 12)}…`;
    });
    check('search index', () => {
      const problems = verifySearchIndex(db);
      // The check is already named "search index"; its problems need not say it again.
      return problems.length === 0
        ? true
        : problems
            .slice(0, 3)
            .map((p) => p.replace(/^search index: /, ''))
            .join('; ');
    });
  } finally {
    pack.close();
  }
  return { ok: checks.every((c) => c.ok), checks };
}

/** A check's finding on one line (SQLite's integrity report spans several), at most 300 characters. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/gu, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
