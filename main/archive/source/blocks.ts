/**
 * What every source reader (Markdown, HTML, plain text) produces: a flat stream of section starts
 * and passages in reading order, before ids, repeats and media are resolved by the builder.
 */
import type { MediaType } from '../../model/archive';
import type { PassageKind } from '../../model/passage-kind';

/** A new section begins here. */
export interface SectionStartBlock {
  type: 'section';
  title: string;
  /** True when the title is curator metadata, not a heading on the page. */
  metadata: boolean;
}

/** A passage as read from a source file. */
export interface PassageBlock {
  type: 'passage';
  kind: PassageKind;
  text: string;
  title: string | null;
  level: number | null;
  /** Caption/media passages: the referenced file (relative to the source folder) if any. */
  media: { type: MediaType; src: string | null } | null;
  file: string;
  lines: [number, number];
}

export type SourceBlock = SectionStartBlock | PassageBlock;

/** Collapses runs of whitespace to one space and trims: the only change text may undergo. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
