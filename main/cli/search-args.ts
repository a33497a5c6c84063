/**
 * The lean entry's own reading of `folio search` arguments, for the forms a search is usually
 * given: words, `--`, `-a/--archive`, `-n/--limit`, `-k/--kind` (each `--name value` or
 * `--name=value`) and `--json`. Loading commander was a sixth of a one-shot search on the Python
 * documentation; anything else (help, version, an unknown option, a bad value) is left to commander,
 * which answers it as the full command does.
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

/** The words and options of `args` (what follows `search`), or null when commander must read them. */
export function readSearchArgs(args: readonly string[]): { words: string[]; options: SearchOptions } | null {
  const words: string[] = [];
  const options: SearchOptions = { limit: 10 };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      words.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      words.push(arg);
      continue;
    }
    if (arg === '--json') {
      options.json = true;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('-')) value = args[++i];
    if (value === undefined) return null;
    if (name === '-a' || name === '--archive') options.archive = value;
    else if (name === '-n' || name === '--limit') {
      const limit = limitOf(value);
      if (limit === null) return null;
      options.limit = limit;
    } else if (name === '-k' || name === '--kind') {
      const kind = kindsOf(value);
      if (kind === null) return null;
      options.kind = kind;
    } else return null;
  }
  return { words, options };
}
