/**
 * What `folio search` does once its arguments are read: open the pack, search, print. Shared by the
 * commander command (search-command.ts) and the lean entry's own argument reader (search-args.ts),
 * so it imports nothing of commander.
 */
import type { SearchablePack } from '../archive/searchable-pack';
import type { PassageKind } from '../model/passage-kind';
import { archivePath } from './archive-path';
import { fail } from './failure';
import { searchJson } from './search-json';
import { writeOut } from './write-out';
import { nowMs } from '../search/searcher/clock';
import { suggestionOrNone } from '../search/suggest/hint';

/** How the command gets its heavy parts: imported lazily by the full command, bundled in by the lean one. */
export interface SearchCommandLoaders {
  openSearchablePack: (path: string) => Promise<SearchablePack>;
  /** The embedded pack's path after (re)building it; null when another command answers instead. */
  buildEmbedded: () => Promise<string | null>;
  /** Whether the pack was indexed by this Folio's analyzer (default: the pack's own answer). */
  indexMatchesAnalyzer?: (archive: SearchablePack) => boolean;
}

/** The options of `folio search`, read. */
export interface SearchOptions {
  archive?: string;
  limit: number;
  kind?: PassageKind[];
  json?: boolean;
}

/** A snippet with its highlights marked: bold on a terminal, [brackets] when piped. */
function markSnippet(snippet: string, snippetStart: number, highlights: [number, number][], tty: boolean): string {
  const [open, close] = tty ? ['\x1b[1m', '\x1b[22m'] : ['[', ']'];
  let out = '';
  let at = 0;
  for (const [s, e] of highlights) {
    const start = Math.max(0, s - snippetStart);
    const end = Math.min(snippet.length, e - snippetStart);
    if (end <= at || start >= snippet.length) continue;
    out += snippet.slice(at, Math.max(at, start)) + open + snippet.slice(Math.max(at, start), end) + close;
    at = end;
  }
  return out + snippet.slice(at);
}

/** Searches and prints the answer (one JSON object with `json`). */
export async function runSearch(words: string[], options: SearchOptions, load: SearchCommandLoaders): Promise<void> {
  let archive: SearchablePack;
  try {
    const path = await archivePath(options.archive, load.buildEmbedded);
    if (path === null) return;
    archive = await load.openSearchablePack(path);
  } catch (error) {
    fail(error);
  }
  const query = words.join(' ');
  let response;
  let suggestion: string | null = null;
  // The time printed is the answer's, its suggestion included (as the API's tookMs).
  let tookMs = 0;
  try {
    const started = nowMs();
    response = archive.search({ query, limit: options.limit, ...(options.kind ? { kinds: options.kind } : {}) });
    if (!options.json) suggestion = suggestionOrNone(() => archive.suggest(query));
    tookMs = nowMs() - started;
  } catch (error) {
    // A query never fails: a damaged index is reported like a damaged pack.
    fail(error);
  }
  archive.close();
  if (options.json) {
    writeOut(`${JSON.stringify(searchJson(response))}\n`);
    return;
  }
  const tty = process.stdout.isTTY === true;
  const asked = query.trim() ? `"${query}"` : options.kind ? `kind ${options.kind.join(', ')}` : 'an empty query';
  if (!(load.indexMatchesAnalyzer ? load.indexMatchesAnalyzer(archive) : archive.indexMatchesAnalyzer))
    process.stderr.write('folio: this pack was indexed by another version of Folio; rebuild it for the best results\n');
  const didYouMean = suggestion ? `did you mean "${suggestion}"?\n` : '';
  if (response.results.length === 0) {
    writeOut(`no results for ${asked}\n${didYouMean}`);
    return;
  }
  let out = `${response.totalIsEstimate ? 'about ' : ''}${response.total} result${response.total === 1 ? '' : 's'} for ${asked} (${tookMs.toFixed(1)} ms)\n${didYouMean}\n`;
  response.results.forEach((r, i) => {
    const ellipsisStart = r.snippetStart > 0 ? '…' : '';
    const ellipsisEnd = r.snippetStart + r.snippet.length < r.text.length ? '…' : '';
    out +=
      `${String(i + 1).padStart(2)}. [${r.kind}] ${r.section}${r.kind === 'media' ? ` — ${r.title}` : ''}\n` +
      `    ${ellipsisStart}${markSnippet(r.snippet, r.snippetStart, r.highlights, tty)}${ellipsisEnd}\n` +
      `    #${r.passageId}\n`;
  });
  writeOut(out);
}
