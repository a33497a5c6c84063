/**
 * The full `folio` command: build, inspect, verify and search archives, and serve them to browsers,
 * one file per command. Exit codes: 0 on success (every query succeeds, even with no results), 2 for
 * a missing, unreadable or damaged pack or an unusable source folder, with a one-line message on
 * stderr and no stack trace. Each command loads its heavy modules only when it runs.
 */
import type { Command } from 'commander';
import { createBaseProgram } from './base-program';
import { addBuildCommand } from './build-command';
import { buildEmbeddedPack } from './embedded-pack';
import { addInfoCommand } from './info-command';
import { addSearchCommand } from './search-command';
import { addServeCommand } from './serve-command';
import { addKioskPinCommand } from './kiosk-pin-command';
import { addStatsCommand } from './stats-command';
import { addVerifyCommand } from './verify-command';

export function createProgram(): Command {
  const program = createBaseProgram();
  addBuildCommand(program);
  addInfoCommand(program);
  addVerifyCommand(program);
  addSearchCommand(program, {
    openSearchablePack: async (path) => (await import('../archive/searchable-pack')).openSearchablePack(path),
    buildEmbedded: buildEmbeddedPack,
  });
  addServeCommand(program);
  addStatsCommand(program);
  addKioskPinCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  await createProgram().parseAsync(argv, { from: 'user' });
}
