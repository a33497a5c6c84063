/**
 * The benchmark's corpora, fetched from Debian as packages (`apt-get download`, then `dpkg-deb -x`,
 * never installed) into bench/.work, and made into one plain folder of pages that both Folio and
 * zimwriterfs can take:
 * - python: the HTML documentation of python3.11-doc;
 * - large: linux-doc-6.1 and rust-doc side by side (linux/, rust/ and an index.html linking both),
 *   about 35,000 pages and 1.2 million passages.
 *
 * zimwriterfs stops at the first redirect page (`<meta http-equiv="refresh">`) whose target is not a
 * plain file of the folder, and Debian's packages hold such pages (quoted `URL='…'`, `#fragment`s,
 * targets on the web), symlinks into other packages and gzipped files. The folder is made so that
 * every redirect names a plain file of the folder (or is no redirect at all), symlinks are replaced by
 * what they point to (or dropped when that is in another package), and `.gz` files are unpacked.
 * Folio reads the same folder.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface CorpusSource {
  /** Debian packages to fetch. */
  packages: string[];
  /** Folder name inside the prepared corpus → path of the HTML inside the extracted packages. */
  parts: { name: string; html: string }[];
  /** Files of the package that are not the site (a PDF or text edition beside the pages), left out. */
  skip?: RegExp;
  /** The site's own start page, when it is not index.html (zimwriterfs's --welcome). */
  home?: string;
}

export const PYTHON_SOURCE: CorpusSource = {
  packages: ['python3.11-doc'],
  parts: [{ name: '', html: 'usr/share/doc/python3.11/html' }],
};

/** The PostgreSQL 15 manual (DocBook HTML; settings, commands, functions). */
export const POSTGRESQL_SOURCE: CorpusSource = {
  packages: ['postgresql-doc-15'],
  parts: [{ name: '', html: 'usr/share/doc/postgresql-doc-15/html' }],
  skip: /\.gz$/u,
};

/** The Debian Reference in Japanese: its HTML pages only, not the PDF and text editions beside them. */
export const DEBIAN_REFERENCE_JA_SOURCE: CorpusSource = {
  packages: ['debian-reference-ja'],
  parts: [{ name: '', html: 'usr/share/debian-reference' }],
  skip: /\.(?:pdf|gz|txt)$/u,
  home: 'index.ja.html',
};

export const LARGE_SOURCE: CorpusSource = {
  packages: ['linux-doc-6.1', 'rust-doc'],
  parts: [
    { name: 'linux', html: 'usr/share/doc/linux-doc-6.1/html' },
    { name: 'rust', html: 'usr/share/doc/rust-doc/html' },
  ],
};

/** Runs a command; its output is returned, null when it failed (with the reason in `why`). */
function run(cmd: string, args: string[], cwd: string): { ok: boolean; why: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status === 0) return { ok: true, why: '' };
  return { ok: false, why: (r.stderr || String(r.error ?? `exit ${r.status}`)).trim().split('\n').pop() ?? '' };
}

/**
 * The packages of `source`, downloaded into `work/debs` (kept between runs) and extracted into
 * `work/extracted`. Returns the extraction folder, or a one-line reason why they could not be had.
 */
