/**
 * Reads a plain website folder (no folio.json), the way zimwriterfs takes a saved site: every HTML
 * page is a section, index.html first; the manifest is made from the folder and the first page.
 */
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import type { ArchiveSource, ReadOptions } from './archive-source';
import type { SourceBlock } from './blocks';
import { listFiles, shownPath } from './files';
import { HTML_EXTENSIONS, readHtml } from './html';
import { resolveMediaRef } from './media-path';
import { slug } from './slug';
import { checkSourceFile, readCheckedFile } from './source-file';

export function readWebsiteSource(root: string, options: ReadOptions = {}): ArchiveSource {
  const warn = (path: string, reason: string): void => options.onWarning?.(`${shownPath(root, path)}: ${reason}`);
  const listed = listFiles(root, (name) => HTML_EXTENSIONS.has(extname(name).toLowerCase()), warn);
  // One page that may not be read (a link leading outside, a device, a page over the size limit) is
  // skipped with a warning: the rest of the site is still worth having.
  const pages: { path: string; real: string }[] = [];
  const skipped: string[] = [];
  for (const path of listed) {
    const check = checkSourceFile(root, path, 'text');
    if (check.ok) pages.push({ path, real: check.real });
    else skipped.push(`${shownPath(root, path)}: ${check.reason}`);
  }
  if (pages.length === 0)
    throw new SourceError(
      skipped[0]
        ? `${skipped[0]}, and no other HTML page can be read: nothing to build`
        : `${root}: no folio.json and no HTML pages: nothing to build`,
    );
  for (const line of skipped) options.onWarning?.(`${line}; skipped`);
  const index = pages.findIndex((p) => relative(root, p.path).toLowerCase() === 'index.html');
  if (index > 0) pages.unshift(...pages.splice(index, 1));
  const blocks: SourceBlock[] = [];
  let title = '';
  let lang: string | null = null;
  pages.forEach((page, i) => {
    const shown = shownPath(root, page.path);
    const html = readCheckedFile(page.real, 'text', shown).toString('utf8');
    const result = readHtml(html, shown, (src) => resolveMediaRef(root, dirname(page.path), src), shown);
    if (i === 0) {
      title = result.title;
      lang = result.lang;
    }
    // One by one: a spread of a page's passages overflows the call stack on a large page.
    for (const block of result.blocks) blocks.push(block);
    if (i % 10 === 0 || i === pages.length - 1) options.onProgress?.(i + 1, pages.length);
  });
  const name = basename(resolve(root));
  return {
    root,
    manifest: {
      id: slug(name) || 'website',
      title: title || name,
      description: `${pages.length} pages imported from the folder ${name}.`,
      languages: [lang ?? 'en'],
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
