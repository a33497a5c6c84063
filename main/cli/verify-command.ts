/** `folio verify <pack>`: one line per check; exit 2 when any fails. */
import type { Command } from 'commander';
import { EXIT_BAD_INPUT, fail } from './failure';

export function addVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('check a pack: SQLite integrity, content and index checksums, media files')
    .argument('<pack>', 'pack file')
    .action(async (packFile: string) => {
      try {
        const { verifyPack } = await import('../archive/verify');
        const report = verifyPack(packFile);
        for (const c of report.checks)
          process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name}${c.ok ? '' : `: ${c.detail}`}\n`);
        if (!report.ok) {
          process.stderr.write(`folio: ${packFile}: the pack failed verification; rebuild it or copy it again\n`);
          process.exit(EXIT_BAD_INPUT);
        }
      } catch (error) {
        fail(error);
      }
    });
}
