/**
 * Offline means offline: every `folio` command runs with a preload that turns any network access
 * (outbound connection, DNS lookup, fetch, UDP) into a loud failure. The HTML fixture refers to a
 * remote image, so the build is tempted too. Browser-side requests are covered by the e2e tests.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';

const root = join(__dirname, '..', '..');
const preload = join(root, 'tests', 'helpers', 'no-network.mjs');
const dir = tempDir();

function folio(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', preload, join(root, 'bin', 'folio.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the folio command never touches the network', () => {
  it('the guard itself catches a network attempt', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', preload, '-e', "require('node:dns').lookup('example.org', () => {})"],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toContain('NETWORK ATTEMPT: dns.lookup example.org');
  });

  const site = join(dir, 'site.folio');
  it.each([
    ['build (HTML with remote images)', ['build', join(root, 'tests', 'fixtures', 'html-site'), '-o', site]],
    ['info', ['info', site]],
    ['verify', ['verify', site]],
    ['search', ['search', '--archive', site, '--json', 'crane']],
    ['search the embedded archive', ['search', '--json', 'Pusan']],
  ])('%s', (_name, args) => {
    const run = folio(...args);
    expect(run.stderr).not.toContain('NETWORK ATTEMPT');
    expect(run.status).toBe(0);
  });
});
