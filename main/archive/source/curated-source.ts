/** Reads a curated source: a folder with folio.json, its content files (Markdown, HTML, text) and media. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import type { ArchiveSource, ReadOptions, ReadProgress } from './archive-source';
import type { PassageBlock, SourceBlock } from './blocks';
import { listFiles, shownPath } from './files';
import { HTML_EXTENSIONS, readHtml } from './html';
import { assignLanguages, relativeToMain } from './languages';
import { readSourceManifest } from './manifest';
import { readMarkdown } from './markdown';
import { resolveMediaRef } from './media-path';
import { readPlainText } from './plaintext';

const CONTENT_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);

/**
 * Reads the content files in file-name order; a page's own title never starts a section here. Each
 * passage's language is what its page declares, else the manifest's main language, checked
 * against its script (languages.ts).
 */
export function readCuratedSource(root: string, onProgress?: ReadProgress, options: ReadOptions = {}): ArchiveSource {
  const source = readSourceManifest(root);
  const contentDir = resolve(root, source.content);
  if (!existsSync(contentDir)) {
    throw new SourceError(`${join(root, 'folio.json')}: content folder "${source.content}" does not exist`);
  }
  const files = listFiles(contentDir, (name) => CONTENT_EXTENSIONS.has(extname(name).toLowerCase()));
  if (files.length === 0) throw new SourceError(`${contentDir}: no .md, .html or .txt content files`);
  const blocks: SourceBlock[] = [];
  files.forEach((file, index) => {
    const shown = shownPath(root, file);
    const text = readFileSync(file, 'utf8');
    const ext = extname(file).toLowerCase();
    let read: SourceBlock[];
    if (ext === '.md' || ext === '.markdown') read = readMarkdown(text, shown);
    else if (HTML_EXTENSIONS.has(ext)) {
      read = readHtml(
        text,
        shown,
        (src) => resolveMediaRef(root, dirname(file), src),
        basename(file, ext),
        options,
      ).passages;
    } else read = readPlainText(text, shown);
    for (const block of read) blocks.push(block);
    onProgress?.(index + 1, files.length);
  });
  const passages = blocks.filter((b): b is PassageBlock => b.type === 'passage');
  const main = source.languages[0]!;
  assignLanguages(passages, main);
  relativeToMain(passages, main);
  return {
    root,
    manifest: {
      id: source.id,
      title: source.title,
      description: source.description,
      languages: source.languages,
      source: source.source,
      licence: source.licence,
      variants: source.variants,
      version: source.version,
    },
    blocks,
    recordFile: source.record ? resolve(root, source.record) : null,
  };
}
