/**
 * The checksum each pack row carries (pack-schema.ts), computed the same way by the writer and by the
 * reader, which checks it whenever it reads the row. What a row's checksum covers is listed here once.
 */
import { rowChecksum } from '../search/format/checksum';

export function blockChecksum(id: number, firstPassage: number, passageCount: number, data: Uint8Array): number {
  return rowChecksum(['block', id, firstPassage, passageCount, data]);
}

export interface SectionRow {
  ordinal: number;
  id: string;
  title: string;
  title_is_metadata: number;
  depth: number;
  first_passage: number;
  first_passage_id: string;
  passage_count: number;
  /** 1 when the section is a page made mostly of links (search/searcher/link-lists.ts), else 0. */
  link_list: number;
}

export function sectionChecksum(r: SectionRow): number {
  return rowChecksum([
    'section',
    r.ordinal,
    r.id,
    r.title,
    r.title_is_metadata,
    r.depth,
    r.first_passage,
    r.first_passage_id,
    r.passage_count,
    r.link_list,
  ]);
}

/** A media row without its data, which `data_checksum` (CRC-32 of the bytes, covered here) stands for. */
export interface MediaRow {
  id: string;
  type: string;
  mime: string | null;
  source: string | null;
  present: number;
  bytes: number;
  sha256: string | null;
  data_checksum: number | null;
  /** A film's or recording's caption tracks (CaptionTrack[] as JSON), null when it has none. */
  captions: string | null;
}

export function mediaChecksum(r: MediaRow): number {
  return rowChecksum([
    'media',
    r.id,
    r.type,
    r.mime,
    r.source,
    r.present,
    r.bytes,
    r.sha256,
    r.data_checksum,
    r.captions,
  ]);
}

export function mediaDataChecksum(data: Uint8Array): number {
  return rowChecksum(['media data', data]);
}

/** The meta rows' checksum: every key and value but the checksum's own, in key order. */
export function metaChecksum(rows: ReadonlyMap<string, unknown>, checksumKey: string): number {
  const values: unknown[] = ['meta'];
  for (const key of [...rows.keys()].sort()) if (key !== checksumKey) values.push(key, rows.get(key));
  return rowChecksum(values);
}
