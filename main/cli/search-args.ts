/**
 * The lean entry's own reading of `folio search` arguments, for the forms a search is usually
 * given, read exactly as the commander command (search-command.ts) reads them: options first
 * (`--archive`, `-n/--limit`, `--kind`, each `--name value` or `--name=value`, and `--json`), then
 * the query, which is everything from the first word on ("-" words included) or everything after
 * `--`. Loading commander was a sixth of a one-shot search on the Python documentation; anything
 * else (help, version, an unknown option, a bad or dash-led value) is left to commander, which
 * answers it as the full command does.
 */
import { PASSAGE_KINDS, type PassageKind } from '../model/passage-kind';
import type { SearchOptions } from './search-run';

/** The limit commander's positiveInt accepts, or null. */
function limitOf(value: string): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : null;
}

/** The kinds commander's kinds accepts, or null. */
function kindsOf(value: string): PassageKind[] | null {
  const list = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (list.length === 0 || list.some((k) => !PASSAGE_KINDS.includes(k as PassageKind))) return null;
  return [...new Set(list)] as PassageKind[];
}

/** Options that take a value, by the names commander knows them by. */
const VALUED = new Set(['--archive', '-n', '--limit', '--kind']);

/** The words and options of `args` (what follows `search`), or null when commander must read them. */
export function readSearchArgs(args: readonly string[]): { words: string[]; options: SearchOptions } | null {
  const options: SearchOptions = { limit: 10 };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      i++;
      break;
    }
    // Commander's test for an option: the first word that is not one starts the query.
    if (!(arg.length > 1 && arg.startsWith('-'))) break;
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUED.has(name)) return null;
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === '' || value.startsWith('-')) return null;
    if (name === '--archive') options.archive = value;
    else if (name === '--kind') {
      const kind = kindsOf(value);
      if (kind === null) return null;
      options.kind = kind;
    } else {
      const limit = limitOf(value);
      if (limit === null) return null;
      options.limit = limit;
    }
  }
  return { words: args.slice(i), options };
}
