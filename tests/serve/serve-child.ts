/**
 * `folio serve` in a process of its own, for tests that measure it from outside (as readers would
 * meet it): started by server-process.ts, it sends its URL over IPC and stops when told to.
 */
import { startServer, type ServeOptions } from '../../main/serve/server';

process.once('message', (options: ServeOptions) => {
  void startServer(options).then(
    (server) => {
      process.send?.({ url: server.url });
      process.once('message', () => {
        void server.close().then(() => process.exit(0));
      });
    },
    (error: unknown) => {
      process.send?.({ error: (error as Error).message });
      process.exit(1);
    },
  );
});
