/**
 * Entry of `folio search` alone (out/cli/search.cjs). It is bundled without code splitting, so a
 * one-shot search loads one small file holding commander, the pack reader and the searcher, and
 * none of the builder, the server or the API's validation (out/cli/main.mjs shares those through
 * chunks that a search would otherwise also load). bin/folio.mjs runs it when the first argument
 * is `search`.
 */
import { openSearchablePack } from '../archive/searchable-pack';
import { createBaseProgram } from './base-program';
import { fail } from './failure';
import { addSearchCommand } from './search-command';

const program = createBaseProgram();
addSearchCommand(program, {
  openSearchablePack: (path) => Promise.resolve(openSearchablePack(path)),
  // Rare (a fresh checkout or edited archive source): the full command builds the embedded pack and
  // answers the same arguments. A computed specifier keeps the bundler from inlining the builder.
  buildEmbedded: async () => {
    const full = new URL('./main.mjs', import.meta.url).href;
    await import(full);
    return null;
  },
});
program.parseAsync(process.argv.slice(2), { from: 'user' }).catch(fail);
