/**
 * The structured form of a passage: what the page said *and how* (code, tables, lists, links,
 * emphasis, language), beside the plain text that search and snippets use. The reader builds its
 * view from this, never from HTML. archive/FORMAT.md documents it for pack readers.
 *
 * It is JSON made of tuples, tag first (the JsonML pattern), because packs store millions of them:
 *
 *   ['p', 'Use ', ['code', 'work_mem'], ' for ', ['a', { section: 'sql-select' }, 'SELECT'], '.']
 *
 * A passage's plain text is always `plainText(content)`; packs store only one of the two.
 */

/** Where a link goes: a section (and passage) of this archive, or a URL outside it (never opened). */
export type LinkTarget = { section: string; passage?: string } | { url: string };

/** Inline formatting tags that only wrap their children. */
export type InlineTag = 'em' | 'strong' | 'code' | 'kbd' | 'sub' | 'sup';

/** A run of text or an inline element. */
export type Inline = string | InlineElement;

/**
 * An inline element (tuple labels would make these types circular for TypeScript, hence comments):
 * - `[tag, ...children]`: emphasis, strong, code, keyboard, subscript, superscript;
 * - `['br']`: a line break (a space in the plain text);
 * - `['a', target, ...children]`: a link;
 * - `['lang', bcp47, ...children]`: text in another language than the passage's (a `lang` attribute);
 * - `['img', alt]`: an inline image (an icon in running text): its alt text, or '' for a placeholder.
 */
export type InlineElement =
  [InlineTag, ...Inline[]] | ['br'] | ['a', LinkTarget, ...Inline[]] | ['lang', string, ...Inline[]] | ['img', string];

/** A list item: the blocks it holds. */
export type ListItem = Block[];

/** A table cell: `[tag, colspan, rowspan, ...children]`, tag `th` for a header cell, `td` for data. */
export type Cell = ['td' | 'th', number, number, ...Inline[]];

/** A table row. */
export type Row = Cell[];

export interface TableInfo {
  /** How many of the rows, from the first, are the header. */
  head: number;
  /** The table's title or caption, if it has one. */
  caption?: Inline[];
  /**
   * Set on the second and later parts of a table split by rows: the header rows and the caption
   * repeat the first part's, for the reader, and are not part of this passage's plain text.
   */
  continued?: true;
}

/**
 * A block: what one passage holds.
 * - `['p', ...inlines]`: a paragraph;
 * - `['pre', ...inlines]`: preformatted text or code, exact to the byte: every space and newline;
 * - `['figure', ...inlines]`: a figure's caption, or a film's title and description (the picture or
 *   film is the passage's media);
 * - `['dt', ...inlines]`: a term of a definition list; `['dd', ...blocks]`: its definition;
 * - `['h', level, ...inlines]`: a heading, level 1–6;
 * - `['ul', ...items]`, `['ol', start, ...items]`: a list; `start` numbers the first item (a list
 *   split into passages keeps counting);
 * - `['table', info, ...rows]`: a table;
 * - `['quote', ...blocks]`: a block quotation;
 * - `['note', label, ...blocks]`: a note, tip or warning; `label` is its title as the page wrote it
 *   ("Note", "참고"), shown but not searched.
 */
export type Block =
  | ['p' | 'pre' | 'figure' | 'dt', ...Inline[]]
  | ['h', number, ...Inline[]]
  | ['ul', ...ListItem[]]
  | ['ol', number, ...ListItem[]]
  | ['table', TableInfo, ...Row[]]
  | ['quote' | 'dd', ...Block[]]
  | ['note', string, ...Block[]];

export type BlockTag = Block[0];

/**
 * What collapsing whitespace replaces: a run of two or more whitespace characters, or one that is not
 * a space (every other character `\s` matches, listed). That is what `/\s+/gu` would replace, less
 * the single spaces it would replace by themselves: about twice as fast on running text (the 101,000
 * characters of Linux's memory-barriers.txt, read for a search hit, in 0.3 ms against 0.75).
 */
