/**
 * `bookmarks.import` over HTTP, in turns: the file is checked whole first (nesting, JSON, the entry
 * and note caps), then sent to the core worker IMPORT_CHUNK_ENTRIES bookmarks at a time, each chunk a
 * small export file of its own and one transaction. Other clients' calls queue between the chunks,
 * so a large import never holds the worker for more than one chunk. The answers are summed; a
 * duplicate passage id is rejected here, as the store would reject it within one file.
 */
import type { ApiError, ApiResult, ImportSummary } from '../api/contract';
import { importCountProblem, importNoteProblem } from '../bookmarks/limits';
import { jsonNestsDeeperThan } from '../json-depth';
import { HttpError } from './http-error';
import { IMPORT_CHUNK_ENTRIES } from './limits';

/** Runs `bookmarks.import` with one file's content in the core worker. */
export type ImportCall = (content: string) => Promise<ApiResult<'bookmarks.import'>>;

export async function importInChunks(content: string, call: ImportCall): Promise<ApiResult<'bookmarks.import'>> {
  if (jsonNestsDeeperThan(content)) {
    return failure('bad-request', 'The file nests too deeply to be a Folio bookmarks export.');
  }
  let file: unknown;
  try {
    file = JSON.parse(content);
  } catch {
    return failure('bad-request', 'The file is not valid JSON.');
  }
  const entries = (file as { bookmarks?: unknown } | null)?.bookmarks;
  // Anything that is not an export with a list of bookmarks: the store says what is wrong with it.
  if (!Array.isArray(entries)) return call(content);
  // Too many entries is the request's size (413); a note that is too long, a bad request.
  const tooMany = importCountProblem(entries.length);
  if (tooMany) throw new HttpError(413, tooMany);
  const badNote = importNoteProblem(entries);
  if (badNote) return failure('bad-request', badNote);

  const total: ImportSummary = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  const seen = new Set<string>();
  const unique: unknown[] = [];
  for (const entry of entries) {
    const id = (entry as { passageId?: unknown } | null)?.passageId;
    if (typeof id === 'string' && seen.has(id)) total.rejected += 1;
    else {
      if (typeof id === 'string') seen.add(id);
      unique.push(entry);
    }
  }
  const header = file as Record<string, unknown>;
  for (let start = 0; start === 0 || start < unique.length; start += IMPORT_CHUNK_ENTRIES) {
    const result = await call(
      JSON.stringify({ ...header, bookmarks: unique.slice(start, start + IMPORT_CHUNK_ENTRIES) }),
    );
    if (!result.ok) {
      const kept = total.added + total.updated;
      if (start === 0 || kept === 0) return result;
      return failure(
        result.error.code,
        `${kept.toLocaleString('en-US')} of ${entries.length.toLocaleString('en-US')} bookmarks were imported, then: ${result.error.message}`,
      );
    }
    total.added += result.value.added;
    total.updated += result.value.updated;
    total.unchanged += result.value.unchanged;
    total.rejected += result.value.rejected;
  }
  return { ok: true, value: total };
}

function failure(code: ApiError['code'], message: string): ApiResult<'bookmarks.import'> {
  return { ok: false, error: { code, message } };
}
