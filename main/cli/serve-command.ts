/** `folio serve`: the reader for browsers on this machine or a local network (main/serve). */
import type { Command } from 'commander';
import { archivePath } from './archive-path';
import { buildEmbeddedPack } from './embedded-pack';
import { fail } from './failure';
import { port } from './option-parsers';

type ServeFlags = { archive?: string; port: number; host: string; dataDir?: string; allowHost: string[] };

export function addServeCommand(program: Command): void {
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
          archivePath: await archivePath(options.archive, buildEmbeddedPack),
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
}
