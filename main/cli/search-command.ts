/**
 * `folio search` as a commander command, for the full command (program.ts) and for the lean entry
 * (search-entry.ts) when its own argument reader leaves the arguments to commander (help, errors,
 * unusual forms).
 */
import type { Command } from 'commander';
import { kinds, positiveInt } from './option-parsers';
import { runSearch, type SearchCommandLoaders, type SearchOptions } from './search-run';
import { usageError } from './usage-error';

/** Said with every usage error of `folio search`: the likeliest cause is a query word read as an option. */
const QUERY_HINT = 'a query that starts with "-" goes after --: folio search -- -MiG Soviet';

export type { SearchCommandLoaders } from './search-run';

/** Adds `search [query...]` with its options to `program`. */
export function addSearchCommand(program: Command, load: SearchCommandLoaders): void {
  program
    .command('search')
    .description('search an archive (default: the embedded archive)')
    .argument('[query...]', 'what to look for, after the options; see the README for the query syntax')
    // Everything after the options is the query, "-" words included (`Soviet -MiG`); a query that
    // starts with "-" follows `--`. No -a, -k or -h: `-army`, `-korea` or `-han` would be read as them.
    // search-args.ts reads the same forms without commander and must stay in step with this.
    .passThroughOptions()
    .helpOption('--help', 'show help for search')
    .option('--archive <pack>', 'pack file to search')
    .option('-n, --limit <n>', 'how many results', positiveInt, 10)
    .option('--kind <kinds>', 'only these kinds of passage, comma-separated: text,caption,media,heading', kinds)
    .option('--json', 'print one JSON object')
    .configureOutput({ outputError: (text, write) => write(usageError(text, QUERY_HINT)) })
    .action((words: string[], options: SearchOptions) => runSearch(words, options, load));
}