const COLLAPSED_WHITESPACE = /\s{2,}|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;

/** Collapses runs of whitespace to one space and trims: the only change plain text undergoes. */
export function normaliseWhitespace(text: string): string {
  return text.replace(COLLAPSED_WHITESPACE, ' ').trim();
}

/** The children of an inline element (after its tag, and after a link's target or a span's language). */
export function inlineChildren(element: InlineElement): Inline[] {
  switch (element[0]) {
    case 'br':
    case 'img':
      return [];
    case 'a':
    case 'lang':
      return element.slice(2) as Inline[];
    default:
      return element.slice(1);
  }
}

function inlineText(nodes: readonly Inline[], out: string[]): void {
  for (const node of nodes) {
    if (typeof node === 'string') {
      out.push(node);
      continue;
    }
    switch (node[0]) {
      case 'br':
        out.push(' ');
        break;
      case 'img':
        out.push(node[1]);
        break;
      default:
        inlineText(inlineChildren(node), out);
    }
  }
}

function blockText(block: Block, out: string[]): void {
  const gap = (): number => out.push(' ');
  switch (block[0]) {
    case 'p':
    case 'pre':
    case 'figure':
    case 'dt':
      inlineText(block.slice(1), out);
      break;
    case 'h':
      inlineText(block.slice(2) as Inline[], out);
      break;
    case 'ul':
    case 'ol':
      for (const item of block.slice(block[0] === 'ol' ? 2 : 1) as ListItem[]) {
        for (const child of item) {
          blockText(child, out);
          gap();
        }
      }
      break;
    case 'quote':
    case 'dd':
    case 'note':
      for (const child of block.slice(block[0] === 'note' ? 2 : 1) as Block[]) {
        blockText(child, out);
        gap();
      }
      break;
    case 'table': {
      const info = block[1];
      const rows = block.slice(2) as Row[];
      if (info.caption && !info.continued) {
        inlineText(info.caption, out);
        gap();
      }
      for (const row of info.continued ? rows.slice(info.head) : rows) {
        for (const cell of row) {
          inlineText(cell.slice(3) as Inline[], out);
          gap();
        }
      }
      break;
    }
  }
}

/** The plain text of a block: what search indexes and snippets show (whitespace normalised). */
export function plainText(block: Block): string {
  const out: string[] = [];
  blockText(block, out);
  return normaliseWhitespace(out.join(''));
}

/** Calls `visit` with every list of inline content in a block: paragraphs, cells, captions, nested blocks. */
function eachInlineList(block: Block, visit: (inlines: Inline[]) => void): void {
  switch (block[0]) {
    case 'h':
      visit(block.slice(2) as Inline[]);
      break;
    case 'ul':
    case 'ol':
      for (const item of block.slice(block[0] === 'ol' ? 2 : 1) as ListItem[]) {
        for (const child of item) eachInlineList(child, visit);
      }
      break;
    case 'table':
      if (block[1].caption) visit(block[1].caption);
      for (const row of block.slice(2) as Row[]) for (const cell of row) visit(cell.slice(3) as Inline[]);
      break;
    case 'quote':
    case 'dd':
    case 'note':
      for (const child of block.slice(block[0] === 'note' ? 2 : 1) as Block[]) eachInlineList(child, visit);
      break;
    default:
      visit(block.slice(1));
  }
}

/** The targets of a block's links, in document order (the objects themselves, not copies). */
export function linkTargets(block: Block): LinkTarget[] {
  const out: LinkTarget[] = [];
  const inlines = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (typeof node === 'string' || node[0] === 'br' || node[0] === 'img') continue;
      if (node[0] === 'a') out.push(node[1]);
      inlines(inlineChildren(node));
    }
  };
  eachInlineList(block, inlines);
  return out;
}
