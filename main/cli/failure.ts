/** How a `folio` command fails: one line on stderr and exit code 2, never a stack trace. */
import { FolioError } from '../model/errors';

/** The exit code for bad input: a missing, unreadable or damaged pack, or an unusable source folder. */
export const EXIT_BAD_INPUT = 2;

/** Expected failures (FolioError) carry a one-line message; anything else is a bug, reported briefly too. */
export function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof FolioError) process.stderr.write(`folio: ${message}\n`);
  else process.stderr.write(`folio: unexpected error: ${message.split('\n')[0]}\n`);
  process.exit(EXIT_BAD_INPUT);
}
