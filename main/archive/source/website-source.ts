/**
 * Reads a plain website folder (no folio.json), the way zimwriterfs takes a saved site: every HTML
 * page is a section, in the site's own reading order (reading-order.ts), without its navigation
 * chrome (chrome.ts); the manifest is made from the folder and the home page, its languages from
 * what the pages hold.
 *
 * A saved site can hold a million passages, more than memory holds as objects: each page is read
 * once (site-page.ts, on every core: site-page-pool.ts), its passages spilled to disk (page-spill.ts), and only what the site-wide
 * steps need stays in memory (titles, relations, content keys, languages, anchors). The source's
 * outline comes from that; its blocks are read back from the spill, a page at a time.
 */
import { basename, extname, resolve } from 'node:path';
import { SourceError } from '../../model/errors';
import { linkTargets } from '../../model/passage-content';
import { CONTENT_KEY_BYTES } from '../writer/passage-ids';
import type { ArchiveSource, ReadOptions } from './archive-source';
import type { OutlineBlock, PassageBlock, SectionStartBlock, SourceBlock } from './blocks';
import { repeatedKeys, withoutRepeated } from './chrome';
import { listFiles, shownPath } from './files';
import { HTML_EXTENSIONS, type PageRelations } from './html';
import { rankLanguages, relativeToMain } from './languages';
import { PageSpill } from './page-spill';
import { siteOrder } from './reading-order';
import type { SitePageRead } from './site-page';
import { readSitePages } from './site-page-pool';
import { slug } from './slug';
import { checkSourceFile } from './source-file';

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

/** What stays in memory of a page once it is spilled. */
interface PageFacts {
  file: string;
  title: string;
  lang: string | null;
  rel: PageRelations;
  /** Its runs of passages in the spill: `runs` of them from `firstRun`. */
  firstRun: number;
  runs: number;
  keys: Buffer;
  /** Per passage, its language as an index into the site's list of them. */
  langs: Uint16Array;
  lengths: Int32Array;
  anchors: Map<number, string[]>;
  media: Map<number, NonNullable<PassageBlock['media']>>;
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

  const spill = new PageSpill();
  try {
    return siteSource(root, files, readPages(root, files, reals, spill, options), spill, options);
  } catch (error) {
    spill.close();
    throw error;
  }
}

/** Every page, read, and the languages its passages hold (PageFacts.langs indexes them). */
interface ReadPages {
  pages: PageFacts[];
  languages: string[];
}

/** Reads every page, in file-name order, into the spill; returns what stays in memory of each. */
function readPages(
  root: string,
  files: readonly string[],
  reals: readonly string[],
  spill: PageSpill,
  options: ReadOptions,
): ReadPages {
  const languages = new Map<string, number>();
  const languageIndex = (lang: string): number => {
    let index = languages.get(lang);
    if (index === undefined) languages.set(lang, (index = languages.size));
    return index;
  };
  const pages: PageFacts[] = [];
  const keep = (read: SitePageRead, i: number): void => {
    const firstRun = spill.length;
    for (const run of read.passages) spill.append(run);
    pages.push({
      firstRun,
      runs: read.passages.length,
      file: shownPath(root, files[i]!),
      title: read.title,
      lang: read.lang,
      rel: read.rel,
      keys: Buffer.from(read.keys.buffer, read.keys.byteOffset, read.keys.byteLength),
      langs: Uint16Array.from(read.langs, languageIndex),
      lengths: Int32Array.from(read.lengths),
      anchors: new Map(read.anchors),
      media: new Map(read.media),
    });
    if (i % 10 === 0 || i === files.length - 1) options.onProgress?.(i + 1, files.length);
  };
  readSitePages(root, files, reals, options.keepBoilerplate ?? false, keep);
  return { pages, languages: [...languages.keys()] };
}

/** The source, once every page is read (see the module doc). */
function siteSource(
  root: string,
  files: readonly string[],
  { pages, languages: names }: ReadPages,
  spill: PageSpill,
  options: ReadOptions,
): ArchiveSource {
  const keyOf = (page: PageFacts, i: number): string =>
    page.keys.toString('hex', i * CONTENT_KEY_BYTES, (i + 1) * CONTENT_KEY_BYTES);
  const keysOf = function* (page: PageFacts): Generator<string> {
    for (let i = 0; i < page.lengths.length; i++) yield keyOf(page, i);
  };

  /** A page's passages, read back from the spill a run at a time. */
  const passagesOf = function* (page: PageFacts): Generator<PassageBlock> {
    for (let run = page.firstRun; run < page.firstRun + page.runs; run++) yield* spill.read<PassageBlock[]>(run);
  };

  const { home, order, depth } = siteOrder(
    pages.map((page) => ({
      file: page.file,
      rel: page.rel,
      links: () => {
        const links: string[] = [];
        for (const p of passagesOf(page))
          if (p.content) for (const target of linkTargets(p.content)) if ('url' in target) links.push(target.url);
        return links;
      },
    })),
  );

  const repeated = options.keepBoilerplate ? new Set<string>() : repeatedKeys(pages.map((page) => () => keysOf(page)));
  const isRepeated = (page: PageFacts) => (i: number) => repeated.size > 0 && repeated.has(keyOf(page, i));

  const amounts = new Map<string, number>();
  for (const page of pages) {
    const dropped = isRepeated(page);
    page.langs.forEach((lang, i) => {
      if (dropped(i)) return;
      const name = names[lang]!;
      amounts.set(name, (amounts.get(name) ?? 0) + page.lengths[i]!);
    });
  }
  const languages = rankLanguages(amounts, pages[home]?.lang ?? null);
  const main = languages[0]!;

  const titles = withoutSharedSuffix(pages.map((p) => p.title));
  const sectionOf = (i: number): SectionStartBlock => ({
    type: 'section',
    title: titles[i]!,
    metadata: true,
    depth: depth[i]!,
  });
  const outline = function* (): Generator<OutlineBlock> {
    for (const i of order) {
      yield sectionOf(i);
      const page = pages[i]!;
      const blocks = Array.from({ length: page.lengths.length }, (_, b) => ({
        type: 'passage' as const,
        key: keyOf(page, b),
        anchors: page.anchors.get(b) ?? [],
        media: page.media.get(b) ?? null,
        file: page.file,
      }));
      yield* withoutRepeated(blocks, isRepeated(page));
      // The outline is read once (writer/assemble.ts): its anchors are kept there from now on.
      page.anchors.clear();
    }
  };
  const blocks = function* (): Generator<SourceBlock> {
    for (const i of order) {
      yield sectionOf(i);
      for (const block of withoutRepeated(passagesOf(pages[i]!), isRepeated(pages[i]!))) {
        relativeToMain([block], main);
        yield block;
      }
    }
  };

  const name = basename(resolve(root));
  return {
    root,
    manifest: {
      id: slug(name) || 'website',
      title: pages[home]?.title || name,
      description: `${files.length} pages imported from the folder ${name}.`,
      languages,
      source: `HTML pages from the folder ${name}`,
      licence: 'See the original pages.',
      variants: [],
      version: '',
    },
    blocks: { [Symbol.iterator]: blocks },
    outline: { [Symbol.iterator]: outline },
    close: () => {
      spill.close();
      // What stays of the pages, let go of before the index is finished.
      pages = [];
    },
    recordFile: null,
    unreadable: 'skip',
  };
}
