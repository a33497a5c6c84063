/**
 * Turns a source's blocks into what a pack holds: sections, passages with their ids, repeats, media
 * and provenance. When the source names a record, every passage is checked against it word by word
 * and its provenance is its line range there.
 */
import type { Manifest, Passage, Section } from '../../model/archive';
import type { ArchiveSource } from '../source/archive-source';
import type { SourceBlock } from '../source/blocks';
import { shownPath } from '../source/files';
import { alignToRecord } from '../source/record';
import { resolveLinks } from '../source/resolve-links';
import { slug } from '../source/slug';
import { readSourceFile } from '../source/source-file';
import { MediaFiles, type MediaFile } from './media-files';
import { PassageIds } from './passage-ids';

export interface AssembledArchive {
  manifest: Manifest;
  /** Sections that hold at least one passage, numbered in reading order. */
  sections: Section[];
  passages: Passage[];
  media: MediaFile[];
}

/** The passages' texts, for the record check, with where each comes from. */
function* passageTexts(blocks: readonly SourceBlock[]): Generator<{ text: string; where: string }> {
  for (const b of blocks) if (b.type === 'passage') yield { text: b.text, where: `${b.file}:${b.lines[0]}` };
}

/** `onWarning` hears of media files a saved website may not include (a curated source is refused instead). */
export function assemble(source: ArchiveSource, onWarning?: (message: string) => void): AssembledArchive {
  const sections: Section[] = [];
  const passages: Passage[] = [];
  const sectionIds = new Set<string>();
  const passageIds = new PassageIds();
  const media = new MediaFiles(source, onWarning);

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
  for (const block of source.blocks) {
    if (block.type === 'section') {
      // A page heading right after a metadata section start belongs to that section.
      if (current && current.passageCount === 0 && current.titleIsMetadata && !block.metadata) continue;
      current = startSection(block.title, block.metadata, block.depth);
      continue;
    }
    current ??= startSection(source.manifest.title, true);
    const { id, repeatOf } = passageIds.next(block.kind, block.text);
    const range = recordRanges?.[passages.length];
    passages.push({
      id,
      ordinal: passages.length,
      sectionId: current.id,
      kind: block.kind,
      text: block.text,
      ...(block.content ? { content: block.content } : {}),
      ...(block.lang ? { lang: block.lang } : {}),
      title: block.title,
      level: block.level,
      media: block.media ? media.refer(block.media, id) : null,
      repeatOf,
      provenance:
        range && record?.name ? { file: record.name, lines: range } : { file: block.file, lines: block.lines },
    });
    current.passageCount++;
    current.firstPassageId ??= id;
  }
  resolveLinks(source.blocks, passages);
  return {
    manifest: source.manifest,
    sections: sections.filter((s) => s.passageCount > 0).map((s, ordinal) => ({ ...s, ordinal })),
    passages,
    media: media.all(),
  };
}
