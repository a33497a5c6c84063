/**
 * Navigation chrome: what a site repeats around its pages (Prev/Up/Home/Next bars, breadcrumbs,
 * sidebars, copyright footers, skip links, permalink marks) rather than what a page says. It is
 * left out of passages and the index, unless `folio build --keep-boilerplate` asks to keep it.
 *
 * Two detectors: the markup (`nav`, `role=navigation`, DocBook's navheader/navfooter, Sphinx's
 * related bar, sidebar and footer), and, across a site, passages repeated on most of its pages.
 */
import type { Element } from 'domhandler';
import { classes, isElement } from './html-dom';

const CHROME_ROLES: ReadonlySet<string> = new Set(['navigation', 'banner', 'contentinfo', 'search']);

/** Classes that mark chrome in the generators Folio meets most (DocBook XSL, Sphinx) and in common themes. */
const CHROME_CLASSES: ReadonlySet<string> = new Set([
  'navheader',
  'navfooter',
  'related',
  'sphinxsidebar',
  'sphinxsidebarwrapper',
  'footer',
  'breadcrumb',
  'breadcrumbs',
  'skip-link',
  'skiplink',
  'skip-to-content',
  'headerlink',
  'navbar',
  'mobile-nav',
]);

/** Whether an element sits inside an article (whose header is content, not chrome). */
function insideArticle(el: Element): boolean {
  for (let p = el.parent; p && isElement(p); p = p.parent) {
    if (p.name === 'article' || p.name === 'main') return true;
  }
  return false;
}

/** Whether an element is navigation chrome by its markup. */
export function isChromeElement(el: Element): boolean {
  const name = el.name;
  if (name === 'nav') return true;
  // A page-level header or footer is chrome; an article's own header holds its title.
  if ((name === 'header' || name === 'footer') && !insideArticle(el)) return true;
  const role = el.attribs.role;
  if (role && CHROME_ROLES.has(role)) return true;
  if (classes(el).some((c) => CHROME_CLASSES.has(c))) return true;
  // Skip links: "#content"-style links that exist only for keyboard users.
  return (
    name === 'a' && /^#/u.test(el.attribs.href ?? '') && /\bskip\b/iu.test(el.attribs.class ?? el.attribs.id ?? '')
  );
}

/** A site shorter than this has no "most pages" to speak of. */
const MIN_PAGES = 5;

/**
 * The keys (content keys of kind and text, writer/passage-ids.ts) of passages that occur on more
 * than half of a site's pages (at least MIN_PAGES): a footer or banner the markup did not name.
 * `pages` gives each page's keys.
 */
export function repeatedKeys(pages: readonly (() => Iterable<string>)[]): Set<string> {
  const repeated = new Set<string>();
  if (pages.length < MIN_PAGES) return repeated;
  const pagesWith = new Map<string, number>();
  for (const keys of pages) for (const key of new Set(keys())) pagesWith.set(key, (pagesWith.get(key) ?? 0) + 1);
  const limit = pages.length / 2;
  for (const [key, count] of pagesWith) if (count > limit) repeated.add(key);
  return repeated;
}

/**
 * A page's blocks without the repeated ones (`repeated(i)`: the page's i-th block is), as they
 * come. Links pointing at a dropped passage land on the next passage of its page instead.
 */
export function* withoutRepeated<T extends { anchors: string[] }>(
  page: Iterable<T>,
  repeated: (i: number) => boolean,
): Generator<T> {
  let orphanAnchors: string[] = [];
  let i = 0;
  for (const block of page) {
    if (repeated(i++)) {
      for (const anchor of block.anchors) orphanAnchors.push(anchor);
      continue;
    }
    if (orphanAnchors.length > 0) {
      block.anchors = [...orphanAnchors, ...block.anchors];
      orphanAnchors = [];
    }
    yield block;
  }
}
