/**
 * Turns parts of a parsed HTML page into the structured passage model (model/passage-content.ts):
 * inline formatting, links, preformatted text kept exact, lists, tables, notes, quotes.
 *
 * Recursion follows the page's nesting only MAX_DEPTH levels down; anything deeper is read as
 * flat text, so no page can exhaust the stack. Ids met on the way are collected: they are where
 * links into the page land (html-passages.ts hands them to the passage that holds them).
 */
import type { AnyNode, Element } from 'domhandler';
import {
  inlineChildren,
  normaliseWhitespace,
  type Block,
  type Cell,
  type Inline,
  type InlineTag,
  type ListItem,
  type Row,
  type TableInfo,
} from '../../model/passage-content';
import { isChromeElement } from './chrome';
import {
  BLOCK,
  childElements,
  declaredLang,
  findDescendant,
  flatText,
  forEachDescendant,
  hasClass,
  HEADING,
  isElement,
  isHidden,
  isText,
  MAX_DEPTH,
  SKIPPED,
  SubtreeMeasures,
} from './html-dom';

const INLINE_TAGS: Readonly<Record<string, InlineTag>> = {
  em: 'em',
  i: 'em',
  cite: 'em',
  var: 'em',
  dfn: 'em',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  tt: 'code',
  samp: 'code',
  kbd: 'kbd',
  sub: 'sub',
  sup: 'sup',
};

/** Classes of notes, tips and warnings (DocBook XSL, Sphinx and common themes). */
const NOTE_CLASSES = [
  'note',
  'tip',
  'warning',
  'caution',
  'important',
  'admonition',
  'attention',
  'danger',
  'hint',
  'seealso',
];

/** What a block element inside inline content becomes: a line break in a table cell, a space elsewhere. */
type InlineMode = 'flow' | 'pre' | 'cell';

interface InlineState {
  mode: InlineMode;
  /** A block boundary was passed: the next content needs a separator. */
  breakPending: boolean;
  hasContent: boolean;
}

/** A converted table, before it is cut into passages. */
export interface TableParts {
  info: TableInfo;
  rows: Row[];
}

export interface ConvertOptions {
  keepBoilerplate: boolean;
}

export class ContentConverter {
  readonly measures = new SubtreeMeasures();
  private ids: string[] = [];

  constructor(private readonly options: ConvertOptions) {}

  /** The ids met since the last call. */
  takeIds(): string[] {
    const ids = this.ids;
    this.ids = [];
    return ids;
  }

  /** Gives ids back, to land on whatever passage comes next. */
  returnIds(ids: string[]): void {
    this.ids = [...ids, ...this.ids];
  }

  /** Left out of the page: scripts and the like, hidden parts, and (unless kept) navigation chrome. */
  skips(el: Element): boolean {
    if (SKIPPED.has(el.name) || isHidden(el)) return true;
    return !this.options.keepBoilerplate && isChromeElement(el);
  }

  /** Notes the ids an element defines: `id`, and `name` on anchors. */
  noteIds(el: Element): void {
    const id = el.attribs.id;
    if (id) this.ids.push(id);
    if (el.name === 'a' && el.attribs.name && el.attribs.name !== id) this.ids.push(el.attribs.name);
  }

  /** Whether an element belongs in running text: not a block, and holding no block. */
  isInline(el: Element): boolean {
    return !BLOCK.has(el.name) && !this.measures.containsBlock(el);
  }

  // ---- inline content ----

  /** The inline content of `nodes` (children of one element, or a run of them). */
  inlines(nodes: readonly AnyNode[], depth: number, lang: string | null, mode: InlineMode = 'flow'): Inline[] {
    const out: Inline[] = [];
    const state: InlineState = { mode, breakPending: false, hasContent: false };
    for (const node of nodes) this.inlineInto(node, out, state, depth, lang);
    return tidy(out, mode === 'pre');
  }

  private push(out: Inline[], state: InlineState, item: Inline): void {
    const content = typeof item !== 'string' || item.trim() !== '';
    if (content && state.breakPending && state.hasContent) {
      out.push(state.mode === 'cell' ? ['br'] : state.mode === 'pre' ? '\n' : ' ');
    }
    if (content) {
      state.breakPending = false;
      state.hasContent = true;
    }
    out.push(item);
  }

