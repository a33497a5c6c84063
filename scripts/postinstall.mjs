// After `npm install`: bundle the `folio` command and build the embedded archive's pack, so the first
// `folio search` or `npm start` is instant. Electron's binary is not needed for either.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli, root } from './bundle-cli.mjs';

try {
  await bundleCli();
} catch (error) {
  // Not fatal: bin/folio.cjs bundles on first run and reports what is wrong then.
  process.stderr.write(`folio: could not bundle the folio command now (${error.message.split('\n')[0]})\n`);
}
if (existsSync(join(root, 'archive', 'korean-war', 'folio.json'))) {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'folio.cjs'), 'info'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0)
    process.stderr.write('folio: the embedded archive could not be built now; it will be built on first use\n');
}
