/**
 * The `folio` command: build, inspect, verify and search archives, and serve them to browsers.
 * Exit codes: 0 on success (every query succeeds, even with no results), 2 for a missing, unreadable
 * or damaged pack or an unusable source folder, with a one-line message on stderr and no stack trace.
 */
import type { Command } from 'commander';
import { archivePath, createBaseProgram, EXIT_BAD_INPUT, fail, port } from './common';
import { addSearchCommand } from './search-command';

/** Builds the embedded archive's pack when it is missing or stale (loads the builder). */
async function buildEmbedded(): Promise<string> {
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

export function createProgram(): Command {
  const program = createBaseProgram();

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
        const path = await archivePath(packFile, buildEmbedded);
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
        for (const c of report.checks)
          process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `: ${c.detail}`}\n`);
        if (!report.ok) {
          process.stderr.write(`folio: ${packFile}: the pack failed verification; rebuild it or copy it again\n`);
          process.exit(EXIT_BAD_INPUT);
        }
      } catch (error) {
        fail(error);
      }
    });

  addSearchCommand(program, {
    openArchive: async (path) => (await import('../archive/open-archive')).openArchive(path),
    buildEmbedded,
  });

  type ServeFlags = { archive?: string; port: number; host: string; dataDir?: string; allowHost: string[] };
  program
    .command('serve')
    .description('serve an archive to browsers on this machine or a local network (like kiwix-serve)')
    .option('-a, --archive <pack>', 'pack file to serve (default: the embedded archive)')
    .option('-p, --port <port>', 'port', port, 8080)
    .option('--host <address>', 'address to listen on; 0.0.0.0 shares it on the local network', '127.0.0.1')
    .option('--data-dir <folder>', 'where bookmarks are kept')
    .option(
      '--allow-host <name>',
      'another host name readers may use for this machine (repeatable)',
      (name: string, names: string[]) => [...names, name],
      [] as string[],
    )
    .action(async (options: ServeFlags) => {
      try {
        const { startServer } = await import('../serve/server');
        const { serveBanner } = await import('../serve/banner');
        const { defaultDataDir } = await import('../data-dir');
        const server = await startServer({
          archivePath: await archivePath(options.archive, buildEmbedded),
          host: options.host,
          port: options.port,
          dataDir: options.dataDir ?? defaultDataDir(),
          allowHosts: options.allowHost,
        });
        process.stdout.write(serveBanner(server, { qr: process.stdout.isTTY === true }));
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
