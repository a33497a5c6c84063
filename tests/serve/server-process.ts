/** Starts `folio serve` in a child process (serve-child.ts): the server's event loop is not the test's. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { ServeOptions } from '../../main/serve/server';

export interface ServerProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

export function startServerProcess(options: ServeOptions): Promise<ServerProcess> {
  const child = fork(join(import.meta.dirname, 'serve-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server process stopped (exit code ${code})`)));
    child.once('message', (message: { url?: string; error?: string }) => {
      if (!message.url) {
        reject(new Error(message.error ?? 'the server process failed'));
        return;
      }
      child.removeAllListeners('exit');
      resolve({
        url: message.url,
        pid: child.pid!,
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.send('stop');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          }),
      });
    });
    child.send(options);
  });
}
