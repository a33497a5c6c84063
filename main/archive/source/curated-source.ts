/** Reads a curated source: a folder with folio.json, its content files (Markdown, HTML, text) and media. */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import type { ArchiveSource, ReadOptions } from './archive-source';
import type { PassageBlock, SourceBlock } from './blocks';
import { listFiles, shownPath } from './files';
import { HTML_EXTENSIONS, readHtml } from './html';
import { assignLanguages, relativeToMain } from './languages';
import { readSourceManifest } from './manifest';
import { readMarkdown } from './markdown';
import { resolveMediaRef } from './media-path';
import { readPlainText } from './plaintext';
import { checkSourceFile, isInside, readSourceFile } from './source-file';

const CONTENT_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);

/** The content folder the manifest names: it must be the source folder or lie inside it. */
function contentFolder(root: string, content: string): string {
  const manifest = join(root, 'folio.json');
  const given = resolve(root, content);
  if (!existsSync(given)) throw new SourceError(`${manifest}: content folder "${content}" does not exist`);
  const real = realpathSync.native(given);
  if (!isInside(root, real, true))
    throw new SourceError(`${manifest}: content folder "${content}" is outside the source folder; refused`);
  if (!statSync(real).isDirectory()) throw new SourceError(`${manifest}: content "${content}" is not a folder`);
  return real;
}

/**
 * Reads the content files in file-name order; a page's own title never starts a section here. Each
 * passage's language is what its page declares, else the manifest's main language, checked
 * against its script (languages.ts).
 */
export function readCuratedSource(root: string, options: ReadOptions = {}): ArchiveSource {
  const source = readSourceManifest(root);
  const contentDir = contentFolder(root, source.content);
  // A curator can fix the folder: anything the build may not read stops it, with the file named.
  const files = listFiles(
    contentDir,
    (name) => CONTENT_EXTENSIONS.has(extname(name).toLowerCase()),
    (path, reason) => options.onWarning?.(`${shownPath(root, path)}: ${reason}`),
  );
  if (files.length === 0) throw new SourceError(`${contentDir}: no .md, .html or .txt content files`);
  const blocks: SourceBlock[] = [];
  files.forEach((file, index) => {
    const shown = shownPath(root, file);
    const text = readSourceFile(root, file, 'text', shown).toString('utf8');
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
    // One by one: a spread of a large file's passages overflows the call stack.
    for (const block of read) blocks.push(block);
    options.onProgress?.(index + 1, files.length);
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
      ...(source.kiosk ? { kiosk: source.kiosk } : {}),
    },
    blocks,
    recordFile: source.record ? recordFile(root, source.record) : null,
    unreadable: 'refuse',
  };
}

/** The record the manifest names, checked now (inside the folder, a file, within the limit) and read when aligned. */
function recordFile(root: string, record: string): string {
  const path = resolve(root, record);
  const check = checkSourceFile(root, path, 'text');
  if (!check.ok) throw new SourceError(`${join(root, 'folio.json')}: record "${record}" ${check.reason}; refused`);
  return path;
}
