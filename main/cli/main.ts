/**
 * The `folio` command: build, inspect, verify and search archives, and serve them to browsers.
 * Exit codes: 0 on success (every query succeeds, even with no results), 2 for a missing, unreadable
 * or damaged pack or an unusable source folder, with a one-line message on stderr and no stack trace.
 */
import { Command, InvalidArgumentError } from 'commander';
import type { PassageKind } from '../archive/types';

const EXIT_BAD_INPUT = 2;
/** Replaced with package.json's version when the command is bundled. */
declare const __FOLIO_VERSION__: string | undefined;
const FOLIO_VERSION = typeof __FOLIO_VERSION__ === 'string' ? __FOLIO_VERSION__ : 'development';

/** Expected failures carry a one-line message; anything else is a bug, reported briefly too. */
function fail(error: unknown): never {
  const name = (error as Error)?.name;
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PackError' || name === 'SourceError') process.stderr.write(`folio: ${message}\n`);
  else process.stderr.write(`folio: unexpected error: ${message.split('\n')[0]}\n`);
  process.exit(EXIT_BAD_INPUT);
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000) throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return n;
}

const KINDS: readonly PassageKind[] = ['text', 'caption', 'media', 'heading'];

function kinds(value: string): PassageKind[] {
  const list = value.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = list.filter((k) => !KINDS.includes(k as PassageKind));
  if (list.length === 0 || unknown.length > 0) throw new InvalidArgumentError(`use one or more of ${KINDS.join(', ')}, separated by commas`);
  return [...new Set(list)] as PassageKind[];
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}

async function archivePath(given: string | undefined): Promise<string> {
  if (given) return given;
  // Only a missing or stale embedded pack loads the builder.
  const { embeddedPackStatus } = await import('../archive/embedded-location');
  const status = embeddedPackStatus();
  if (!status.stale) return status.path;
  const { embeddedPackPath } = await import('../archive/embedded');
  return embeddedPackPath();
}

/** A terminal line that rewrites itself; silent when stderr is not a terminal. */
function progressLine(): { update(text: string): void; done(): void } {
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(text) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 80) return;
      last = now;
      process.stderr.write(`\r\x1b[K${text}`);
    },
    done() {
      if (tty) process.stderr.write('\r\x1b[K');
    },
  };
}

function formatBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A snippet with its highlights marked: bold on a terminal, [brackets] when piped. */
function markSnippet(snippet: string, snippetStart: number, highlights: [number, number][], tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const [s, e] of highlights) {
    const start = Math.max(0, s - snippetStart);
    const end = Math.min(snippet.length, e - snippetStart);
    if (end <= at || start >= snippet.length) continue;
    out += snippet.slice(at, Math.max(at, start)) + open + snippet.slice(Math.max(at, start), end) + close;
    at = end;
  }
  return out + snippet.slice(at);
}

