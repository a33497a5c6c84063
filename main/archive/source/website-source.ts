/**
 * Reads a plain website folder (no folio.json), the way zimwriterfs takes a saved site: every HTML
 * page is a section, in the site's own reading order (reading-order.ts), without its navigation
 * chrome (chrome.ts); the manifest is made from the folder and the home page, its languages from
 * what the pages hold.
 */
import { basename, dirname, extname, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import { linkTargets } from '../../model/passage-content';
import type { ArchiveSource, ReadOptions } from './archive-source';
import type { PassageBlock, SourceBlock } from './blocks';
import { dropRepeatedBlocks } from './chrome';
import { listFiles, shownPath } from './files';
import { HTML_EXTENSIONS, readHtml, type HtmlPage } from './html';
import { archiveLanguages, assignLanguages, relativeToMain } from './languages';
import { resolveMediaRef } from './media-path';
import { siteOrder } from './reading-order';
import { slug } from './slug';
import { checkSourceFile, readCheckedFile } from './source-file';

/** Separators before a site name that every page title repeats ("os — … — Python 3.11 documentation"). */
const TITLE_SEPARATORS = [' — ', ' – ', ' | ', ' - ', ' :: ', ' · '];

/** Page titles without the site name most of them end with. */
function withoutSharedSuffix(titles: readonly string[]): string[] {
  if (titles.length < 5) return [...titles];
  const suffixOf = (title: string): string | null => {
    let best = -1;
    for (const sep of TITLE_SEPARATORS) best = Math.max(best, title.lastIndexOf(sep));
    return best > 0 ? title.slice(best) : null;
  };
  const counts = new Map<string, number>();
  for (const t of titles) {
    const suffix = suffixOf(t);
    if (suffix) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  const [suffix, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (!suffix || n <= titles.length / 2) return [...titles];
  return titles.map((t) => (t.endsWith(suffix) && t.length > suffix.length ? t.slice(0, -suffix.length) : t));
}

export function readWebsiteSource(root: string, options: ReadOptions = {}): ArchiveSource {
  const warn = (path: string, reason: string): void => options.onWarning?.(`${shownPath(root, path)}: ${reason}`);
  const listed = listFiles(root, (name) => HTML_EXTENSIONS.has(extname(name).toLowerCase()), warn);
  // One page that may not be read (a link leading outside, a device, a page over the size limit) is
  // skipped with a warning: the rest of the site is still worth having.
  const files: string[] = [];
  const reals: string[] = [];
  const skipped: string[] = [];
  for (const path of listed) {
    const check = checkSourceFile(root, path, 'text');
    if (check.ok) {
      files.push(path);
      reals.push(check.real);
    } else skipped.push(`${shownPath(root, path)}: ${check.reason}`);
  }
  if (files.length === 0)
    throw new SourceError(
      skipped[0]
        ? `${skipped[0]}, and no other HTML page can be read: nothing to build`
        : `${root}: no folio.json and no HTML pages: nothing to build`,
    );
  for (const line of skipped) options.onWarning?.(`${line}; skipped`);
  const pages: HtmlPage[] = files.map((page, i) => {
    const shown = shownPath(root, page);
    const html = readCheckedFile(reals[i]!, 'text', shown).toString('utf8');
    const result = readHtml(html, shown, (src) => resolveMediaRef(root, dirname(page), src), shown, options);
    if (i % 10 === 0 || i === files.length - 1) options.onProgress?.(i + 1, files.length);
    return result;
  });
  const shown = files.map((f) => shownPath(root, f));
  const { home, order, depth } = siteOrder(
    pages.map((page, i) => {
      const links: string[] = [];
      for (const p of page.passages) {
        if (p.content) for (const target of linkTargets(p.content)) if ('url' in target) links.push(target.url);
      }
      return { file: shown[i]!, rel: page.rel, links };
    }),
  );

  const passages = options.keepBoilerplate
    ? pages.map((p) => p.passages)
    : dropRepeatedBlocks(pages.map((p) => p.passages));
  const all: PassageBlock[] = [];
  for (const list of passages) for (const p of list) all.push(p);
  assignLanguages(all, null);
  const languages = archiveLanguages(all, pages[home]?.lang ?? null);
  relativeToMain(all, languages[0]!);

  const titles = withoutSharedSuffix(pages.map((p) => p.title));
  const blocks: SourceBlock[] = [];
  for (const i of order) {
    blocks.push({ type: 'section', title: titles[i]!, metadata: true, depth: depth[i]! });
    for (const p of passages[i]!) blocks.push(p);
  }
  const name = basename(resolve(root));
  return {
    root,
    manifest: {
      id: slug(name) || 'website',
      title: pages[home]?.title || name,
      description: `${pages.length} pages imported from the folder ${name}.`,
      languages,
      source: `HTML pages from the folder ${name}`,
      licence: 'See the original pages.',
      variants: [],
      version: '',
    },
    blocks,
    recordFile: null,
    unreadable: 'skip',
  };
}