  private inlineInto(node: AnyNode, out: Inline[], state: InlineState, depth: number, lang: string | null): void {
    if (isText(node)) {
      // A permalink mark ("¶") is a control, not text.
      if (node.data.trim() === '¶' && isElement(node.parent ?? undefined) && (node.parent as Element).name === 'a')
        return;
      const text = state.mode === 'pre' ? node.data.replace(/\r\n?/gu, '\n') : node.data.replace(/\s+/gu, ' ');
      if (text) this.push(out, state, text);
      return;
    }
    if (!isElement(node) || this.skips(node)) return;
    const el = node;
    this.noteIds(el);
    if (depth >= MAX_DEPTH) {
      const text = flatText(el);
      this.push(out, state, state.mode === 'pre' ? text : text.replace(/\s+/gu, ' '));
      return;
    }
    const name = el.name;
    if (name === 'br') {
      this.push(out, state, state.mode === 'pre' ? '\n' : ['br']);
      return;
    }
    if (name === 'img') {
      this.push(out, state, ['img', normaliseWhitespace(el.attribs.alt ?? '')]);
      return;
    }
    if (name === 'wbr' || name === 'hr') return;
    const ownLang = declaredLang(el);
    const inner = ownLang ?? lang;
    if (BLOCK.has(name)) {
      state.breakPending = true;
      for (const child of el.children) this.inlineInto(child, out, state, depth + 1, inner);
      state.breakPending = true;
      return;
    }
    const children: Inline[] = [];
    for (const child of el.children) this.inlineInto(child, children, state, depth + 1, inner);
    if (!children.some((c) => typeof c !== 'string' || c !== '')) return;
    let wrapped: Inline[] = mergeText(children, state.mode === 'pre');
    const tag = INLINE_TAGS[name];
    if (tag) wrapped = [[tag, ...wrapped]];
    const href = name === 'a' ? el.attribs.href?.trim() : undefined;
    if (href && href !== '#' && !/^javascript:/iu.test(href)) {
      wrapped = [['a', { url: href }, ...wrapped]];
    }
    if (ownLang && ownLang.toLowerCase() !== (lang ?? '').toLowerCase()) wrapped = [['lang', ownLang, ...wrapped]];
    // Children were pushed (with their separators) into `children`; add them as they are.
    out.push(...wrapped);
  }

  // ---- blocks ----

  /** The children of `el` as blocks: runs of inline content become paragraphs. */
  blocks(el: Element, depth: number, lang: string | null): Block[] {
    const out: Block[] = [];
    let run: AnyNode[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const inlines = this.inlines(run, depth + 1, lang);
      if (hasText(inlines)) out.push(['p', ...inlines]);
      run = [];
    };
    for (const child of el.children) {
      if (isText(child) || (isElement(child) && (child.name === 'img' || this.isInline(child)))) run.push(child);
      else if (isElement(child)) {
        flush();
        out.push(...this.blockOf(child, depth + 1, lang));
      }
    }
    flush();
    return out;
  }

  /** One element as blocks (a container gives its children's). */
  blockOf(el: Element, depth: number, lang: string | null): Block[] {
    if (this.skips(el)) return [];
    this.noteIds(el);
    if (depth >= MAX_DEPTH) {
      const text = normaliseWhitespace(flatText(el));
      return text ? [['p', text]] : [];
    }
    const inner = declaredLang(el) ?? lang;
    const name = el.name;
    const heading = HEADING.exec(name);
    if (heading) return [['h', Number(heading[1]), ...this.inlines(el.children, depth, inner)]];
    if (name === 'pre') return [this.pre(el, depth, inner)];
    if (name === 'ul' || name === 'ol') return [this.list(el, depth, inner)];
    if (name === 'dl') return this.definitions(el, depth, inner);
    if (name === 'table') {
      if (!this.isDataTable(el)) return this.layoutTableBlocks(el, depth, inner);
      const table = this.table(el, depth, inner, null);
      return [['table', table.info, ...table.rows]];
    }
    if (name === 'blockquote') return [['quote', ...this.blocks(el, depth, inner)]];
    if (this.isNote(el)) return [this.note(el, depth, inner)];
    if (name === 'img') {
      const alt = normaliseWhitespace(el.attribs.alt ?? '');
      return alt ? [['p', ['img', alt]]] : [];
    }
    if (name === 'hr') return [];
    if (!this.hasBlockChild(el)) {
      const inlines = this.inlines(el.children, depth, inner);
      return hasText(inlines) ? [['p', ...inlines]] : [];
    }
    return this.blocks(el, depth, inner);
  }

  /** Whether any child is a block (or an element holding one): the element is a container, not a paragraph. */
  hasBlockChild(el: Element): boolean {
    return el.children.some((c) => isElement(c) && !this.skips(c) && c.name !== 'img' && !this.isInline(c));
  }

  /** Preformatted text, exact: every space and newline as written (the newline after `<pre>` is HTML's, not the text's). */
  pre(el: Element, depth: number, lang: string | null): Block {
    const inlines = this.inlines(el.children, depth, lang, 'pre');
    const first = inlines[0];
    if (typeof first === 'string' && first.startsWith('\n')) {
      if (first.length === 1) inlines.shift();
      else inlines[0] = first.slice(1);
    }
    return ['pre', ...inlines];
  }

