/**
 * A saved site's build keeps its pages on disk, not in memory (main/archive/source/page-spill.ts),
 * which is how a site of a million passages builds in under a gigabyte: here `folio build` makes a
 * pack of a generated site of 30,000 passages in a process whose JavaScript heap may not pass 80 MB,
 * where holding every page read (as builds did) took about three times that. The temporary file is
 * gone afterwards, whether the build succeeded or not.
 *
 * A source file shown as one `<pre>` of millions of characters is indexed a slice at a time
 * (main/search/analyzer/slices.ts): whole, its tokens alone took more than 96 MB of heap.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic-corpus';
import { tempDir } from '../helpers/temp';

const root = join(__dirname, '..', '..');
const bin = join(
  root,
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: { folio: string } }).bin.folio,
);
const dir = tempDir();

const PAGES = 600;
const PASSAGES_PER_PAGE = 50;
const HEAP_MB = 80;

/** A site of PAGES pages chained by rel=next, each of PASSAGES_PER_PAGE paragraphs of seeded words. */
function generateSite(folder: string): void {
  const random = mulberry32(15);
  const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}${'aeiou'[i % 5]}`);
  const word = (): string => words[Math.floor(random() ** 2 * words.length)]!;
  mkdirSync(folder, { recursive: true });
  for (let page = 0; page < PAGES; page++) {
    const name = page === 0 ? 'index.html' : `page-${page}.html`;
    const next = page + 1 < PAGES ? `<link rel="next" href="page-${page + 1}.html">` : '';
    const paragraphs = Array.from(
      { length: PASSAGES_PER_PAGE },
      (_, p) => `<p id="p${p}">Page ${page} paragraph ${p}: ${Array.from({ length: 90 }, word).join(' ')}.</p>`,
    );
    writeFileSync(
      join(folder, name),
      `<!DOCTYPE html><html lang="en"><head><title>Page ${page} — Generated</title>${next}</head>` +
        `<body><nav><a href="index.html">Home</a></nav><h1>Page ${page}</h1>\n${paragraphs.join('\n')}\n</body></html>`,
    );
  }
}

/** One page holding a source listing of about three million characters in one `<pre>`. */
function generateListing(folder: string): number {
  const words = ['value', 'compute', 'buffer', 'length', 'index', 'vector', 'mask', 'shuffle', 'load', 'lane'];
  const lines: string[] = [];
  let chars = 0;
  for (let i = 0; chars < 3_000_000; i++) {
    const [a, b] = [words[i % words.length]!, words[(i * 7) % words.length]!];
    const line = `    let ${a}_${i % 5000} = ${b}(x, ${i}); // ${a} the ${b} of lane ${i % 64}`;
    lines.push(line);
    chars += line.length + 1;
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><title>avx.rs</title></head><body><h1>avx.rs</h1>` +
      `<pre><code>${lines.join('\n')}</code></pre></body></html>`,
  );
  return chars;
}

/**
 * Runs `folio build` of `source` with at most HEAP_MB of JavaScript heap, temporary files in a folder of
 * their own (which must be empty afterwards); returns what it printed.
 */
function limitedBuild(source: string, name: string): string {
  // Rebundles the command when the sources changed, outside the limited process.
  expect(spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).status).toBe(0);
  const scratch = join(dir, `tmp-${name}`);
  mkdirSync(scratch);
  const out = join(dir, `${name}.folio`);
  const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, bin, 'build', source, '-o', out], {
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    timeout: 120_000,
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(readdirSync(scratch)).toEqual([]);
  return run.stdout;
}

// A build takes 10–25 s alone, more beside other test files: the child's own limit (120 s) decides.
describe('folio build of a large saved site', { timeout: 150_000 }, () => {
  it(`builds ${PAGES * PASSAGES_PER_PAGE} passages in a ${HEAP_MB} MB heap and leaves no temporary file`, () => {
    const site = join(dir, 'site');
    generateSite(site);
    expect(limitedBuild(site, 'site')).toMatch(
      new RegExp(`^built .*site\\.folio: ${PAGES * PASSAGES_PER_PAGE + PAGES} passages`, 'u'),
    );
  });

  it(`indexes a page of a three-million-character listing in a ${HEAP_MB} MB heap`, () => {
    const site = join(dir, 'listing');
    const chars = generateListing(site);
    expect(chars).toBeGreaterThan(3_000_000);
    expect(limitedBuild(site, 'listing')).toMatch(/^built .*listing\.folio: 2 passages/u);
  });
});