export function createProgram(): Command {
  const program = new Command()
    .name('folio')
    .description('Folio: read, search and serve offline archives.')
    .version(FOLIO_VERSION, '-V, --version')
    .showHelpAfterError('(run "folio --help" for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  program.exitOverride((error) => {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') process.exit(0);
    process.exit(EXIT_BAD_INPUT);
  });

  program
    .command('build')
    .description('compile an archive source folder (with folio.json) or a folder of HTML pages into a pack')
    .argument('<source>', 'archive source folder')
    .requiredOption('-o, --out <file>', 'pack file to write (.folio)')
    .action(async (source: string, options: { out: string }) => {
      const { buildPack } = await import('../archive/build');
      const progress = progressLine();
      try {
        const result = buildPack(source, options.out, {
          onProgress: (p) => progress.update(`${p.phase} ${p.done}/${p.total}`),
        });
        progress.done();
        process.stdout.write(
          `built ${result.outFile}: ${result.passages} passages in ${result.sections} sections, ` +
            `${result.media.included}/${result.media.referenced} media files included, ${formatBytes(result.bytes)}, ${result.ms} ms\n` +
            `content sha256 ${result.contentSha256}\n`,
        );
      } catch (error) {
        progress.done();
        fail(error);
      }
    });

  program
    .command('info')
    .description('show what a pack holds')
    .argument('[pack]', 'pack file (default: the embedded archive)')
    .option('--json', 'print JSON')
    .action(async (packFile: string | undefined, options: { json?: boolean }) => {
      try {
        const { openPack } = await import('../archive/pack');
        const { statSync } = await import('node:fs');
        const path = await archivePath(packFile);
        const pack = openPack(path);
        const info = {
          path,
          bytes: statSync(path).size,
          formatVersion: pack.formatVersion,
          manifest: pack.manifest,
          passages: pack.passageCount(),
          kinds: pack.kindCounts(),
          sections: pack.sections().map((s) => ({ id: s.id, title: s.title, passages: s.passageCount })),
        };
        pack.close();
        if (options.json) {
          process.stdout.write(`${JSON.stringify(info)}\n`);
          return;
        }
        const m = info.manifest;
        process.stdout.write(
          `${m.title}\n${m.description}\n\n` +
            `id          ${m.id}${m.version ? ` (version ${m.version})` : ''}\n` +
            `languages   ${m.languages.join(', ')}\n` +
            `source      ${m.source}\nlicence     ${m.licence}\n` +
            `pack        ${path}, format ${info.formatVersion}, ${formatBytes(info.bytes)}\n` +
            `passages    ${info.passages} (text ${info.kinds.text}, caption ${info.kinds.caption}, media ${info.kinds.media}, heading ${info.kinds.heading})\n` +
            `variants    ${m.variants.length} spelling groups\n\nsections\n` +
            info.sections.map((s, i) => `  ${String(i + 1).padStart(3)}. ${s.title} (${s.passages})`).join('\n') +
            '\n',
        );
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('verify')
    .description('check a pack: SQLite integrity, content and index checksums, media files')
    .argument('<pack>', 'pack file')
    .action(async (packFile: string) => {
      try {
        const { verifyPack } = await import('../archive/verify');
        const report = verifyPack(packFile);
        for (const c of report.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `: ${c.detail}`}\n`);
        if (!report.ok) {
          process.stderr.write(`folio: ${packFile}: the pack failed verification; rebuild it or copy it again\n`);
          process.exit(EXIT_BAD_INPUT);
        }
      } catch (error) {
        fail(error);
      }
    });

  program
    .command('search')
    .description('search an archive (default: the embedded archive)')
    .argument('[query...]', 'what to look for; see the README for the query syntax')
    .option('-a, --archive <pack>', 'pack file to search')
    .option('-n, --limit <n>', 'how many results', positiveInt, 10)
    .option('-k, --kind <kinds>', 'only these kinds of passage, comma-separated: text,caption,media,heading', kinds)
    .option('--json', 'print one JSON object')
    .action(async (words: string[], options: { archive?: string; limit: number; kind?: PassageKind[]; json?: boolean }) => {
      let archive;
      try {
        const { openArchive } = await import('../archive/open-archive');
        archive = openArchive(await archivePath(options.archive));
      } catch (error) {
        fail(error);
      }
      const query = words.join(' ');
      let response;
      try {
        response = archive.search({ query, limit: options.limit, ...(options.kind ? { kinds: options.kind } : {}) });
      } catch (error) {
        // A query never fails: a damaged index is reported like a damaged pack.
        fail(error);
      }
      archive.close();
      if (options.json) {
        process.stdout.write(
          `${JSON.stringify({
            query: response.query,
            total: response.total,
            tookMs: response.tookMs,
            results: response.results.map((r) => ({
              passageId: r.passageId,
              kind: r.kind,
              section: r.section,
              sectionId: r.sectionId,
              title: r.title,
              text: r.text,
              snippet: r.snippet,
              snippetStart: r.snippetStart,
              highlights: r.highlights,
              score: r.score,
            })),
          })}\n`,
        );
        return;
      }
      const tty = process.stdout.isTTY === true;
      if (!archive.indexMatchesAnalyzer) process.stderr.write('folio: this pack was indexed by another version of Folio; rebuild it for the best results\n');
      if (response.results.length === 0) {
        process.stdout.write(`no results for "${query}"\n`);
        return;
      }
      process.stdout.write(`${response.total} result${response.total === 1 ? '' : 's'} for "${query}" (${response.tookMs.toFixed(1)} ms)\n\n`);
      response.results.forEach((r, i) => {
        const ellipsisStart = r.snippetStart > 0 ? '…' : '';
        const ellipsisEnd = r.snippetStart + r.snippet.length < r.text.length ? '…' : '';
        process.stdout.write(
          `${String(i + 1).padStart(2)}. [${r.kind}] ${r.section}${r.kind === 'media' ? ` — ${r.title}` : ''}\n` +
            `    ${ellipsisStart}${markSnippet(r.snippet, r.snippetStart, r.highlights, tty)}${ellipsisEnd}\n` +
            `    #${r.passageId}\n`,
        );
      });
    });

  program
    .command('serve')
    .description('serve an archive to browsers on this machine or a local network (like kiwix-serve)')
    .option('-a, --archive <pack>', 'pack file to serve (default: the embedded archive)')
    .option('-p, --port <port>', 'port', port, 8080)
    .option('--host <address>', 'address to listen on; 0.0.0.0 shares it on the local network', '127.0.0.1')
    .option('--data-dir <folder>', 'where bookmarks are kept')
    .action(async (options: { archive?: string; port: number; host: string; dataDir?: string }) => {
      try {
        const { startServer } = await import('../serve/server');
        const { defaultDataDir } = await import('../data-dir');
        const server = await startServer({
          archivePath: await archivePath(options.archive),
          host: options.host,
          port: options.port,
          dataDir: options.dataDir ?? defaultDataDir(),
        });
        process.stdout.write(`Folio is serving at ${server.url}\n(press Ctrl+C to stop)\n`);
        const stop = (): void => {
          void server.close().then(() => process.exit(0));
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (error) {
        fail(error);
      }
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  await createProgram().parseAsync(argv, { from: 'user' });
}
