/**
 * Reads a Markdown content file (markdown-it, CommonMark) into source blocks, following the mapping
 * in archive/FORMAT.md: headings, paragraphs, list items, image-only paragraphs as captions, and the
 * `::: caption`, `::: media <type>` and `::: section <title>` directives.
 */
import { load } from 'cheerio';
import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';
import type Token from 'markdown-it/lib/token.mjs';
import type { MediaType } from '../../model/archive';
import { normaliseWhitespace, type PassageBlock, type SourceBlock } from './blocks';
import { SourceError } from '../../model/errors';

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

/** Plain text of an inline token: markup contributes only its text, breaks become spaces. */
function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  let text = '';
  for (const child of token.children) {
    switch (child.type) {
      case 'text':
      case 'code_inline':
        text += child.content;
        break;
      case 'softbreak':
      case 'hardbreak':
        text += ' ';
        break;
      case 'image':
        text += child.content;
        break;
      default:
        break;
    }
  }
  return normaliseWhitespace(text);
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

/** Reads one Markdown file. `file` is the path shown in provenance and errors. */
export function readMarkdown(markdown: string, file: string): SourceBlock[] {
  const tokens = parser.parse(markdown, {});
  const blocks: SourceBlock[] = [];
  let openDirective: {
    name: Directive;
    open: Token;
    paragraphs: string[];
    options: Map<string, string>;
    words: string[];
  } | null = null;
  let sectionDepth = 0;

  const push = (block: Omit<PassageBlock, 'type' | 'file'>): void => {
    if (block.text) blocks.push({ type: 'passage', file, ...block });
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
          blocks.push({ type: 'section', title, metadata: true });
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
        push({
          kind: 'caption',
          text: normaliseWhitespace(directive.paragraphs.join(' ')),
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
        const [title = '', ...description] = directive.paragraphs;
        push({
          kind: 'media',
          text: normaliseWhitespace([title, ...description].join(' ')),
          title: normaliseWhitespace(title),
          level: null,
          media: { type, src: directive.options.get('src') ?? null },
          lines,
        });
      }
      continue;
    }

    if (token.type === 'heading_open') {
      const level = Number(token.tag.slice(1));
      const text = inlineText(tokens[i + 1]);
      if (openDirective) {
        openDirective.paragraphs.push(text);
      } else {
        if (level <= 2 && sectionDepth === 0) blocks.push({ type: 'section', title: text, metadata: false });
        push({ kind: 'heading', text, title: text, level, media: null, lines: linesOf(token) });
      }
      i += 2;
      continue;
    }

    if (token.type === 'paragraph_open') {
      const inline = tokens[i + 1];
      const text = inlineText(inline);
      if (openDirective) {
        openDirective.paragraphs.push(text);
      } else {
        const image = soleImage(inline);
        if (image) {
          push({
            kind: 'caption',
            text,
            title: null,
            level: null,
            media: { type: 'image', src: image.attrGet('src') || null },
            lines: linesOf(token),
          });
        } else {
          push({ kind: 'text', text, title: null, level: null, media: null, lines: linesOf(token) });
        }
      }
      i += 2;
      continue;
    }

    if (token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') {
      // Code and raw HTML are kept as text passages so nothing the curator wrote is lost.
      const text = normaliseWhitespace(token.type === 'html_block' ? htmlText(token.content) : token.content);
      if (openDirective) openDirective.paragraphs.push(text);
      else push({ kind: 'text', text, title: null, level: null, media: null, lines: linesOf(token) });
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
