/**
 * Reads an HTML page (cheerio over htmlparser2) into source blocks, the way Kiwix's
 * zimwriterfs takes a saved website: headings, paragraphs, list items, figures with captions,
 * images' alt text and video/audio elements become passages of the right kind.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { MediaType } from '../../model/archive';
import { rangeIndex } from '../range-index';
import { normaliseWhitespace, type PassageBlock, type SourceBlock } from './blocks';

/** File extensions read as HTML pages. */
export const HTML_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm']);

/** Elements whose content is never reader-facing text. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'nav',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'button',
  'form',
  'select',
  'textarea',
]);
/** Elements that open a block of their own; anything else is inline. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'video',
  'audio',
  'picture',
  'center',
  'html',
]);
const HEADING = /^h([1-6])$/u;

/** Where a media reference points, relative to the page; resolved by the caller. */
export type ResolveMedia = (src: string) => string | null;

interface Context {
  $: CheerioAPI;
  file: string;
  lineOf: (node: AnyNode) => [number, number];
  resolve: ResolveMedia;
  out: SourceBlock[];
}

/** The values of domhandler's ElementType enum for elements (the enum lives in a package Folio does not depend on). */
const ELEMENT_NODE_TYPES: ReadonlySet<string> = new Set(['tag', 'script', 'style']);

function isElement(node: AnyNode): node is Element {
  return ELEMENT_NODE_TYPES.has(node.type);
}

function isText(node: AnyNode): node is Text {
  return (node.type as string) === 'text';
}

function hidden(el: Element): boolean {
  const attrs = el.attribs ?? {};
  return (
    'hidden' in attrs ||
    attrs['aria-hidden'] === 'true' ||
    attrs.role === 'navigation' ||
    /display\s*:\s*none/u.test(attrs.style ?? '')
  );
}

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => isElement(c) && (BLOCK.has(c.name) || c.name === 'img') && !SKIPPED.has(c.name));
}

/** Visible text of an element, skipping script/style and hidden parts. */
function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node) || SKIPPED.has(node.name) || hidden(node)) return '';
  if (node.name === 'br') return ' ';
  let text = '';
  for (const child of node.children) text += textOf(child);
  return BLOCK.has(node.name) ? ` ${text} ` : text;
}

function mediaTitle(el: Element, $: CheerioAPI): string {
  const attrs = el.attribs ?? {};
  const caption = $(el).closest('figure').find('figcaption').first();
  const src = attrs.src ?? $(el).find('source[src]').attr('src') ?? '';
  return (
    normaliseWhitespace(attrs.title ?? attrs['aria-label'] ?? (caption.length ? caption.text() : '') ?? '') ||
    decodeURIComponent(src.split('/').pop() ?? '') ||
    'Untitled media'
  );
}

function emit(ctx: Context, node: AnyNode, block: Omit<PassageBlock, 'type' | 'file' | 'lines'>): void {
  if (!block.text) return;
  ctx.out.push({ type: 'passage', file: ctx.file, lines: ctx.lineOf(node), ...block });
}

function walk(ctx: Context, node: AnyNode): void {
  if (!isElement(node)) return;
  const el = node;
  const name = el.name;
  if (SKIPPED.has(name) || hidden(el)) return;
  const { $ } = ctx;

  const heading = HEADING.exec(name);
  if (heading) {
    const text = normaliseWhitespace(textOf(el).replace(/¶/gu, ''));
    emit(ctx, el, { kind: 'heading', text, title: text, level: Number(heading[1]), media: null });
    return;
  }
  if (name === 'figure') {
    const img = $(el).find('img').first();
    const captionEl = $(el).find('figcaption').first();
    const media = $(el).find('video, audio').first();
    if (media.length) {
      walk(ctx, media[0] as AnyNode);
      return;
    }
    const text = normaliseWhitespace(captionEl.length ? captionEl.text() : (img.attr('alt') ?? ''));
    const src = img.attr('src');
    emit(ctx, el, {
      kind: 'caption',
      text,
      title: null,
      level: null,
      media: { type: 'image', src: src ? ctx.resolve(src) : null },
    });
    return;
  }
  if (name === 'img') {
    const alt = normaliseWhitespace(el.attribs.alt ?? '');
    const src = el.attribs.src;
    emit(ctx, el, {
      kind: 'caption',
      text: alt,
      title: null,
      level: null,
      media: { type: 'image', src: src ? ctx.resolve(src) : null },
    });
    return;
  }
  if (name === 'video' || name === 'audio') {
    const title = mediaTitle(el, $);
    const fallback = normaliseWhitespace($(el).clone().children('source, track').remove().end().text());
    const description = fallback && fallback !== title ? fallback : '';
    const src = el.attribs.src ?? $(el).find('source[src]').attr('src');
    emit(ctx, el, {
      kind: 'media',
      text: normaliseWhitespace(`${title} ${description}`),
      title,
      level: null,
      media: { type: name as MediaType, src: src ? ctx.resolve(src) : null },
    });
    return;
  }
  if (BLOCK.has(name) && !hasBlockChild(el)) {
    // A leaf block: its text is one passage (p, li, dd, td, pre, or a div holding only inline content).
    emit(ctx, el, {
      kind: 'text',
      text: normaliseWhitespace(textOf(el).replace(/¶/gu, '')),
      title: null,
      level: null,
      media: null,
    });
    return;
  }
  // A container: walk its children, gathering runs of loose inline content into passages of their own.
  let loose: AnyNode[] = [];
  const flush = (): void => {
    const text = normaliseWhitespace(loose.map(textOf).join(''));
    if (text && loose[0]) emit(ctx, loose[0], { kind: 'text', text, title: null, level: null, media: null });
    loose = [];
  };
  for (const child of el.children) {
    if (isElement(child) && (BLOCK.has(child.name) || child.name === 'img' || SKIPPED.has(child.name))) {
      flush();
      walk(ctx, child);
    } else {
      loose.push(child);
    }
  }
  flush();
}

/** The page's title: `<title>`, else its first `<h1>`. */
export function htmlTitle($: CheerioAPI): string {
  return (
    normaliseWhitespace($('title').first().text()) || normaliseWhitespace($('h1').first().text().replace(/¶/gu, ''))
  );
}

/** Reads one HTML page. The page's title starts a section (a page is a section). */
export function readHtml(
  html: string,
  file: string,
  resolve: ResolveMedia,
  fallbackTitle: string,
): { blocks: SourceBlock[]; title: string; lang: string | null } {
  // htmlparser2 (through cheerio) in HTML mode: about four times faster than parse5 on real sites,
  // which decides the build time of large archives; offsets give each passage its lines.
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true, withStartIndices: true, withEndIndices: true } });
  const lineStarts = [0];
  for (let i = html.indexOf('\n'); i >= 0; i = html.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => rangeIndex(lineStarts, offset) + 1;
  const lineOf = (node: AnyNode): [number, number] => {
    const start = node.startIndex ?? 0;
    const startLine = lineAt(start);
    return [startLine, Math.max(startLine, lineAt(node.endIndex ?? start))];
  };
  const title = htmlTitle($) || fallbackTitle;
  const out: SourceBlock[] = [{ type: 'section', title, metadata: true }];
  const body = $('body')[0] ?? $.root()[0];
  if (body) walk({ $, file, lineOf, resolve, out }, body);
  return { blocks: out, title, lang: $('html').attr('lang') ?? null };
}
