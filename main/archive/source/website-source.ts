/**
 * Reads a plain website folder (no folio.json), the way zimwriterfs takes a saved site: every HTML
 * page is a section, index.html first; the manifest is made from the folder and the first page.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import type { ArchiveSource, ReadProgress } from './archive-source';
import type { SourceBlock } from './blocks';
import { listFiles, shownPath } from './files';
import { HTML_EXTENSIONS, readHtml } from './html';
import { resolveMediaRef } from './media-path';
import { slug } from './slug';

export function readWebsiteSource(root: string, onProgress?: ReadProgress): ArchiveSource {
  const pages = listFiles(root, (name) => HTML_EXTENSIONS.has(extname(name).toLowerCase()));
  if (pages.length === 0) throw new SourceError(`${root}: no folio.json and no HTML pages: nothing to build`);
  const index = pages.findIndex((p) => relative(root, p).toLowerCase() === 'index.html');
  if (index > 0) pages.unshift(...pages.splice(index, 1));
  const blocks: SourceBlock[] = [];
  let title = '';
  let lang: string | null = null;
  pages.forEach((page, i) => {
    const shown = shownPath(root, page);
    const html = readFileSync(page, 'utf8');
    const result = readHtml(html, shown, (src) => resolveMediaRef(root, dirname(page), src), shown);
    if (i === 0) {
      title = result.title;
      lang = result.lang;
    }
    blocks.push(...result.blocks);
    if (i % 10 === 0 || i === pages.length - 1) onProgress?.(i + 1, pages.length);
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
  };
}
