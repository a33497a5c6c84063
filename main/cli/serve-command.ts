/** `folio serve`: the reader for browsers on this machine or a local network (main/serve). */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { fail } from './failure';
import { port } from './option-parsers';
import { addKioskOptions, kioskFlags, type KioskCliOptions } from './kiosk-options';

/**
 * The archive worker bundled beside this command (out/cli, scripts/bundle-cli.mjs), or undefined from
 * source, where CoreHost starts the TypeScript worker through tsx.
 */
function compiledWorker(): string | undefined {
  const path = fileURLToPath(new URL('./core-worker.mjs', import.meta.url));
  return existsSync(path) ? path : undefined;
}

/** commander's collector for a repeatable option. */
const collect = (value: string, previous: string[]): string[] => [...previous, value];

type ServeFlags = {
  archive: string[];
  library: string[];
  port: number;
  host: string;
  dataDir?: string;
  allowHost: string[];
};

export function addServeCommand(program: Command): void {
  const serve = program
    .command('serve')
    .description('serve archives to browsers on this machine or a local network (like kiwix-serve)')
    .option(
      '-a, --archive <pack>',
      'pack file to serve; repeat it to serve several (the embedded archive is always served too)',
      collect,
      [],
    )
    .option('-l, --library <folder>', 'serve every pack (*.folio) in a folder; may be repeated', collect, [])
    .option('-p, --port <port>', 'port', port, 8080)
    .option('--host <address>', 'address to listen on; 0.0.0.0 shares it on the local network', '127.0.0.1')
    .option('--data-dir <folder>', 'where bookmarks, kiosk.json and the usage ledger are kept')
    .option('--allow-host <name>', 'another host name readers may use for this machine (repeatable)', collect, []);
  addKioskOptions(serve).action(async (options: ServeFlags & KioskCliOptions) => {
    try {
      const { startServer } = await import('../serve/server');
      const { serveBanner } = await import('../serve/banner');
      const { defaultDataDir } = await import('../data-dir');
      const { resolveKioskSetup } = await import('../kiosk/kiosk-settings');
      const dataDir = options.dataDir ?? defaultDataDir();
      const workerPath = compiledWorker();
      const server = await startServer({
        ...(workerPath ? { workerPath } : {}),
        archives: options.archive,
        libraryDirs: options.library,
        embedded: true,
        host: options.host,
        port: options.port,
        dataDir,
        allowHosts: options.allowHost,
        kiosk: resolveKioskSetup(dataDir, kioskFlags(options), { statsByDefault: true, canExit: false }),
      });
      process.stdout.write(serveBanner(server, { qr: process.stdout.isTTY === true }));
      for (const entry of server.opened.library)
        process.stdout.write(`  ${entry.isDefault ? '*' : ' '} ${entry.title} (${entry.fileName})\n`);
      const stop = (): void => {
        void server.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    } catch (error) {
      fail(error);
    }
  });
}
