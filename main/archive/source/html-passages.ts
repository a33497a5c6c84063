/**
 * Cuts a parsed HTML page into passages, the way a reader takes it in: a heading, a paragraph, a
 * code block, a table, a list item, a note, a figure, a film. Small tables, notes and quotes are
 * one passage each; large ones are cut (a table by rows with its header repeated), so a search
 * still lands near what it found. A list item is a passage, with its bullet or number.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { MediaType } from '../../model/archive';
import {
  inlineChildren,
  normaliseWhitespace,
  plainText,
  type Block,
  type Inline,
  type Row,
} from '../../model/passage-content';
import type { PassageKind } from '../../model/passage-kind';
import { passageBlock, type PassageBlock, type TrackBlock } from './blocks';
import { ContentConverter, hasText, type TableParts } from './html-content';
import {
  BLOCK,
  childElements,
  declaredLang,
  findDescendant,
  flatText,
  HEADING,
  isElement,
  isText,
  MAX_DEPTH,
} from './html-dom';

/** Where a media reference points, relative to the page; resolved by the caller. */
export type ResolveMedia = (src: string) => string | null;

/** Above these many characters of text, a list item, quote or definition is cut up. */
const WHOLE_BLOCK_MAX = 1200;
/** A note this long is read as ordinary content. */
const NOTE_MAX = 2500;
/** A table this long is cut into passages of rows of about TABLE_PART characters. */
const TABLE_MAX = 1500;
const TABLE_PART = 600;

/** A wrapper that keeps a cut-up quotation or definition indented, passage by passage. */
type Wrap = 'quote' | 'dd' | null;

export interface PageContext {
  file: string;
  lineOf: (node: AnyNode) => [number, number];
  resolveMedia: ResolveMedia;
  keepBoilerplate: boolean;
}

export class PassageWalker {
  readonly out: PassageBlock[] = [];
  private readonly convert: ContentConverter;

  constructor(private readonly page: PageContext) {
    this.convert = new ContentConverter({ keepBoilerplate: page.keepBoilerplate });
  }

  /** Reads the page body; ids after the last passage land on it. */
  read(body: ParentNode, lang: string | null): PassageBlock[] {
    this.container(body, 0, lang, null);
    const rest = this.convert.takeIds();
    const last = this.out[this.out.length - 1];
    if (last) last.anchors.push(...rest);
    return this.out;
  }

  private lines(first: AnyNode, last: AnyNode = first): [number, number] {
    const start = this.page.lineOf(first)[0];
    return [start, Math.max(start, this.page.lineOf(last)[1])];
  }

  private emit(
    nodes: [AnyNode, AnyNode?],
    kind: PassageKind,
    content: Block,
    lang: string | null,
    extra: { title?: string | null; level?: number | null; media?: PassageBlock['media'] } = {},
  ): void {
    const anchors = this.convert.takeIds();
    const block = passageBlock({
      kind,
      content,
      lang,
      anchors,
      title: extra.title ?? null,
      level: extra.level ?? null,
      media: extra.media ?? null,
      file: this.page.file,
      lines: this.lines(nodes[0], nodes[1]),
    });
    if (!block.text) {
      this.convert.returnIds(anchors);
      return;
    }
    this.out.push(block);
  }

  private emitText(nodes: [AnyNode, AnyNode?], content: Block, lang: string | null, wrap: Wrap): void {
    this.emit(nodes, 'text', wrap ? [wrap, content] : content, lang);
  }

  /** A container: its blocks in turn, its loose inline content gathered into paragraphs. */
  private container(el: ParentNode, depth: number, lang: string | null, wrap: Wrap): void {
    let run: AnyNode[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const inlines = this.convert.inlines(run, depth + 1, lang);
      if (hasText(inlines)) this.emitText([run[0]!, run[run.length - 1]], ['p', ...inlines], lang, wrap);
      run = [];
    };
    for (const child of el.children) {
      if (isText(child) || (isElement(child) && this.inRunningText(child))) run.push(child);
      else if (isElement(child)) {
        flush();
        this.visit(child, depth + 1, lang, wrap);
      }
    }
    flush();
  }

  /** Whether a child of a container belongs to its running text (an image does when it sits mid-sentence). */
  private inRunningText(el: Element): boolean {
    if (el.name === 'img') return inlineImage(el);
    return this.convert.isInline(el);
  }

