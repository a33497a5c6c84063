/**
 * Turns a source's blocks into what a pack holds: sections, passages with their ids, repeats, media
 * and provenance. When the source names a record, every passage is checked against it word by word
 * and its provenance is its line range there.
 *
 * Two passes, so that an archive of a million passages is never in memory at once: planArchive
 * walks the source's outline (ids, sections, media, anchors: no text), then ArchivePlan.passages()
 * reads the blocks again and makes each passage, links resolved, as the pack writer takes it.
 */
import type { Manifest, MediaRef, Passage, Section } from '../../model/archive';
import type { ArchiveSource } from '../source/archive-source';
import type { OutlineBlock, SourceBlock } from '../source/blocks';
import { shownPath } from '../source/files';
import { alignToRecord } from '../source/record';
import { LinkTargetIndex } from '../source/resolve-links';
import { slug } from '../source/slug';
import { readSourceFile } from '../source/source-file';
import { MediaFiles, type MediaFile } from './media-files';
import { contentKey, PassageIds } from './passage-ids';

export interface AssembledArchive {
  manifest: Manifest;
  /** Sections that hold at least one passage, numbered in reading order. */
  sections: Section[];
  passages: Passage[];
  media: MediaFile[];
}

/** An archive whose every id is known, its passages still to be read (see the module doc). */
export interface ArchivePlan {
  manifest: Manifest;
  /** Sections that hold at least one passage, numbered in reading order. */
  sections: Section[];
  passageCount: number;
  media: MediaFile[];
  /** Ids of the passages that repeat no earlier one (the ones search indexes), in reading order. */
  indexedIds: string[];
  /** Every passage, in reading order, read once: the plan lets go of its ids and anchors when they are all made. */
  passages(): Generator<Passage>;
}

/** The passages' texts, for the record check, with where each comes from. */
function* passageTexts(blocks: Iterable<SourceBlock>): Generator<{ text: string; where: string }> {
  for (const b of blocks) if (b.type === 'passage') yield { text: b.text, where: `${b.file}:${b.lines[0]}` };
}

/** A source's blocks outlined, for a source that gives no outline of its own. */
function* outlined(blocks: Iterable<SourceBlock>): Generator<OutlineBlock> {
  for (const b of blocks)
    yield b.type === 'section'
      ? b
      : { type: 'passage', key: contentKey(b.kind, b.text), anchors: b.anchors, media: b.media, file: b.file };
}

/** `onWarning` hears of media files a saved website may not include (a curated source is refused instead). */
export function assemble(source: ArchiveSource, onWarning?: (message: string) => void): AssembledArchive {
  const plan = planArchive(source, onWarning);
  const passages: Passage[] = [];
  for (const p of plan.passages()) passages.push(p);
  return { manifest: plan.manifest, sections: plan.sections, passages, media: plan.media };
}

/** The first pass (see the module doc). `onWarning` as for assemble. */
export function planArchive(source: ArchiveSource, onWarning?: (message: string) => void): ArchivePlan {
  const sections: Section[] = [];
  const sectionIds = new Set<string>();
  let passageIds = new PassageIds();
  const media = new MediaFiles(source, onWarning);
  let links = new LinkTargetIndex();
  let mediaOf = new Map<number, MediaRef>();
  const indexedIds: string[] = [];

  // The next number to try after each id, so that a thousand sections of one title cost a thousand tries, not half a million.
  const nextNumber = new Map<string, number>();
  const startSection = (title: string, metadata: boolean, depth = 0): Section => {
    const base = slug(title);
    let id = base;
    let n = nextNumber.get(base) ?? 2;
    for (; sectionIds.has(id); n++) id = `${base}-${n}`;
    nextNumber.set(base, n);
    sectionIds.add(id);
    const section: Section = {
      id,
      ordinal: sections.length,
      title,
      titleIsMetadata: metadata,
      depth,
      passageCount: 0,
      firstPassageId: null,
    };
    sections.push(section);
    return section;
  };

  const record = source.recordFile
    ? { file: source.recordFile, name: shownPath(source.root, source.recordFile) }
    : null;
  const recordRanges = record
    ? alignToRecord(
        passageTexts(source.blocks),
        readSourceFile(source.root, record.file, 'text', record.name).toString('utf8'),
        record.name,
      )
    : null;

  let current: Section | null = null;
  for (const block of source.outline ?? outlined(source.blocks)) {
    if (block.type === 'section') {
      // A page heading right after a metadata section start belongs to that section.
      if (current && current.passageCount === 0 && current.titleIsMetadata && !block.metadata) continue;
      current = startSection(block.title, block.metadata, block.depth);
      continue;
    }
    current ??= startSection(source.manifest.title, true);
    const ordinal = passageIds.next(block.key);
    const id = passageIds.id(ordinal);
    if (passageIds.repeatOf(ordinal) === null) indexedIds.push(id);
    if (block.media) mediaOf.set(ordinal, media.refer(block.media, id));
    links.add(block.file, current.id, ordinal, block.anchors);
    current.passageCount++;
    current.firstPassageId ??= id;
  }

  passageIds.seal();
  links.seal();
  const kept = sections.filter((s) => s.passageCount > 0).map((s, ordinal) => ({ ...s, ordinal }));
  // Sections follow one another: the section of a passage is the last one starting at or before it.
  const firstOrdinals = new Int32Array(kept.length);
  kept.reduce((first, s, i) => {
    firstOrdinals[i] = first;
    return first + s.passageCount;
  }, 0);
  const sectionAt = (ordinal: number): number => {
    let low = 0;
    let high = kept.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (firstOrdinals[middle]! <= ordinal) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const target = (ordinal: number): { section: string; passage: string } => ({
    section: kept[sectionAt(ordinal)]!.id,
    passage: passageIds.id(ordinal),
  });

  function* passages(): Generator<Passage> {
    let ordinal = 0;
    let section = -1;
    let sectionEnd = 0;
    for (const block of source.blocks) {
      if (block.type === 'section') continue;
      while (ordinal >= sectionEnd) sectionEnd += kept[++section]!.passageCount;
      const id = passageIds.id(ordinal);
      const range = recordRanges?.[ordinal];
      const passage: Passage = {
        id,
        ordinal,
        sectionId: kept[section]!.id,
        kind: block.kind,
        text: block.text,
        ...(block.content ? { content: block.content } : {}),
        ...(block.lang ? { lang: block.lang } : {}),
        title: block.title,
        level: block.level,
        media: mediaOf.get(ordinal) ?? null,
        repeatOf: passageIds.repeatOf(ordinal),
        provenance:
          range && record?.name ? { file: record.name, lines: range } : { file: block.file, lines: block.lines },
      };
      if (passage.content) links.resolve(passage.content, block.file, target);
      ordinal++;
      yield passage;
    }
    if (ordinal !== passageIds.count)
      throw new Error(`internal: the source gave ${ordinal} passages of ${passageIds.count}`);
    // A million passages' ids and anchors: no longer needed while the index is finished.
    passageIds = new PassageIds();
    links = new LinkTargetIndex();
    mediaOf = new Map();
  }

  return {
    manifest: source.manifest,
    sections: kept,
    passageCount: passageIds.count,
    media: media.all(),
    indexedIds,
    passages,
  };
}
