/**
 * How failures leave the API: as an ApiError with a code and a one-line message fit for a reader.
 * Expected failures are told apart by class (main/model/errors.ts); anything else is a bug, reported
 * by its first line only, so stack traces never cross a transport.
 */
import {
  BookmarkLimitError,
  BookmarkStoreError,
  FolioError,
  PackDamagedError,
  PackError,
  SearchCancelledError,
} from '../model/errors';
import { SUPERSEDED, type ApiError } from './contract';

/** A handler's own failure (an unknown passage, say), with the code the transports answer with. */
export class ApiFailure extends FolioError {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  if (error instanceof BookmarkLimitError) return { code: 'full', message: error.message };
  // A search its caller gave up for a newer one: answered like one overtaken in the queue, and dropped.
  if (error instanceof SearchCancelledError) return SUPERSEDED;
  if (error instanceof BookmarkStoreError) return { code: 'bad-request', message: error.message };
  // A damaged pack: say so, then in the pack's own words (it names the file and what to do).
  if (error instanceof PackDamagedError)
    return { code: 'unavailable', message: `This archive is damaged. ${error.message}` };
  if (error instanceof PackError) return { code: 'unavailable', message: error.message };
  return { code: 'internal', message: `Internal error: ${firstLine(error)}` };
}

/** The first line of an error's message (at most 300 characters): what may be shown of an unexpected error. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'Internal error') : 'Internal error';
  return message.slice(0, 300);
}