  private visit(el: Element, depth: number, inherited: string | null, wrap: Wrap): void {
    const convert = this.convert;
    if (convert.skips(el)) return;
    const lang = declaredLang(el) ?? inherited;
    if (depth >= MAX_DEPTH) {
      const text = normaliseWhitespace(flatText(el));
      if (text) this.emitText([el], ['p', text], lang, wrap);
      return;
    }
    const name = el.name;
    const heading = HEADING.exec(name);
    if (heading) {
      convert.noteIds(el);
      const inlines = convert.inlines(el.children, depth, lang);
      const level = Number(heading[1]);
      const content: Block = ['h', level, ...inlines];
      this.emit([el], 'heading', content, lang, { title: plainText(content), level });
      return;
    }
    if (name === 'pre') {
      convert.noteIds(el);
      this.emitText([el], convert.pre(el, depth, lang), lang, wrap);
      return;
    }
    const wrapper = convert.tableWrapper(el);
    if (wrapper) {
      convert.noteIds(el);
      this.table(el, wrapper.table, wrapper.title, depth, lang, wrap);
      return;
    }
    if (name === 'table') {
      if (convert.isDataTable(el)) this.table(el, el, null, depth, lang, wrap);
      else {
        convert.noteIds(el);
        for (const row of convert.rowsOf(el)) for (const cell of row) this.visit(cell, depth + 2, lang, wrap);
      }
      return;
    }
    if (convert.isFigure(el)) {
      this.figure(el, depth, lang);
      return;
    }
    if (name === 'img') {
      convert.noteIds(el);
      const alt = normaliseWhitespace(el.attribs.alt ?? '');
      this.emit([el], 'caption', ['figure', alt], lang, { media: this.image(el) });
      return;
    }
    if (name === 'video' || name === 'audio') {
      this.media(el, lang);
      return;
    }
    if (convert.isNote(el) && convert.measures.textLength(el) <= NOTE_MAX) {
      convert.noteIds(el);
      this.emitText([el], convert.note(el, depth, lang), lang, wrap);
      return;
    }
    if (name === 'blockquote') {
      convert.noteIds(el);
      if (this.small(el)) this.emitText([el], ['quote', ...convert.blocks(el, depth, lang)], lang, wrap);
      else this.container(el, depth, lang, 'quote');
      return;
    }
    if (name === 'ul' || name === 'ol') {
      this.list(el, depth, lang, wrap);
      return;
    }
    if (name === 'dl') {
      convert.noteIds(el);
      this.definitions(el, depth, lang, wrap);
      return;
    }
    if (name === 'hr') return;
    convert.noteIds(el);
    if (!this.hasBlockChild(el)) {
      const inlines = convert.inlines(el.children, depth, lang);
      if (hasText(inlines)) this.emitText([el], ['p', ...inlines], lang, wrap);
      return;
    }
    this.container(el, depth, lang, wrap);
  }

  /** A block holding no block (nor an image that stands apart) is a paragraph. */
  private hasBlockChild(el: Element): boolean {
    return (
      this.convert.hasBlockChild(el) ||
      el.children.some((c) => isElement(c) && c.name === 'img' && !this.convert.skips(c) && !inlineImage(c))
    );
  }

  private small(el: Element, max = WHOLE_BLOCK_MAX): boolean {
    return this.convert.measures.textLength(el) <= max && !findDescendant(el, (d) => HEADING.test(d.name));
  }

  /**
   * A list gives a passage per item, with its bullet or number as on the page (the reader shows
   * consecutive items as one list); an item too long for one passage is read as ordinary content.
   */
  private list(el: Element, depth: number, lang: string | null, wrap: Wrap): void {
    const convert = this.convert;
    convert.noteIds(el);
    let number = Number.parseInt(el.attribs.start ?? '1', 10);
    if (!Number.isFinite(number)) number = 1;
    for (const li of convert.listItems(el)) {
      const value = Number.parseInt(li.attribs.value ?? '', 10);
      if (Number.isFinite(value)) number = value;
      const itemLang = declaredLang(li) ?? lang;
      if (this.small(li)) {
        const item = convert.listItem(li, depth + 1, itemLang);
        this.emitText([li], el.name === 'ol' ? ['ol', number, item] : ['ul', item], itemLang, wrap);
      } else {
        convert.noteIds(li);
        this.container(li, depth + 1, itemLang, wrap);
      }
      number++;
    }
  }

  /** Each term is a passage; a definition is one when small, else its blocks are, indented. */
  private definitions(el: Element, depth: number, lang: string | null, wrap: Wrap): void {
    const convert = this.convert;
    for (const child of childElements(el)) {
      if (convert.skips(child)) continue;
      const inner = declaredLang(child) ?? lang;
      if (child.name === 'dt') {
        convert.noteIds(child);
        this.emitText([child], convert.term(child, depth + 1, inner), inner, wrap);
      } else if (child.name === 'dd') {
        convert.noteIds(child);
        if (this.small(child)) this.emitText([child], ['dd', ...convert.blocks(child, depth + 1, inner)], inner, wrap);
        else this.container(child, depth + 1, inner, 'dd');
      } else this.visit(child, depth + 1, inner, wrap);
    }
  }

