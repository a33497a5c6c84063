/**
 * The archive's data model, shared by the builder, the pack reader, the search
 * core, the API and (as plain JSON) the renderer. Nothing here touches I/O.
 */
import type { Block } from './passage-content';
import type { PassageKind } from './passage-kind';

/** What kind of media a caption or media passage refers to. */
export type MediaType = 'image' | 'video' | 'audio';

/** Where a passage came from: a file of the archive source and 1-based inclusive line range. */
export interface Provenance {
  file: string;
  lines: [number, number];
}

/** A media item the archive knows of. `present` is false when the file is not in this pack. */
export interface MediaRef {
  id: string;
  type: MediaType;
  /** MIME type of the stored file, when present. */
  mime: string | null;
  /** Original file name or reference as the source gave it. */
  source: string | null;
  present: boolean;
  bytes: number;
  /** A film's or recording's caption tracks the pack holds (WebVTT files); absent when it has none. */
  captions?: CaptionTrack[];
}

/** A caption or subtitle track of a film or recording: a WebVTT file stored in the pack as its own media item. */
export interface CaptionTrack {
  /** The media item holding the WebVTT file (served like any other media, as text/vtt). */
  mediaId: string;
  /** `captions` (also describes sounds) or `subtitles` (the words only), as the source called it. */
  kind: 'captions' | 'subtitles';
  /** BCP 47 language of the track, when the source says it. */
  lang: string | null;
  /** What a player lists the track as, when the source names it. */
  label: string | null;
}

/** One passage of the archive, in reading order. */
export interface Passage {
  /** Stable id: derived from kind and text, so rebuilds keep bookmarks valid. */
  id: string;
  /** 0-based reading order across the whole archive. */
  ordinal: number;
  sectionId: string;
  kind: PassageKind;
  /** The passage's full text, verbatim from the source (whitespace normalised): what search and snippets use. */
  text: string;
  /**
   * How the page wrote it (passage-content.ts): code, tables, lists, links, emphasis. Absent when
   * the passage is plain: a paragraph, heading or caption of `text` and nothing more.
   */
  content?: Block;
  /** BCP 47 language of the passage when it is not the archive's main language (`languages[0]`). */
  lang?: string;
  /** Media passages: the title part of `text` (a prefix of it). Headings: the heading. */
  title: string | null;
  /** Heading level (1-6) for headings, else null. */
  level: number | null;
  /** Caption and media passages: the media item they refer to. */
  media: MediaRef | null;
  /** Set when this passage repeats an earlier one word for word; search returns the first only. */
  repeatOf: string | null;
  provenance: Provenance;
}

/** A navigable group of passages. */
export interface Section {
  id: string;
  ordinal: number;
  title: string;
  /** True when the title is curator metadata rather than a heading on the page. */
  titleIsMetadata: boolean;
  /** Depth in the archive's hierarchy (parts, chapters, sections): 0 at the top; absent means 0. */
  depth?: number;
  passageCount: number;
  firstPassageId: string | null;
}

/** One entry of a variant table: spellings that mean the same thing for search. */
export type VariantGroup = string[];

/** The archive manifest, as stored in the pack. */
export interface Manifest {
  id: string;
  title: string;
  description: string;
  /** BCP 47 tags, first is the main language. */
  languages: string[];
  source: string;
  licence: string;
  /** Spelling variants for search: each group's forms match one another. */
  variants: VariantGroup[];
  /** Curator-chosen date or version string. */
  version: string;
  /** Kiosk mode: the passages its attract screen cycles through (ids, in order). */
  kiosk?: { featured: string[] };
}
