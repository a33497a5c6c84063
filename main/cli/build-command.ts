/** `folio build <source> -o <pack>`: compiles an archive source folder into a pack. */
import type { Command } from 'commander';
import { fail } from './failure';
import { formatBytes } from './format-bytes';
import { progressLine } from './progress-line';

export function addBuildCommand(program: Command): void {
  program
    .command('build')
    .description('compile an archive source folder (with folio.json) or a folder of HTML pages into a pack')
    .argument('<source>', 'archive source folder')
    .requiredOption('-o, --out <file>', 'pack file to write (.folio)')
    .option('--keep-boilerplate', "keep a saved site's navigation bars, breadcrumbs and footers as passages")
    .action(async (source: string, options: { out: string; keepBoilerplate?: boolean }) => {
      const { buildPack } = await import('../archive/writer/build-pack');
      const progress = progressLine();
      let warnings = 0;
      try {
        const result = buildPack(source, options.out, {
          keepBoilerplate: options.keepBoilerplate ?? false,
          onProgress: (p) => progress.update(`${p.phase} ${p.done}/${p.total}`),
          // A saved website's build goes on past a file it may not read; each is said, one line each.
          onWarning: (message) => {
            warnings++;
            progress.done();
            process.stderr.write(`folio: warning: ${message}\n`);
          },
        });
        progress.done();
        process.stdout.write(
          `built ${result.outFile}: ${result.passages} passages in ${result.sections} sections, ` +
            `${result.media.included}/${result.media.referenced} media files included, ${formatBytes(result.bytes)}, ${result.ms} ms` +
            `${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}\n` +
            `content sha256 ${result.contentSha256}\n`,
        );
      } catch (error) {
        progress.done();
        fail(error);
      }
    });
}
