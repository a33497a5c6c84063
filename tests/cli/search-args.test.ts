/**
 * The lean `folio search` entry reads its usual arguments without commander (search-args.ts). It
 * must read them exactly as the commander command does, and leave to commander whatever commander
 * would refuse: each argument list here goes through both, the real command with only its action
 * replaced to capture what it was given.
 */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { readSearchArgs } from '../../main/cli/search-args';
import { addSearchCommand } from '../../main/cli/search-command';
import type { SearchOptions } from '../../main/cli/search-run';

type Read = { words: string[]; options: SearchOptions };

/** What commander's `folio search` makes of `args`, or the code of the error it reports. */
function commanderRead(args: string[]): Read | { error: string } {
  const program = new Command()
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const never = () => Promise.reject(new Error('not called'));
  addSearchCommand(program, { openSearchablePack: never, buildEmbedded: never });
  let read: Read | null = null;
  program.commands
    .find((command) => command.name() === 'search')!
    .action((words: string[], options: SearchOptions) => {
      read = { words, options: { ...options } };
    });
  try {
    program.parse(['search', ...args], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return { error: error.code };
    throw error;
  }
  if (!read) throw new Error('the search action did not run');
  return read;
}

const CASES: string[][] = [
  [],
  ['Pusan'],
  ['Soviet -MiG'],
  ['Soviet', '-MiG'],
  ['--', '-MiG', 'Soviet'],
  ['--json', '--', '-MiG', 'Soviet'],
  ['Pusan', '--', 'x'],
  ['Pusan', '-n', '3', '--json'],
  ['--archive', 'a.folio', '--json', 'Pusan'],
  ['--archive=a.folio', 'Pusan', 'Inchon'],
  ['--archive', 'a.folio', '--archive', 'b.folio', 'Pusan'],
  ['-n', '5', 'war'],
  ['--limit', '5', 'war'],
  ['--limit=7', 'war'],
  ['-n', '0', 'war'],
  ['-n', '10001', 'war'],
  ['-n', 'many', 'war'],
  ['-n5', 'war'],
  ['-n', '-5', 'war'],
  ['--kind', 'caption,media', 'war'],
  ['--kind=text', '--json', 'war'],
  ['--kind', 'caption,caption', 'war'],
  ['--kind', 'poem', 'war'],
  ['--kind', ',', 'war'],
  ['--kind'],
  ['--archive'],
  ['--archive', '--json', 'war'],
  ['--archive=', 'war'],
  ['--json=yes', 'war'],
  ['-a', 'a.folio', 'war'],
  ['-k', 'text', 'war'],
  ['-MiG', 'Soviet'],
  ['-korea'],
  ['-5', 'war'],
  ['-', 'war'],
  ['', 'war'],
  ['--help'],
  ['-h'],
  ['--version'],
];

describe('folio search arguments without commander', () => {
  it.each(CASES.map((args) => [args.join(' ') || '(none)', args] as const))(
    'reads %s as commander does, or leaves it to commander',
    (_, args) => {
      const fast = readSearchArgs(args);
      const slow = commanderRead(args);
      if (fast === null) return;
      // What the fast path accepts, commander accepts, with the same words and options.
      expect(slow).toEqual(fast);
    },
  );

  it('reads the usual forms itself', () => {
    for (const args of [
      ['Pusan'],
      ['Soviet', '-MiG'],
      ['--', '-MiG', 'Soviet'],
      ['--archive', 'a.folio', '--json', '-n', '5', '--kind', 'caption', 'war'],
      ['--limit=7', '--kind=text', 'war'],
    ])
      expect(readSearchArgs(args)).not.toBeNull();
    expect(readSearchArgs(['Pusan', '-n', '3', '--json'])).toEqual({
      words: ['Pusan', '-n', '3', '--json'],
      options: { limit: 10 },
    });
  });

  it('leaves to commander what commander refuses', () => {
    for (const args of CASES)
      if ('error' in commanderRead(args)) expect(readSearchArgs(args), args.join(' ')).toBeNull();
  });
});
