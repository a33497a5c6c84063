/** `folio info [pack]`: what a pack holds (manifest, counts per kind, sections), as text or JSON. */
import type { Command } from 'commander';
import { archivePath } from './archive-path';
import { buildEmbeddedPack } from './embedded-pack';
import { fail } from './failure';
import { formatBytes } from './format-bytes';

export function addInfoCommand(program: Command): void {
  program
    .command('info')
    .description('show what a pack holds')
    .argument('[pack]', 'pack file (default: the embedded archive)')
    .option('--json', 'print JSON')
    .action(async (packFile: string | undefined, options: { json?: boolean }) => {
      try {
        const { readPackInfo } = await import('./pack-info');
        const path = await archivePath(packFile, buildEmbeddedPack);
        const info = readPackInfo(path);
        if (options.json) {
          process.stdout.write(`${JSON.stringify(info)}\n`);
          return;
        }
        const m = info.manifest;
        process.stdout.write(
          `${m.title}\n${m.description}\n\n` +
            `id          ${m.id}${m.version ? ` (version ${m.version})` : ''}\n` +
            `languages   ${m.languages.join(', ')}\n` +
            `source      ${m.source}\nlicence     ${m.licence}\n` +
            `pack        ${path}, format ${info.formatVersion}, ${formatBytes(info.bytes)}\n` +
            `passages    ${info.passages} (text ${info.kinds.text}, caption ${info.kinds.caption}, media ${info.kinds.media}, heading ${info.kinds.heading})\n` +
            `variants    ${m.variants.length} spelling groups\n\nsections\n` +
            info.sections.map((s, i) => `  ${String(i + 1).padStart(3)}. ${s.title} (${s.passages})`).join('\n') +
            '\n',
        );
      } catch (error) {
        fail(error);
      }
    });
}
