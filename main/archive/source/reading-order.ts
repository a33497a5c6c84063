/**
 * A saved site is read in its own order, not its file names'. Sites say what comes next: DocBook
 * and Sphinx pages carry `rel=next`/`prev` (in `<link>` or in their navigation bars), and the home
 * page's table of contents lists the rest. The order is:
 *
 *  1. the home page (index.html, index.<lang>.html, or the page the others call home), then the
 *     chain of `next` pages from it;
 *  2. the pages its links lead to, in the order it lists them, each with its whole chain (taken
 *     from the chain's head, so a chain is never entered in the middle);
 *  3. whatever is left, by file name (the last resort), again with its chain.
 *
 * Depth in the Contents (part, chapter, section) comes from each page's `up`: a page under the
 * home page is at the top.
 */
import type { PageRelations } from './html';
import { localHref } from './hrefs';

export interface SitePage {
  /** The page's file, as packs name source files. */
  file: string;
  rel: PageRelations;
  /** Links of the page's content, in document order (asked of the home page only). */
  links: () => readonly string[];
}

export interface SiteOrder {
  /** The home page (an index into the pages). */
  home: number;
  /** Every page once, in reading order. */
  order: number[];
  /** Depth of each page in the site's hierarchy, 0 at the top. */
  depth: number[];
}

const HOME_NAMES = /^(?:index|default)(?:\.[a-z]{2,3}(?:[-_][a-z0-9]+)?)?\.html?$/iu;

function homePage(pages: readonly SitePage[], target: (i: number, href: string | null) => number | null): number {
  const named = pages.findIndex((p) => !p.file.includes('/') && /^index\.html?$/iu.test(p.file));
  if (named >= 0) return named;
  const localised = pages.findIndex((p) => !p.file.includes('/') && HOME_NAMES.test(p.file));
  if (localised >= 0) return localised;
  const votes = new Map<number, number>();
  pages.forEach((p, i) => {
    const home = target(i, p.rel.home);
    if (home !== null) votes.set(home, (votes.get(home) ?? 0) + 1);
  });
  const voted = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (voted) return voted[0];
  const top = pages.findIndex((p) => !p.file.includes('/'));
  return top >= 0 ? top : 0;
}

/** The site's reading order and hierarchy (see the module doc). `pages` are in file-name order. */
export function siteOrder(pages: readonly SitePage[]): SiteOrder {
  const byFile = new Map(pages.map((p, i) => [p.file, i]));
  const target = (from: number, href: string | null): number | null => {
    if (!href) return null;
    const local = localHref(href, pages[from]!.file);
    const to = local ? byFile.get(local.file) : undefined;
    return to === undefined || to === from ? null : to;
  };

  const next: (number | null)[] = pages.map((_, i) => target(i, pages[i]!.rel.next));
  pages.forEach((p, i) => {
    const prev = target(i, p.rel.prev);
    if (prev !== null && next[prev] === null) next[prev] = i;
  });
  const pred: (number | null)[] = pages.map(() => null);
  next.forEach((n, i) => {
    if (n !== null && pred[n] === null) pred[n] = i;
  });

  const placed = new Set<number>();
  const order: number[] = [];
  const placeChain = (start: number): void => {
    if (placed.has(start)) return;
    let head = start;
    const seen = new Set([head]);
    for (let p = pred[head]; p !== null && p !== undefined && !placed.has(p) && !seen.has(p); p = pred[p]) {
      seen.add(p);
      head = p;
    }
    for (let at: number | null = head; at !== null && !placed.has(at); at = next[at] ?? null) {
      placed.add(at);
      order.push(at);
    }
  };

  const home = homePage(pages, target);
  if (pages.length > 0) {
    placeChain(home);
    for (const href of pages[home]!.links()) {
      const to = target(home, href);
      if (to !== null) placeChain(to);
    }
    pages.forEach((_, i) => placeChain(i));
  }

  const up = pages.map((p, i) => target(i, p.rel.up));
  const depth: number[] = pages.map(() => -1);
  const depthOf = (i: number): number => {
    const chain: number[] = [];
    let at: number | null = i;
    const seen = new Set<number>();
    while (at !== null && depth[at] === -1 && !seen.has(at)) {
      seen.add(at);
      chain.push(at);
      const parent: number | null = up[at] ?? null;
      at = parent === home ? null : parent;
    }
    let d = at !== null && depth[at]! >= 0 ? depth[at]! + 1 : 0;
    for (let k = chain.length - 1; k >= 0; k--) depth[chain[k]!] = d++;
    return depth[i]!;
  };
  pages.forEach((_, i) => depthOf(i));
  depth[home] = 0;
  return { home, order, depth };
}
