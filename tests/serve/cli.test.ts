/**
 * `folio serve` as a reader starts it: what it prints for a network bind, and a bad --allow-host
 * refused in one line before anything starts. The server listens on 0.0.0.0; the test only reads
 * what it prints and talks to it on 127.0.0.1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { shareAddresses } from '../../main/serve/network-addresses';
import { tempDir } from '../helpers/temp';
import { api } from './http-client';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'folio.mjs');
const dir = tempDir('folio-serve-cli-');

describe('folio serve on the command line', () => {
  it('refuses a bad --allow-host with one line and exit code 2', () => {
    const run = spawnSync(process.execPath, [bin, 'serve', '--allow-host', 'http://evil.example', '--port', '0'], {
      encoding: 'utf8',
      cwd: dir,
      timeout: 120_000,
      env: { ...process.env, FOLIO_DATA_DIR: join(dir, 'data0') },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'folio: --allow-host "http://evil.example" is not a host name or an IP address (give the name alone, no port)\n',
    );
  });

  it('prints every share URL and the local one for --host 0.0.0.0, and answers with --allow-host names', async () => {
    const pack = join(dir, 'fixture.folio');
    buildPack(join(root, 'tests', 'e2e', 'fixture'), pack);
    const child = spawn(
      process.execPath,
      [
        bin,
        'serve',
        '--archive',
        pack,
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--data-dir',
        join(dir, 'data'),
        '--allow-host',
        'folio.lan',
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const out = await new Promise<string>((resolve, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no banner in 120 s: ${text}`)), 120_000);
        child.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (text.includes('(press Ctrl+C to stop)')) {
            clearTimeout(timer);
            resolve(text);
          }
        });
        child.once('exit', (code) => reject(new Error(`folio serve stopped (exit ${code}): ${text}`)));
      });
      const port = Number(
        /On this machine: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1] ??
          /serving at http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)?.[1],
      );
      expect(port).toBeGreaterThan(0);
      const expected = shareAddresses('0.0.0.0', port);
      if (expected.length) {
        expect(out).toContain('Folio is serving on the local network. Open on a phone or another computer:\n');
        for (const { url, interfaceName } of expected) expect(out).toContain(`  ${url}   (${interfaceName})\n`);
        expect(out).toContain(`On this machine: http://127.0.0.1:${port}/\n`);
      } else {
        expect(out).toMatch(/No network address was found/);
      }
      // Not a terminal: no QR code drawn into a pipe.
      expect(out).not.toMatch(/[█▀▄]/);
      const base = `http://127.0.0.1:${port}/`;
      expect((await api(base, 'archive.info', {}, { host: `folio.lan:${port}` })).status).toBe(200);
      expect((await api(base, 'archive.info', {}, { host: `evil.example:${port}` })).status).toBe(421);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