export function fetchPackages(source: CorpusSource, work: string): { root: string } | { skipped: string } {
  const debs = join(work, 'debs');
  const root = join(work, 'extracted');
  mkdirSync(debs, { recursive: true });
  mkdirSync(root, { recursive: true });
  for (const pkg of source.packages) {
    const have = () => readdirSync(debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
    if (!have()) {
      const got = run('apt-get', ['download', pkg], debs);
      if (!got.ok || !have()) return { skipped: `apt-get download ${pkg} failed (${got.why || 'no .deb'})` };
    }
    const marker = join(root, `.${pkg}.extracted`);
    if (!existsSync(marker)) {
      const x = run('dpkg-deb', ['-x', join(debs, have()!), root], root);
      if (!x.ok) return { skipped: `dpkg-deb -x ${pkg} failed (${x.why})` };
      writeFileSync(marker, '');
    }
  }
  return { root };
}

const REFRESH = /<meta\s+http-equiv\s*=\s*["']?refresh["']?\s+content\s*=\s*"([^"]*)"\s*\/?>/i;

/** What a redirect page's target is after preparation: a plain relative path, or null (no redirect). */
function redirectTarget(folder: string, page: string, content: string): string | null {
  const m = /url\s*=\s*'?([^'#]*)/i.exec(content);
  const url = m?.[1]?.trim() ?? '';
  if (!url || /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return null;
  }
  const target = resolve(dirname(page), decoded);
  const rel = relative(folder, target);
  if (rel === '' || rel.startsWith('..')) return null;
  try {
    if (!lstatSync(target).isFile()) return null;
  } catch {
    return null;
  }
  return relative(dirname(page), target).split(sep).join('/');
}

/** Makes `folder` acceptable to zimwriterfs (see the module doc); returns how many pages it holds. */
function tidy(folder: string): number {
  let pages = 0;
  const links: string[] = [];
  const gz: string[] = [];
  const html: string[] = [];
  const walk = (dir: string, collect: boolean): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) links.push(full);
      else if (entry.isDirectory()) walk(full, collect);
      else if (!collect) continue;
      else if (entry.name.endsWith('.gz')) gz.push(full);
      else if (/\.html?$/i.test(entry.name)) html.push(full);
    }
  };
  walk(folder, false);
  // A link is kept (as a copy of what it points to) only when that is inside the folder: absolute
  // links point into other packages, which a ZIM of this folder would not hold either.
  for (const link of links) {
    const target = resolve(dirname(link), readlinkSync(link));
    const rel = relative(folder, target);
    const inside = rel !== '' && !rel.startsWith('..') && existsSync(target);
    unlinkSync(link);
    if (inside) cpSync(target, link, { recursive: true, dereference: true });
  }
  links.length = 0;
  walk(folder, true);
  for (const link of links) unlinkSync(link);
  for (const file of gz) {
    const plain = file.slice(0, -3);
    if (!existsSync(plain)) writeFileSync(plain, gunzipSync(readFileSync(file)));
    rmSync(file);
    if (/\.html?$/i.test(plain)) html.push(plain);
  }
  for (const page of html) {
    pages++;
    const text = readFileSync(page, 'utf8');
    const m = REFRESH.exec(text);
    if (!m) continue;
    const target = redirectTarget(folder, page, m[1]!);
    const replacement = target === null ? '' : `<meta http-equiv="refresh" content="0;URL=${target}">`;
    if (replacement !== m[0]) writeFileSync(page, text.replace(m[0], replacement));
  }
  return pages;
}

/**
 * The prepared folder of `source` under `work` (made once, then reused), or a one-line reason it
 * could not be made.
 */
export function prepareCorpus(
  name: string,
  source: CorpusSource,
  work: string,
  log: (m: string) => void,
): { dir: string; pages: number } | { skipped: string } {
  const dir = join(work, `${name}-corpus`);
  const done = join(work, `${name}-corpus.ready`);
  if (existsSync(done) && existsSync(dir)) return { dir, pages: Number(readFileSync(done, 'utf8')) || 0 };
  const fetched = fetchPackages(source, work);
  if ('skipped' in fetched) return fetched;
  log(`  ${name}: preparing the folder from ${source.packages.join(' + ')}`);
  rmSync(dir, { recursive: true, force: true });
  for (const part of source.parts) {
    const from = join(fetched.root, part.html);
    if (!existsSync(from)) return { skipped: `${part.html} not in ${source.packages.join(', ')}` };
    const skip = source.skip;
    cpSync(from, join(dir, part.name), {
      recursive: true,
      verbatimSymlinks: true,
      ...(skip ? { filter: (file: string) => !skip.test(file) } : {}),
    });
  }
  if (source.parts.length > 1 || source.parts[0]!.name !== '') {
    const items = source.parts.map((p) => `<li><a href="${p.name}/index.html">${p.name}</a></li>`).join('');
    writeFileSync(
      join(dir, 'index.html'),
      `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${name}</title></head><body><h1>${name}</h1><ul>${items}</ul></body></html>`,
    );
  }
  const pages = tidy(dir);
  writeFileSync(done, String(pages));
  return { dir, pages };
}