  /** A whole list, nested lists included. */
  list(el: Element, depth: number, lang: string | null): Block {
    const items = this.listItems(el).map((li) => this.listItem(li, depth + 1, lang));
    return el.name === 'ol' ? ['ol', listStart(el), ...items] : ['ul', ...items];
  }

  listItems(el: Element): Element[] {
    return childElements(el).filter((c) => c.name === 'li' && !this.skips(c));
  }

  listItem(li: Element, depth: number, lang: string | null): ListItem {
    this.noteIds(li);
    return this.blocks(li, depth, declaredLang(li) ?? lang);
  }

  /** A definition list: each term, each definition. */
  definitions(el: Element, depth: number, lang: string | null): Block[] {
    const out: Block[] = [];
    for (const child of childElements(el)) {
      if (this.skips(child)) continue;
      this.noteIds(child);
      const inner = declaredLang(child) ?? lang;
      if (child.name === 'dt') out.push(this.term(child, depth + 1, inner));
      else if (child.name === 'dd') out.push(['dd', ...this.blocks(child, depth + 1, inner)]);
      else out.push(...this.definitions(child, depth + 1, inner));
    }
    return out;
  }

  /** A definition term; an API signature (Sphinx's `dt.sig`) is code. */
  term(dt: Element, depth: number, lang: string | null): Block {
    const inlines = this.inlines(dt.children, depth, lang);
    return hasClass(dt, 'sig') ? ['dt', ['code', ...inlines]] : ['dt', ...inlines];
  }

  // ---- notes ----

  isNote(el: Element): boolean {
    return (el.name === 'div' || el.name === 'aside') && hasClass(el, ...NOTE_CLASSES);
  }

  /** A note, tip or warning: its label as written, then its body (its icon left out). */
  note(el: Element, depth: number, lang: string | null): Block {
    const labelEl = noteLabel(el);
    const label = labelEl ? normaliseWhitespace(flatText(labelEl)) : '';
    const body = this.withoutNoteChrome(el, labelEl, depth, lang);
    return ['note', label, ...body];
  }

  private withoutNoteChrome(el: Element, labelEl: Element | null, depth: number, lang: string | null): Block[] {
    // DocBook lays a note out as a table: icon, label, then the body in a cell. Read through it.
    const skipped = new Set<Element>();
    if (labelEl) skipped.add(labelEl);
    const blocksOf = (container: Element, d: number): Block[] => {
      const out: Block[] = [];
      let run: AnyNode[] = [];
      const flush = (): void => {
        const inlines = this.inlines(run, d + 1, lang);
        if (hasText(inlines)) out.push(['p', ...inlines]);
        run = [];
      };
      for (const child of container.children) {
        if (isElement(child) && (skipped.has(child) || child.name === 'img')) continue;
        if (isElement(child) && ['table', 'tbody', 'tr', 'td', 'thead'].includes(child.name) && d < MAX_DEPTH) {
          if (child.name !== 'table' || !this.isDataTable(child) || findDescendant(child, (x) => x === labelEl)) {
            flush();
            this.noteIds(child);
            out.push(...blocksOf(child, d + 1));
            continue;
          }
        }
        if (isText(child) || (isElement(child) && this.isInline(child))) run.push(child);
        else if (isElement(child)) {
          flush();
          out.push(...this.blockOf(child, d + 1, lang));
        }
      }
      flush();
      return out;
    };
    return blocksOf(el, depth);
  }

  // ---- tables ----

  /** A table of data (a header, or cells holding only text), as opposed to one used for layout. */
  isDataTable(el: Element): boolean {
    if (el.attribs.role === 'presentation') return false;
    if (findDescendant(el, (d) => d.name === 'th' || d.name === 'thead' || d.name === 'caption')) return true;
    return !this.rowsOf(el).some((row) => row.some((cell) => this.hasBlockChild(cell)));
  }

  /** The table's rows (head, body, foot, in order), each as its cells. */
  rowsOf(table: Element): Element[][] {
    const rows: Element[][] = [];
    const addRows = (parent: Element): void => {
      for (const child of childElements(parent)) {
        if (child.name === 'tr') rows.push(childElements(child).filter((c) => c.name === 'td' || c.name === 'th'));
        else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') addRows(child);
      }
    };
    addRows(table);
    return rows;
  }

  private layoutTableBlocks(el: Element, depth: number, lang: string | null): Block[] {
    const out: Block[] = [];
    for (const row of this.rowsOf(el)) for (const cell of row) out.push(...this.blockOf(cell, depth + 1, lang));
    return out;
  }

