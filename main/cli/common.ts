/**
 * What every `folio` command shares: the exit code for bad input, one-line failures, argument
 * parsers, the default archive and the program itself. The full command (main.ts) and the lean
 * `folio search` entry (search-entry.ts) both start here, so this file imports nothing heavy.
 */
import { Command, InvalidArgumentError } from 'commander';
import { FolioError } from '../model/errors';
import { PASSAGE_KINDS, type PassageKind } from '../model/passage-kind';

export const EXIT_BAD_INPUT = 2;
/** Replaced with package.json's version when the command is bundled. */
declare const __FOLIO_VERSION__: string | undefined;
const FOLIO_VERSION = typeof __FOLIO_VERSION__ === 'string' ? __FOLIO_VERSION__ : 'development';

/** Expected failures carry a one-line message; anything else is a bug, reported briefly too. */
export function fail(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof FolioError) process.stderr.write(`folio: ${message}\n`);
  else process.stderr.write(`folio: unexpected error: ${message.split('\n')[0]}\n`);
  process.exit(EXIT_BAD_INPUT);
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new InvalidArgumentError('must be a whole number from 1 to 10000');
  return n;
}

export function kinds(value: string): PassageKind[] {
  const list = value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  const unknown = list.filter((k) => !PASSAGE_KINDS.includes(k as PassageKind));
  if (list.length === 0 || unknown.length > 0)
    throw new InvalidArgumentError(`use one or more of ${PASSAGE_KINDS.join(', ')}, separated by commas`);
  return [...new Set(list)] as PassageKind[];
}

export function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return n;
}

/**
 * The pack to open: the one given, else the embedded archive's. Only a missing or stale embedded
 * pack calls `buildEmbedded`, which loads the builder (and may hand the command over: null).
 */
export async function archivePath<T extends string | null>(
  given: string | undefined,
  buildEmbedded: () => Promise<T>,
): Promise<string | T> {
  if (given) return given;
  const { embeddedPackStatus } = await import('../archive/embedded-location');
  const status = embeddedPackStatus();
  if (!status.stale) return status.path;
  return buildEmbedded();
}

/** The program with Folio's name, version, help and exit behaviour, and no commands yet. */
export function createBaseProgram(): Command {
  // `folio search … | head` closes the pipe early: that is the reader being done, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const program = new Command()
    .name('folio')
    .description('Folio: read, search and serve offline archives.')
    .version(FOLIO_VERSION, '-V, --version')
    .showHelpAfterError('(run "folio --help" for usage)')
    .configureOutput({ outputError: (text, write) => write(text) });
  program.exitOverride((error) => {
    if (
      error.code === 'commander.helpDisplayed' ||
      error.code === 'commander.version' ||
      error.code === 'commander.help'
    )
      process.exit(0);
    process.exit(EXIT_BAD_INPUT);
  });
  return program;
}
