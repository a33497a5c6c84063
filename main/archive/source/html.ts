/**
 * Reads an HTML page (cheerio over htmlparser2) into passages with their structure
 * (html-passages.ts), and what the site needs from it: its title, its language, its own
 * navigation (next, previous, up, home) and its links, for the reading order.
 */
import { load } from 'cheerio';
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { rangeIndex } from '../range-index';
import type { ReadOptions } from './archive-source';
import { normaliseWhitespace, type PassageBlock } from './blocks';
import { flattenDeepNesting } from './html-depth';
import { declaredLang, findDescendant, flatText, forEachDescendant, isElement } from './html-dom';
import { PassageWalker, type ResolveMedia } from './html-passages';

export type { ResolveMedia };

/** File extensions read as HTML pages. */
export const HTML_EXTENSIONS: ReadonlySet<string> = new Set(['.html', '.htm']);

/** A page's own navigation, as hrefs written on it (null when absent). */
export interface PageRelations {
  next: string | null;
  prev: string | null;
  up: string | null;
  home: string | null;
}

export interface HtmlPage {
  passages: PassageBlock[];
  title: string;
  /** The language the page declares for its content, if any. */
  lang: string | null;
  rel: PageRelations;
}

export type ReadHtmlOptions = ReadOptions;

/** What a page says about itself, gathered in one pass (CSS selectors walk a deep page in quadratic time). */
interface PageFacts {
  title: Element | null;
  h1: Element | null;
  html: Element | null;
  body: Element | null;
  rel: PageRelations;
}

const REL_NAMES: Readonly<Record<string, keyof PageRelations>> = {
  next: 'next',
  prev: 'prev',
  previous: 'prev',
  up: 'up',
  parent: 'up',
  home: 'home',
  start: 'home',
};
const ACCESS_KEYS: Readonly<Record<string, keyof PageRelations>> = { n: 'next', p: 'prev', u: 'up', h: 'home' };

/**
 * The page's title element, first `<h1>`, `<html>` and `<body>`, and its own navigation:
 * `rel` on `<link>` and `<a>` first, then access keys on links (DocBook's and Sphinx's bars).
 */
function pageFacts(root: ParentNode): PageFacts {
  const facts: PageFacts = {
    title: null,
    h1: null,
    html: null,
    body: null,
    rel: { next: null, prev: null, up: null, home: null },
  };
  const byRel: Partial<PageRelations> = {};
  const byKey: Partial<PageRelations> = {};
  forEachDescendant(root, (node) => {
    if (!isElement(node)) return true;
    const el = node;
    switch (el.name) {
      case 'title':
        facts.title ??= el;
        return false;
      case 'h1':
        facts.h1 ??= el;
        break;
      case 'html':
        facts.html ??= el;
        break;
      case 'body':
        facts.body ??= el;
        break;
      default:
        break;
    }
    const href = el.attribs.href;
    if (href !== undefined && (el.name === 'a' || el.name === 'link')) {
      for (const word of (el.attribs.rel ?? '').toLowerCase().split(/\s+/u)) {
        const key = REL_NAMES[word];
        if (key) byRel[key] ??= href;
      }
      const key = ACCESS_KEYS[(el.attribs.accesskey ?? '').toLowerCase()];
      if (key && el.name === 'a') byKey[key] ??= href;
    }
    return true;
  });
  for (const key of Object.keys(facts.rel) as (keyof PageRelations)[])
    facts.rel[key] = byRel[key] ?? byKey[key] ?? null;
  return facts;
}

/** The page's title: `<title>`, else its first `<h1>`. */
function pageTitle(facts: PageFacts): string {
  const fromTitle = facts.title ? normaliseWhitespace(flatText(facts.title)) : '';
  if (fromTitle) return fromTitle;
  return facts.h1 ? normaliseWhitespace(flatText(facts.h1).replace(/¶/gu, '')) : '';
}

/** The language the page declares: on `<html>` or `<body>`, else on the first container that declares one. */
function pageLang(facts: PageFacts): string | null {
  const own = (facts.html && declaredLang(facts.html)) ?? (facts.body && declaredLang(facts.body));
  if (own) return own;
  const container = facts.body
    ? findDescendant(
        facts.body,
        (el) => ['div', 'main', 'article', 'section'].includes(el.name) && declaredLang(el) !== null,
      )
    : null;
  return container ? declaredLang(container) : null;
}

/** Reads one HTML page into its passages (a page is a section: the caller starts it with `title`). */
export function readHtml(
  html: string,
  file: string,
  resolveMedia: ResolveMedia,
  fallbackTitle: string,
  options: ReadHtmlOptions = {},
): HtmlPage {
  // htmlparser2 (through cheerio) in HTML mode: about four times faster than parse5 on real sites,
  // which decides the build time of large archives; offsets give each passage its lines. XHTML's
  // `<a id="x"/>` closes itself, as generators of XHTML (DocBook XSL) mean it to.
  const source = flattenDeepNesting(html);
  const $ = load(source, {
    xml: {
      xmlMode: false,
      decodeEntities: true,
      withStartIndices: true,
      withEndIndices: true,
      recognizeSelfClosing: true,
    },
  });
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineAt = (offset: number): number => rangeIndex(lineStarts, offset) + 1;
  const lineOf = (node: AnyNode): [number, number] => {
    const start = node.startIndex ?? 0;
    const startLine = lineAt(start);
    return [startLine, Math.max(startLine, lineAt(node.endIndex ?? start))];
  };
  const root: ParentNode = $.root()[0]!;
  const facts = pageFacts(root);
  const title = pageTitle(facts) || fallbackTitle;
  const lang = pageLang(facts);
  const walker = new PassageWalker({ file, lineOf, resolveMedia, keepBoilerplate: options.keepBoilerplate ?? false });
  const passages = walker.read(facts.body ?? root, lang);
  return { passages, title, lang, rel: facts.rel };
}
