/** An installed app honours no development-only variable (runs without Electron). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPackagedEnvironment, DEVELOPMENT_VARIABLES } from '../../main/electron/environment';

describe('the environment of an installed app', () => {
  it('drops the development variables and points the worker at the packaged resources', () => {
    const env: NodeJS.ProcessEnv = {
      ELECTRON_RENDERER_URL: 'http://evil.example:5173',
      FOLIO_DEVTOOLS: '1',
      FOLIO_SQLITE_BINDING: '/tmp/evil.node',
      FOLIO_EMBEDDED_PACK: '/tmp/other.folio',
      FOLIO_DATA_DIR: '/tmp/elsewhere',
      PATH: '/usr/bin',
      HOME: '/home/reader',
    };
    const resources = join('/opt', 'Folio', 'resources');
    applyPackagedEnvironment(env, resources);
    expect(env).toEqual({
      FOLIO_SQLITE_BINDING: join(resources, 'native', 'better_sqlite3.node'),
      FOLIO_EMBEDDED_PACK: join(resources, 'archive', 'korean-war.folio'),
      PATH: '/usr/bin',
      HOME: '/home/reader',
    });
  });

  it('covers every FOLIO_ or ELECTRON_ variable that main/ reads', () => {
    const read = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), 'main'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/process\.env\.((?:FOLIO|ELECTRON)_\w+)|['"`]((?:FOLIO|ELECTRON)_\w+)['"`]/g))
        read.add(match[1] ?? match[2]!);
    }
    expect(read.size).toBeGreaterThan(0);
    expect([...read].filter((name) => !(DEVELOPMENT_VARIABLES as readonly string[]).includes(name))).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}
