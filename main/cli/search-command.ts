/**
 * `folio search` as a commander command, for the full command (program.ts) and for the lean entry
 * (search-entry.ts) when its own argument reader leaves the arguments to commander (help, errors,
 * unusual forms).
 */
import type { Command } from 'commander';
import { kinds, positiveInt } from './option-parsers';
import { runSearch, type SearchCommandLoaders, type SearchOptions } from './search-run';

export type { SearchCommandLoaders } from './search-run';

/** Adds `search [query...]` with its options to `program`. */
export function addSearchCommand(program: Command, load: SearchCommandLoaders): void {
  program
    .command('search')
    .description('search an archive (default: the embedded archive)')
    .argument('[query...]', 'what to look for; see the README for the query syntax')
    .option('-a, --archive <pack>', 'pack file to search')
    .option('-n, --limit <n>', 'how many results', positiveInt, 10)
    .option('-k, --kind <kinds>', 'only these kinds of passage, comma-separated: text,caption,media,heading', kinds)
    .option('--json', 'print one JSON object')
    .action((words: string[], options: SearchOptions) => runSearch(words, options, load));
}
