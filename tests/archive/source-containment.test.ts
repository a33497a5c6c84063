/**
 * A source folder cannot reach outside itself: every file the builder reads (manifest, content,
 * record, pages, media) must resolve inside the folder, be a regular file and be within its size
 * limit. A curated source is refused with one line naming the file; a saved website skips the file
 * with a warning. Nothing is dropped without a word, and no message quotes a file from outside.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { SOURCE_LIMITS } from '../../main/archive/source/source-file';
import { buildPack } from '../../main/archive/writer/build-pack';
import { SourceError } from '../../main/model/errors';
import { fixtureCopier } from '../helpers/fixture-copy';
import { tempDir } from '../helpers/temp';

const fixtures = join(__dirname, '..', 'fixtures');
const root = join(__dirname, '..', '..');
const dir = tempDir();
/** A file outside every source folder, standing in for /etc/passwd. */
const secret = join(dir, 'secret.txt');
writeFileSync(secret, 'root:x:0:0:the secret first line\n\nand more secrets\n');
const PNG = readFileSync(join(fixtures, 'curated-mini', 'media', 'crane.png'));
const canMakeFifo = process.platform !== 'win32' && spawnSync('mkfifo', ['--version']).status === 0;

/** A fresh copy of a fixture folder, changed by `change`. */
const fixture = fixtureCopier(dir);
let builds = 0;

function manifest(folder: string, edit: (m: Record<string, unknown>) => void): void {
  const path = join(folder, 'folio.json');
  const m = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(m);
  writeFileSync(path, JSON.stringify(m));
}

/** Builds `folder`, returning the error (a SourceError) or the warnings. */
function build(folder: string): { error: string } | { warnings: string[]; out: string } {
  const out = join(dir, `out-${builds++}.folio`);
  const warnings: string[] = [];
  try {
    buildPack(folder, out, { onWarning: (w) => warnings.push(w) });
  } catch (error) {
    expect(error).toBeInstanceOf(SourceError);
    const message = (error as Error).message;
    expect(message).not.toMatch(/[\r\n]/u);
    expect(message).not.toMatch(/root:x|secret first line|more secrets/u);
    return { error: message };
  }
  for (const w of warnings) expect(w).not.toMatch(/[\r\n]|root:x|secret first line|more secrets/u);
  return { warnings, out };
}

function refused(folder: string): string {
  const result = build(folder);
  if (!('error' in result)) throw new Error(`${folder} should have been refused`);
  return result.error;
}

function built(folder: string): { warnings: string[]; out: string } {
  const result = build(folder);
  if ('error' in result) throw new Error(`${folder} should have built: ${result.error}`);
  return result;
}

/** Every stored media file's bytes, and every passage's text, of a pack. */
function packContents(out: string): { media: Buffer[]; texts: string[] } {
  const pack = openPack(out);
  try {
    const passages = pack.sections().flatMap((s) => pack.passagesOfSection(s.id));
    const media = passages.flatMap((p) => (p.media?.present ? [pack.mediaBlob(p.media.id)!.bytes] : []));
    return { media, texts: passages.map((p) => p.text) };
  } finally {
    pack.close();
  }
}

