/**
 * What every source reader (Markdown, HTML, plain text) produces: a flat stream of section starts
 * and passages in reading order, before ids, repeats, links and media are resolved by the builder.
 */
import type { MediaType } from '../../model/archive';
import { normaliseWhitespace, plainText, type Block } from '../../model/passage-content';
import type { PassageKind } from '../../model/passage-kind';

export { normaliseWhitespace };

/** A new section begins here. */
export interface SectionStartBlock {
  type: 'section';
  title: string;
  /** True when the title is curator metadata, not a heading on the page. */
  metadata: boolean;
  /** Depth in the source's hierarchy (parts, chapters, sections), 0 at the top. */
  depth: number;
}

/** A `<track>` of a film or recording: its file as resolved like any media reference. */
export interface TrackBlock {
  src: string;
  kind: 'captions' | 'subtitles';
  lang: string | null;
  label: string | null;
}

/** A passage as read from a source file. */
export interface PassageBlock {
  type: 'passage';
  kind: PassageKind;
  /** Plain text: `plainText(content)` when there is a content, as `passageBlock` makes it. */
  text: string;
  title: string | null;
  level: number | null;
  /**
   * Caption/media passages: the referenced file (relative to the source folder) if any, and the caption
   * tracks a page names for it (`<track>`; WebVTT files beside it are found by the builder).
   */
  media: { type: MediaType; src: string | null; tracks?: TrackBlock[] } | null;
  /** The passage's structure; null for a plain paragraph, heading or caption of `text`. */
  content: Block | null;
  /** Its language (BCP 47), null when it is the archive's main language or unknown. */
  lang: string | null;
  /** Ids in the source file that point at this passage (`id`, `<a name>`): where links land. */
  anchors: string[];
  /** The source file, relative to the source folder with `/` separators. */
  file: string;
  lines: [number, number];
}

export type SourceBlock = SectionStartBlock | PassageBlock;

/**
 * What the builder's first pass needs of a passage (its id, media and anchors): no text, no
 * content, so that a saved site of a million passages can be outlined from memory.
 */
export interface PassageOutline extends Pick<PassageBlock, 'type' | 'anchors' | 'media' | 'file'> {
  /** The content key of its kind and text (writer/passage-ids.ts). */
  key: string;
}

export type OutlineBlock = SectionStartBlock | PassageOutline;

/** Whether a block is only its plain text: a paragraph (or heading, caption) with one run of text. */
function isPlain(content: Block, kind: PassageKind): boolean {
  const plainTag = kind === 'heading' ? 'h' : kind === 'caption' ? 'figure' : 'p';
  if (content[0] !== plainTag) return false;
  const children = content.slice(plainTag === 'h' ? 2 : 1);
  return children.length === 0 || (children.length === 1 && typeof children[0] === 'string');
}

/**
 * A passage block whose text is its content's plain text. Plain content (one run of text in a
 * paragraph, heading or caption) is dropped: the text says it all, and packs stay small.
 */
export function passageBlock(
  fields: Omit<PassageBlock, 'type' | 'text' | 'content' | 'lang' | 'anchors'> & {
    content: Block;
    lang?: string | null;
    anchors?: string[];
  },
): PassageBlock {
  const { content, lang = null, anchors = [], ...rest } = fields;
  return {
    type: 'passage',
    ...rest,
    text: plainText(content),
    content: isPlain(content, fields.kind) ? null : content,
    lang,
    anchors,
  };
}
