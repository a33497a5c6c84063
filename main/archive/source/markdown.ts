/**
 * Reads a Markdown content file (markdown-it, CommonMark) into source blocks, following the mapping
 * in archive/FORMAT.md: headings, paragraphs, list items, code, tables, image-only paragraphs as
 * captions, and the `::: caption`, `::: media <type>` and `::: section <title>` directives. Inline
 * markup (emphasis, code, links, line breaks) is kept in the passage's structure; the plain text is
 * the words as written.
 */
import { load } from 'cheerio';
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type Token from 'markdown-it/lib/token.mjs';
import type { MediaType } from '../../model/archive';
import { plainText, type Block, type Cell, type Inline, type Row } from '../../model/passage-content';
import { normaliseWhitespace, passageBlock, type PassageBlock, type SourceBlock } from './blocks';
import { SourceError } from '../../model/errors';
import { tidy } from './html-content';

const DIRECTIVES = ['caption', 'media', 'section'] as const;
type Directive = (typeof DIRECTIVES)[number];
const MEDIA_TYPES: readonly MediaType[] = ['video', 'audio', 'image'];

function createParser(): MarkdownIt {
  // No typographer and no linkify: passage text must stay exactly as written.
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  for (const name of DIRECTIVES) {
    md.use(container, name, {
      validate: (params: string) => params.trim().split(/\s+/u)[0] === name,
    });
  }
  return md;
}

const parser = createParser();

/** Inline tags markdown-it opens and closes. */
const WRAPPERS: Readonly<Record<string, 'em' | 'strong'>> = { em_open: 'em', strong_open: 'strong' };
const CLOSERS: ReadonlySet<string> = new Set(['em_close', 'strong_close', 'link_close']);

/** The inline content of an inline token: emphasis, code, links and breaks kept, raw HTML tags left out. */
function inlineContent(token: Token | undefined): Inline[] {
  if (!token?.children) return token?.content ? [token.content] : [];
  const root: unknown[] = [];
  const stack: unknown[][] = [root];
  for (const child of token.children) {
    const top = stack[stack.length - 1]!;
    switch (child.type) {
      case 'text':
        top.push(child.content);
        break;
      case 'code_inline':
        top.push(['code', child.content]);
        break;
      case 'softbreak':
        top.push(' ');
        break;
      case 'hardbreak':
        top.push(['br']);
        break;
      case 'image':
        top.push(['img', child.content]);
        break;
      case 'link_open': {
        const element: unknown[] = ['a', { url: child.attrGet('href') ?? '' }];
        top.push(element);
        stack.push(element);
        break;
      }
      default: {
        const tag = WRAPPERS[child.type];
        if (tag) {
          const element: unknown[] = [tag];
          top.push(element);
          stack.push(element);
        } else if (CLOSERS.has(child.type) && stack.length > 1) stack.pop();
      }
    }
  }
  return tidy(root as Inline[], false);
}

/** The only image of an image-only paragraph, if that is what the inline token is. */
function soleImage(token: Token | undefined): Token | null {
  const meaningful = (token?.children ?? []).filter(
    (c) => !(c.type === 'text' && c.content.trim() === '') && c.type !== 'softbreak',
  );
  return meaningful.length === 1 && meaningful[0]?.type === 'image' ? meaningful[0] : null;
}

/** `key=value` words after a directive name. */
function directiveOptions(info: string, file: string, line: number): { words: string[]; options: Map<string, string> } {
  const words: string[] = [];
  const options = new Map<string, string>();
  for (const word of info.trim().split(/\s+/u).slice(1)) {
    const eq = word.indexOf('=');
    if (eq > 0) options.set(word.slice(0, eq), word.slice(eq + 1));
    else if (word) words.push(word);
  }
  if (words.some((w) => w.includes('='))) throw new SourceError(`${file}:${line}: malformed directive option`);
  return { words, options };
}

