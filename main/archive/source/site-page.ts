/**
 * One page of a saved site, read (website-source.ts): its passages, languages assigned, serialized
 * for the spill (page-spill.ts), and the little the site-wide steps need of it: title, language,
 * relations, and per passage its content key, language, length of text, anchors and media. It is
 * plain data, so a worker thread can read pages and hand them back (site-page-pool.ts).
 */
import { dirname } from 'node:path';
import { serialize } from 'node:v8';
import type { PassageBlock } from './blocks';
import { shownPath } from './files';
import { readHtml, type PageRelations } from './html';
import { assignLanguages } from './languages';
import { resolveMediaRef } from './media-path';
import { readCheckedFile } from './source-file';
import { CONTENT_KEY_BYTES, contentKeyBytes } from '../writer/passage-ids';

/**
 * Passages spilled together: a page of a hundred thousand lines (a source file shown as HTML) is
 * read back a run at a time, not all at once.
 */
const SPILL_RUN = 1000;

export interface SitePageRead {
  title: string;
  /** What the page declares (`<html lang>`), null when nothing. */
  lang: string | null;
  rel: PageRelations;
  /** The passages in runs of at most SPILL_RUN (each a PassageBlock[]), serialized with node:v8. */
  passages: Uint8Array[];
  /** Per passage, its content key (CONTENT_KEY_BYTES bytes each). */
  keys: Uint8Array;
  /** Per passage, its language once assigned, and the length of its text. */
  langs: string[];
  lengths: number[];
  /** The passages that have anchors, with them. */
  anchors: [number, string[]][];
  /** The passages that show media, with it. */
  media: [number, NonNullable<PassageBlock['media']>][];
}

/** Reads the page at `path` (whose real path is `real`) of the site at `root`. Throws SourceError for a page that may not be read. */
export function readSitePage(root: string, path: string, real: string, keepBoilerplate: boolean): SitePageRead {
  const shown = shownPath(root, path);
  const html = readCheckedFile(real, 'text', shown).toString('utf8');
  const page = readHtml(html, shown, (src) => resolveMediaRef(root, dirname(path), src), shown, { keepBoilerplate });
  // A passage's language depends on its page alone; undeclared, on its script (null: no archive default).
  assignLanguages(page.passages, null);
  const keys = new Uint8Array(page.passages.length * CONTENT_KEY_BYTES);
  const anchors: SitePageRead['anchors'] = [];
  const media: SitePageRead['media'] = [];
  page.passages.forEach((p, i) => {
    keys.set(contentKeyBytes(p.kind, p.text), i * CONTENT_KEY_BYTES);
    if (p.anchors.length > 0) anchors.push([i, p.anchors]);
    if (p.media) media.push([i, p.media]);
  });
  // Copies, not slices of the page's HTML, which a slice would keep alive (serializing copies the passages).
  const facts = structuredClone({
    title: page.title,
    lang: page.lang,
    rel: page.rel,
    langs: page.passages.map((p) => p.lang ?? 'en'),
    anchors,
    media,
  });
  const runs: Uint8Array[] = [];
  for (let i = 0; i < page.passages.length; i += SPILL_RUN) runs.push(serialize(page.passages.slice(i, i + SPILL_RUN)));
  return { ...facts, passages: runs, keys, lengths: page.passages.map((p) => p.text.length) };
}