describe('a curated source is refused, with the file named, when it reaches outside itself', () => {
  it('a content folder outside the source', () => {
    const folder = fixture('curated-mini', (f) => manifest(f, (m) => (m.content = '../../outside')));
    expect(refused(folder)).toMatch(/folio\.json: content folder "\.\.\/\.\.\/outside" (is outside|does not exist)/u);
    const real = fixture('curated-mini', (f) => manifest(f, (m) => (m.content = dir)));
    expect(refused(real)).toMatch(/content folder ".*" is outside the source folder; refused$/u);
  });

  it('a record outside the source, without quoting it', () => {
    const folder = fixture('curated-mini', (f) => manifest(f, (m) => (m.record = secret)));
    expect(refused(folder)).toMatch(/folio\.json: record ".*secret\.txt" leads outside the source folder.*; refused$/u);
    const climbing = fixture('curated-mini', (f) => manifest(f, (m) => (m.record = '../secret.txt')));
    expect(refused(climbing)).toMatch(/record "\.\.\/secret\.txt" leads outside/u);
  });

  it.skipIf(process.platform === 'win32')('a record that is a device, at once and without reading it', () => {
    const folder = fixture('curated-mini', (f) => manifest(f, (m) => (m.record = '/dev/zero')));
    const started = performance.now();
    expect(refused(folder)).toMatch(/record "\/dev\/zero" leads outside the source folder/u);
    const linked = fixture('curated-mini', (f) => {
      symlinkSync('/dev/zero', join(f, 'record', 'zero.txt'));
      manifest(f, (m) => (m.record = 'record/zero.txt'));
    });
    expect(refused(linked)).toMatch(/record "record\/zero\.txt" leads outside/u);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it.skipIf(!canMakeFifo)('a record that is a pipe inside the folder, without waiting on it', () => {
    const folder = fixture('curated-mini', (f) => {
      spawnSync('mkfifo', [join(f, 'record', 'pipe.txt')]);
      manifest(f, (m) => (m.record = 'record/pipe.txt'));
    });
    expect(refused(folder)).toMatch(/record "record\/pipe\.txt" is a device, pipe or socket, not a file; refused$/u);
  });

  it('a content file that is a link to a file outside', () => {
    const folder = fixture('curated-mini', (f) => symlinkSync(secret, join(f, 'content', '030-secret.md')));
    expect(refused(folder)).toBe('content/030-secret.md: leads outside the source folder (a symbolic link); refused');
  });

  it('an image that is a link to a file outside', () => {
    const folder = fixture('curated-mini', (f) => {
      rmSync(join(f, 'media', 'crane.png'));
      symlinkSync(secret, join(f, 'media', 'crane.png'));
    });
    expect(refused(folder)).toBe('media/crane.png: leads outside the source folder (a symbolic link); refused');
  });

  it('a manifest that is a link to a file outside', () => {
    const folder = fixture('curated-mini', (f) => {
      rmSync(join(f, 'folio.json'));
      symlinkSync(secret, join(f, 'folio.json'));
    });
    expect(refused(folder)).toMatch(/folio\.json: leads outside the source folder .*; refused$/u);
  });

  it('a content file over the size limit (a sparse file: nothing is read)', () => {
    const folder = fixture('curated-mini', (f) => {
      const big = join(f, 'content', '030-big.txt');
      writeFileSync(big, '');
      truncateSync(big, SOURCE_LIMITS.text + 1);
    });
    expect(refused(folder)).toBe('content/030-big.txt: is 64.0 MiB, over the 64 MiB limit for a text file; refused');
  });

  it('links inside the folder are followed; links to folders are not, with a warning', () => {
    const folder = fixture('curated-mini', (f) => {
      manifest(f, (m) => delete m.record);
      symlinkSync(join(f, 'media', 'crane.png'), join(f, 'media', 'crane-link.png'));
      writeFileSync(join(f, 'content', '030-link.md'), '![Another crane](media/crane-link.png)\n');
      symlinkSync(join(f, 'media'), join(f, 'content', 'linked-folder'));
    });
    const { warnings, out } = built(folder);
    expect(warnings).toEqual(['content/linked-folder: is a symbolic link to a folder; not followed']);
    const { media, texts } = packContents(out);
    expect(texts).toContain('Another crane');
    expect(media.filter((m) => m.equals(PNG))).toHaveLength(2);
  });
});

describe('a saved website skips what it may not read, with a warning, and builds the rest', () => {
  it('an image that is a link to a file outside is not included, and its bytes are nowhere in the pack', () => {
    const folder = fixture('html-site', (f) => {
      rmSync(join(f, 'img', 'stamp.png'));
      symlinkSync(secret, join(f, 'img', 'stamp.png'));
    });
    const { warnings, out } = built(folder);
    expect(warnings).toEqual(['img/stamp.png: leads outside the source folder (a symbolic link); not included']);
    const { media } = packContents(out);
    expect(media.length).toBeGreaterThan(0);
    expect(readFileSync(out).includes('the secret first line')).toBe(false);
  });

  it('a page that is a link outside, or over the size limit, is skipped; the other pages are built', () => {
    const folder = fixture('html-site', (f) => {
      symlinkSync(secret, join(f, 'guide', 'secret.html'));
      const big = join(f, 'guide', 'huge.html');
      writeFileSync(big, '');
      truncateSync(big, SOURCE_LIMITS.text + 1);
    });
    const { warnings, out } = built(folder);
    expect(warnings).toEqual([
      'guide/huge.html: is 64.0 MiB, over the 64 MiB limit for a text file; skipped',
      'guide/secret.html: leads outside the source folder (a symbolic link); skipped',
    ]);
    expect(packContents(out).texts).toContain('Pilot cutters guided ships past the sand bars.');
  });

  it.skipIf(!canMakeFifo)('a page that is a pipe is skipped without waiting on it', () => {
    const folder = fixture('html-site', (f) => spawnSync('mkfifo', [join(f, 'guide', 'pipe.html')]));
    expect(built(folder).warnings).toEqual(['guide/pipe.html: is a device, pipe or socket, not a file; skipped']);
  });

  it('a site whose only page cannot be read fails with one line that says why', () => {
    const folder = join(dir, 'one-huge-page');
    mkdirSync(folder);
    writeFileSync(join(folder, 'index.html'), '');
    truncateSync(join(folder, 'index.html'), 100_000_000);
    expect(refused(folder)).toBe(
      'index.html: is 95.4 MiB, over the 64 MiB limit for a text file, and no other HTML page can be read: nothing to build',
    );
  });

  it('file names with ".." are files like any other; hidden files are left out with a warning', () => {
    const folder = join(dir, 'dots');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'index.html'),
      '<html><body><h1>Dots</h1><p>Hello there.</p><img src="..pic.png" alt="A pic"><img src="a..b.png" alt="B pic"></body></html>',
    );
    writeFileSync(join(folder, 'p..2.html'), '<html><body><h1>Two</h1><p>Page two.</p></body></html>');
    writeFileSync(join(folder, '..p3.html'), '<html><body><h1>Three</h1><p>Page three.</p></body></html>');
    writeFileSync(join(folder, '..pic.png'), PNG);
    writeFileSync(join(folder, 'a..b.png'), PNG);
    const { warnings, out } = built(folder);
    expect(warnings).toEqual(['..p3.html: is a hidden file; not read']);
    const { media, texts } = packContents(out);
    expect(media).toHaveLength(2);
    expect(texts).toContain('Page two.');
  });
});

describe('folio build refuses through the command too', () => {
  it('exit 2, one line naming the file, nothing from the file outside', () => {
    const folder = fixture('curated-mini', (f) => manifest(f, (m) => (m.record = secret)));
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin', 'folio.mjs'), 'build', folder, '-o', join(dir, 'x.folio')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^folio: .*folio\.json: record ".*secret\.txt" leads outside the source folder/u);
    expect(run.stderr).not.toContain('root:x');
  });

  it('warnings are one line each on stderr, and the build says how many', () => {
    const folder = fixture('html-site', (f) => symlinkSync(secret, join(f, 'guide', 'secret.html')));
    const run = spawnSync(
      process.execPath,
      [join(root, 'bin', 'folio.mjs'), 'build', folder, '-o', join(dir, 'y.folio')],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toBe(
      'folio: warning: guide/secret.html: leads outside the source folder (a symbolic link); skipped\n',
    );
    expect(run.stdout).toMatch(/, 1 warning\n/u);
  });
});