function linesOf(token: Token): [number, number] {
  const map = token.map ?? [0, 1];
  return [map[0] + 1, Math.max(map[0] + 1, map[1])];
}

/** The anchor a heading gets, the way Markdown sites make them: lower case, words joined by hyphens. */
function headingAnchor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/gu, '-');
}

/** An open list, quote or list item around the current token: how its paragraphs are wrapped. */
type Frame = { type: 'ul' } | { type: 'ol'; start: number } | { type: 'li'; number: number } | { type: 'quote' };

/** Wraps a block in the lists and quotes around it, innermost first, so it shows with its bullet and indent. */
function wrapIn(block: Block, frames: readonly Frame[]): Block {
  let out = block;
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]!;
    if (frame.type === 'quote') out = ['quote', out];
    else if (frame.type === 'li') {
      const list = frames[i - 1];
      out = list?.type === 'ol' ? ['ol', frame.number, [out]] : ['ul', [out]];
      i--;
    }
  }
  return out;
}

/** A Markdown table (GFM) from its tokens, `tokens[at]` being `table_open`; returns the block and the index after it. */
function readTable(tokens: Token[], at: number): { block: Block; end: number } {
  const rows: Row[] = [];
  let head = 0;
  let inHead = false;
  let row: Cell[] | null = null;
  let i = at + 1;
  for (; i < tokens.length && tokens[i]!.type !== 'table_close'; i++) {
    const t = tokens[i]!;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      rows.push(row);
      if (inHead) head++;
      row = null;
    } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
      row.push([t.type === 'th_open' ? 'th' : 'td', 1, 1, ...inlineContent(tokens[i + 1])]);
    }
  }
  return { block: ['table', { head }, ...rows], end: i };
}

