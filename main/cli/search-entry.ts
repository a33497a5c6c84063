/**
 * Entry of `folio search` alone (out/cli/search.cjs). It is bundled without code splitting, so a
 * one-shot search loads one small file holding the pack reader and the searcher, and none of the
 * builder, the server or the API's validation (out/cli/main.mjs shares those through chunks that a
 * search would otherwise also load). bin/folio.cjs runs it when the first argument is `search`.
 * The usual arguments are read here (search-args.ts); the full command reads the others.
 */
import type * as ChildProcess from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { openSearchablePack } from '../archive/searchable-pack';
import { EXIT_BAD_INPUT, fail } from './failure';
import { indexMatchesAnalyzerMemo } from './fingerprint-memo';
import { readSearchArgs } from './search-args';
import { runSearch, type SearchCommandLoaders } from './search-run';
import { outputQueued } from './write-out';

const load: SearchCommandLoaders = {
  openSearchablePack: (path) => Promise.resolve(openSearchablePack(path)),
  indexMatchesAnalyzer: (archive) => indexMatchesAnalyzerMemo(archive, import.meta.url),
  // Rare (a fresh checkout or edited archive source): the full command, in a process of its own,
  // builds the embedded pack and answers the same arguments. A process, not an import: this bundle
  // runs from V8's code cache (bin/folio.cjs), where a dynamic import has no loader to call.
  buildEmbedded: () => {
    const full = fileURLToPath(new URL('./main.mjs', import.meta.url));
    // Required here: loading node:child_process costs every search about a millisecond.
    const { spawnSync } = createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
    const result = spawnSync(process.execPath, [...process.execArgv, full, ...process.argv.slice(2)], {
      stdio: 'inherit',
    });
    process.exit(result.status ?? EXIT_BAD_INPUT);
  },
};

const argv = process.argv.slice(2);
const read = argv[0] === 'search' ? readSearchArgs(argv.slice(1)) : null;
/**
 * Whether this bundle answers the arguments. When it does not (help, version, an unknown option, a
 * bad or dash-led value), bin/folio.cjs runs the full command (out/cli/main.mjs), whose commander
 * answers them: commander is not in this bundle, where it was a quarter of the code V8 loaded from
 * the code cache on every search.
 */
export const handled = read !== null;
// The answer is written with writeOut (write-out.ts), which also stops quietly on a closed pipe.
// Once it is out nothing is left to do: exiting then skips tearing down the heap and the pack's
// connection one by one, about 2 ms of a one-shot search.
if (read)
  runSearch(read.words, read.options, load)
    .then(() => {
      if (!outputQueued()) process.exit();
    })
    .catch(fail);