  /** A data table: one passage, or, when long, parts of whole rows that each repeat the header. */
  private table(at: Element, el: Element, title: Element | null, depth: number, lang: string | null, wrap: Wrap): void {
    const parts: TableParts = this.convert.table(el, depth, lang, title);
    const { info, rows } = parts;
    const head = rows.slice(0, info.head);
    const body = rows.slice(info.head);
    const sizes = body.map(rowLength);
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total <= TABLE_MAX || body.length <= 1) {
      this.emitText([at], ['table', info, ...rows], lang, wrap);
      return;
    }
    let start = 0;
    let first = true;
    while (start < body.length) {
      let end = start + 1;
      let size = sizes[start]!;
      while (end < body.length && size + sizes[end]! <= TABLE_PART) size += sizes[end++]!;
      const partInfo = first ? info : { ...info, continued: true as const };
      this.emitText([at], ['table', partInfo, ...head, ...body.slice(start, end)], lang, wrap);
      first = false;
      start = end;
    }
  }

  private image(img: Element | null): PassageBlock['media'] {
    const src = img?.attribs.src;
    return { type: 'image', src: src ? this.page.resolveMedia(src) : null };
  }

  /** A figure: its caption (or its image's alt text) with its image; a figure holding a film is that film. */
  private figure(el: Element, depth: number, lang: string | null): void {
    const convert = this.convert;
    convert.noteIds(el);
    const media = findDescendant(el, (d) => d.name === 'video' || d.name === 'audio');
    if (media) {
      this.media(media, lang);
      return;
    }
    const img = findDescendant(el, (d) => d.name === 'img');
    const captionEl = convert.figureCaption(el);
    let caption: Inline[] = captionEl ? convert.inlines(captionEl.children, depth + 1, lang) : [];
    if (!hasText(caption)) caption = [normaliseWhitespace(img?.attribs.alt ?? '')];
    if (!img) {
      this.emitText([el], ['p', ...caption], lang, null);
      return;
    }
    this.emit([el], 'caption', ['figure', ...caption], lang, { media: this.image(img) });
  }

  /** A video or audio element: its title (title, label, the figure's caption, else its file name) and description. */
  private media(el: Element, lang: string | null): void {
    this.convert.noteIds(el);
    const attrs = el.attribs;
    const source = findDescendant(el, (d) => d.name === 'source' && Boolean(d.attribs.src));
    const src = attrs.src ?? source?.attribs.src ?? '';
    let figure: Element | null = null;
    for (let p = el.parent; p && isElement(p); p = p.parent) {
      if (p.name === 'figure') {
        figure = p;
        break;
      }
    }
    const captionEl = figure ? findDescendant(figure, (d) => d.name === 'figcaption') : null;
    const title =
      normaliseWhitespace(attrs.title ?? attrs['aria-label'] ?? (captionEl ? flatText(captionEl) : '')) ||
      safeDecode(src.split('/').pop() ?? '') ||
      'Untitled media';
    const fallback = normaliseWhitespace(
      el.children
        .filter((c) => !isElement(c) || (c.name !== 'source' && c.name !== 'track'))
        .map(flatText)
        .join(''),
    );
    const description = fallback && fallback !== title ? fallback : '';
    const anchors = this.convert.takeIds();
    this.out.push({
      type: 'passage',
      kind: 'media',
      text: normaliseWhitespace(`${title} ${description}`),
      title,
      level: null,
      media: { type: el.name as MediaType, src: src ? this.page.resolveMedia(src) : null, tracks: this.tracks(el) },
      content: null,
      lang,
      anchors,
      file: this.page.file,
      lines: this.lines(el),
    });
  }

  /** A player's caption and subtitle tracks (`<track>`; a track without a kind is subtitles, as in HTML). */
  private tracks(el: Element): TrackBlock[] {
    const tracks: TrackBlock[] = [];
    for (const child of el.children) {
      if (!isElement(child) || child.name !== 'track' || !child.attribs.src) continue;
      const kind = (child.attribs.kind ?? 'subtitles').trim().toLowerCase();
      if (kind !== 'captions' && kind !== 'subtitles') continue; // chapters and metadata are not read
      const src = this.page.resolveMedia(child.attribs.src);
      if (!src) continue;
      tracks.push({
        src,
        kind,
        lang: child.attribs.srclang?.trim() || null,
        label: normaliseWhitespace(child.attribs.label ?? '') || null,
      });
    }
    return tracks;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Characters of text in a table row. */
function rowLength(row: Row): number {
  let n = 0;
  const count = (inlines: readonly Inline[]): void => {
    for (const i of inlines) {
      if (typeof i === 'string') n += i.length;
      else if (i[0] === 'img') n += i[1].length;
      else count(inlineChildren(i));
    }
  };
  for (const cell of row) count(cell.slice(3) as Inline[]);
  return n;
}

/**
 * An image in running text stays in it (as its alt text, or a placeholder): one between words, or
 * one with no alt text beside any text. An image with alt text at the edge of its block is a
 * picture with a caption of its own.
 */
function inlineImage(img: Element): boolean {
  const parent = img.parent;
  if (!parent || !isElement(parent)) return false;
  if (!BLOCK.has(parent.name)) return true;
  const siblings = parent.children;
  const at = siblings.indexOf(img);
  // Only the run of inline content the image sits in counts: a block sibling ends it.
  const textBeside = (step: -1 | 1): boolean => {
    for (let i = at + step; i >= 0 && i < siblings.length; i += step) {
      const node = siblings[i]!;
      if (isElement(node) && (BLOCK.has(node.name) || node.name === 'img')) return false;
      if (flatText(node).trim() !== '') return true;
    }
    return false;
  };
  const before = textBeside(-1);
  const after = textBeside(1);
  if (!normaliseWhitespace(img.attribs.alt ?? '')) return before || after;
  return before && after;
}