  /** A data table: its header rows, caption (`<caption>`, or the title the page put above it) and rows. */
  table(el: Element, depth: number, lang: string | null, title: Element | null): TableParts {
    this.noteIds(el);
    const captionEl = title ?? childElements(el).find((c) => c.name === 'caption') ?? null;
    const caption = captionEl ? this.inlines(captionEl.children, depth + 1, lang) : [];
    let headRows = 0;
    const theadRows = childElements(el)
      .filter((c) => c.name === 'thead')
      .flatMap((t) => childElements(t).filter((r) => r.name === 'tr')).length;
    const rows: Row[] = this.rowsOf(el).map((cells) =>
      cells.map((cell): Cell => {
        this.noteIds(cell);
        const span = (name: string): number => {
          const n = Number.parseInt(cell.attribs[name] ?? '1', 10);
          return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
        };
        const inlines = this.inlines(cell.children, depth + 2, declaredLang(cell) ?? lang, 'cell');
        return [cell.name === 'th' ? 'th' : 'td', span('colspan'), span('rowspan'), ...inlines];
      }),
    );
    if (theadRows > 0) headRows = theadRows;
    else
      while (headRows < rows.length - 1 && rows[headRows]!.length > 0 && rows[headRows]!.every((c) => c[0] === 'th'))
        headRows++;
    const info: TableInfo = { head: headRows };
    if (hasText(caption)) info.caption = caption;
    return { info, rows };
  }

  /** DocBook's wrapper around a table with its title (`div.table > p.title + div.table-contents > table`). */
  tableWrapper(el: Element): { table: Element; title: Element | null } | null {
    if (el.name !== 'div' || !hasClass(el, 'table', 'informaltable')) return null;
    const table = findDescendant(el, (d) => d.name === 'table');
    if (!table || !this.isDataTable(table)) return null;
    const title = childElements(el).find((c) => hasClass(c, 'title')) ?? null;
    return { table, title };
  }

  /** A figure: `<figure>`, or DocBook's and Sphinx's `div.figure`. */
  isFigure(el: Element): boolean {
    return el.name === 'figure' || (el.name === 'div' && hasClass(el, 'figure', 'informalfigure'));
  }

  /** A figure's caption element: `figcaption`, DocBook's `p.title`, Sphinx's `p.caption`. */
  figureCaption(el: Element): Element | null {
    return findDescendant(el, (d) => d.name === 'figcaption' || (d.name === 'p' && hasClass(d, 'title', 'caption')));
  }
}

/** A note's label: a title, heading or header cell that comes before any of its text. */
function noteLabel(note: Element): Element | null {
  let label: Element | null = null;
  let done = false;
  forEachDescendant(note, (d) => {
    if (done) return false;
    if (isText(d) && d.data.trim() !== '') done = true;
    if (!isElement(d)) return true;
    if (hasClass(d, 'admonition-title', 'title') || d.name === 'th' || HEADING.test(d.name)) {
      label = d;
      done = true;
      return false;
    }
    return true;
  });
  return label;
}

function listStart(el: Element): number {
  const start = Number.parseInt(el.attribs.start ?? '1', 10);
  return Number.isFinite(start) ? start : 1;
}

/** Whether inline content holds any text (or an image that stands for some). */
export function hasText(inlines: readonly Inline[]): boolean {
  return inlines.some((i) =>
    typeof i === 'string' ? i.trim() !== '' : i[0] === 'img' ? true : hasText(inlineChildren(i)),
  );
}

/** Merges neighbouring text and drops empty text (outside `pre`, doubled spaces too). */
function mergeText(inlines: Inline[], pre: boolean): Inline[] {
  const out: Inline[] = [];
  for (const item of inlines) {
    if (typeof item === 'string') {
      if (item === '') continue;
      const last = out[out.length - 1];
      if (typeof last === 'string') out[out.length - 1] = pre ? last + item : (last + item).replace(/ {2,}/gu, ' ');
      else out.push(item);
    } else out.push(item);
  }
  return out;
}

/** Merges neighbouring text, drops empty text and, outside `pre`, doubled spaces and spaces at the edges. */
export function tidy(inlines: Inline[], pre: boolean): Inline[] {
  const out = mergeText(inlines, pre);
  if (pre) return out;
  while (out.length > 0 && (out[0] === ' ' || (Array.isArray(out[0]) && out[0][0] === 'br'))) out.shift();
  while (out.length > 0 && (out[out.length - 1] === ' ' || (Array.isArray(out.at(-1)) && out.at(-1)![0] === 'br')))
    out.pop();
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  const lastIndex = out.length - 1;
  if (typeof out[lastIndex] === 'string') out[lastIndex] = out[lastIndex].trimEnd();
  return out.filter((i) => i !== '');
}
