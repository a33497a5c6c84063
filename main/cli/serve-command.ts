/** `folio serve`: the reader for browsers on this machine or a local network (main/serve). */
import type { Command } from 'commander';
import { archivePath } from './archive-path';
import { buildEmbeddedPack } from './embedded-pack';
import { fail } from './failure';
import { port } from './option-parsers';
import { addKioskOptions, kioskFlags, type KioskCliOptions } from './kiosk-options';

export function addServeCommand(program: Command): void {
  const serve = program
    .command('serve')
    .description('serve an archive to browsers on this machine or a local network (like kiwix-serve)')
    .option('-a, --archive <pack>', 'pack file to serve (default: the embedded archive)')
    .option('-p, --port <port>', 'port', port, 8080)
    .option('--host <address>', 'address to listen on; 0.0.0.0 shares it on the local network', '127.0.0.1')
    .option('--data-dir <folder>', 'where bookmarks, kiosk.json and the usage ledger are kept');
  addKioskOptions(serve).action(
    async (options: { archive?: string; port: number; host: string; dataDir?: string } & KioskCliOptions) => {
      try {
        const { startServer } = await import('../serve/server');
        const { defaultDataDir } = await import('../data-dir');
        const { resolveKioskSetup } = await import('../kiosk/kiosk-settings');
        const dataDir = options.dataDir ?? defaultDataDir();
        const server = await startServer({
          archivePath: await archivePath(options.archive, buildEmbeddedPack),
          host: options.host,
          port: options.port,
          dataDir,
          kiosk: resolveKioskSetup(dataDir, kioskFlags(options), { statsByDefault: true, canExit: false }),
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
    },
  );
}
