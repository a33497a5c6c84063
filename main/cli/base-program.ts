/**
 * The `folio` program with its name, version, help and exit behaviour, and no commands yet. The full
 * command (program.ts) and the lean `folio search` entry (search-entry.ts) both start here.
 */
import { Command } from 'commander';
import { EXIT_BAD_INPUT } from './failure';
import { usageError } from './usage-error';

/** Replaced with package.json's version when the command is bundled. */
declare const __FOLIO_VERSION__: string | undefined;
const FOLIO_VERSION = typeof __FOLIO_VERSION__ === 'string' ? __FOLIO_VERSION__ : 'development';

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
    // Options of `folio` itself come before the command, so a command may take what follows its
    // own options as it is (`folio search` takes everything after them as the query).
    .enablePositionalOptions()
    .configureOutput({ outputError: (text, write) => write(usageError(text, 'run "folio --help" for usage')) });
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