/** Reads one Markdown file. `file` is the path shown in provenance and errors. */
export function readMarkdown(markdown: string, file: string): SourceBlock[] {
  const tokens = parser.parse(markdown, {});
  const blocks: SourceBlock[] = [];
  let openDirective: {
    name: Directive;
    open: Token;
    paragraphs: Inline[][];
    options: Map<string, string>;
    words: string[];
  } | null = null;
  let sectionDepth = 0;
  const frames: Frame[] = [];

  const push = (
    fields: Omit<PassageBlock, 'type' | 'file' | 'text' | 'content' | 'lang' | 'anchors'> & {
      content: Block;
      anchors?: string[];
    },
  ): void => {
    const block = passageBlock({ ...fields, file });
    if (block.text) blocks.push(block);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const containerMatch = /^container_(caption|media|section)_(open|close)$/u.exec(token.type);
    if (containerMatch) {
      const name = containerMatch[1] as Directive;
      const line = (token.map?.[0] ?? 0) + 1;
      if (containerMatch[2] === 'open') {
        const { words, options } = directiveOptions(token.info, file, line);
        if (name === 'section') {
          const title = normaliseWhitespace(words.join(' '));
          if (!title) throw new SourceError(`${file}:${line}: "::: section" needs a title`);
          blocks.push({ type: 'section', title, metadata: true, depth: 0 });
          sectionDepth++;
          continue;
        }
        if (openDirective) throw new SourceError(`${file}:${line}: "::: ${name}" inside "::: ${openDirective.name}"`);
        openDirective = { name, open: token, paragraphs: [], options, words };
        continue;
      }
      if (name === 'section') {
        sectionDepth--;
        continue;
      }
      const directive = openDirective;
      openDirective = null;
      if (!directive) continue;
      const lines = linesOf(directive.open);
      if (directive.name === 'caption') {
        const caption: Inline[] = directive.paragraphs.flatMap((p, k) => (k === 0 ? p : [' ', ...p]));
        push({
          kind: 'caption',
          content: ['figure', ...tidy(caption, false)],
          title: null,
          level: null,
          media: { type: 'image', src: directive.options.get('image') ?? null },
          lines,
        });
      } else {
        const type = (directive.words[0] ?? 'video') as MediaType;
        if (!MEDIA_TYPES.includes(type)) {
          throw new SourceError(
            `${file}:${lines[0]}: media type must be one of ${MEDIA_TYPES.join(', ')}, not "${type}"`,
          );
        }
        const [title = '', ...description] = directive.paragraphs.map((p) => plainText(['p', ...p]));
        const text = normaliseWhitespace([title, ...description].join(' '));
        if (text) {
          blocks.push({
            type: 'passage',
            kind: 'media',
            text,
            title: normaliseWhitespace(title),
            level: null,
            media: { type, src: directive.options.get('src') ?? null },
            content: null,
            lang: null,
            anchors: [],
            file,
            lines,
          });
        }
      }
      continue;
    }

    switch (token.type) {
      case 'bullet_list_open':
        frames.push({ type: 'ul' });
        continue;
      case 'ordered_list_open':
        frames.push({ type: 'ol', start: Number(token.attrGet('start') ?? 1) || 1 });
        continue;
      case 'list_item_open': {
        const list = frames[frames.length - 1];
        const number = Number(token.info) || (list?.type === 'ol' ? list.start : 1);
        frames.push({ type: 'li', number });
        continue;
      }
      case 'blockquote_open':
        frames.push({ type: 'quote' });
        continue;
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
      case 'blockquote_close':
        frames.pop();
        continue;
      default:
        break;
    }

    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const inlines = inlineContent(tokens[i + 1]);
      const text = plainText(['p', ...inlines]);
      if (openDirective) {
        openDirective.paragraphs.push(inlines);
      } else {
        if (level <= 2 && sectionDepth === 0) blocks.push({ type: 'section', title: text, metadata: false, depth: 0 });
        push({
          kind: 'heading',
          content: ['h', level, ...inlines],
          title: text,
          level,
          media: null,
          anchors: [headingAnchor(text)],
          lines: linesOf(token),
        });
      }
      i += 2;
      continue;
    }

    if (token.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      const inlines = inlineContent(inline);
      if (openDirective) {
        openDirective.paragraphs.push(inlines);
      } else {
        const image = soleImage(inline);
        if (image) {
          push({
            kind: 'caption',
            content: ['figure', image.content],
            title: null,
            level: null,
            media: { type: 'image', src: image.attrGet('src') || null },
            lines: linesOf(token),
          });
        } else {
          push({
            kind: 'text',
            content: wrapIn(['p', ...inlines], frames),
            title: null,
            level: null,
            media: null,
            lines: linesOf(token),
          });
        }
      }
      i += 2;
      continue;
    }

    if (token.type === 'table_open' && !openDirective) {
      const { block, end } = readTable(tokens, i);
      push({
        kind: 'text',
        content: wrapIn(block, frames),
        title: null,
        level: null,
        media: null,
        lines: linesOf(token),
      });
      i = end;
      continue;
    }

    if (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') {
      // Code is kept exact; raw HTML as its text, so nothing the curator wrote is lost.
      if (openDirective) {
        openDirective.paragraphs.push([token.type === 'html_block' ? htmlText(token.content) : token.content]);
        continue;
      }
      const content: Block =
        token.type === 'html_block'
          ? ['p', normaliseWhitespace(htmlText(token.content))]
          : ['pre', token.content.replace(/\n$/u, '')];
      push({
        kind: 'text',
        content: wrapIn(content, frames),
        title: null,
        level: null,
        media: null,
        lines: linesOf(token),
      });
    }
  }
  if (openDirective)
    throw new SourceError(
      `${file}:${linesOf(openDirective.open)[0]}: "::: ${openDirective.name}" is never closed with ":::"`,
    );
  return blocks;
}

/** Text of an HTML fragment embedded in Markdown, via a real HTML parser. */
function htmlText(html: string): string {
  return load(html).root().text();
}
