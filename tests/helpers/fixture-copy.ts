/** Changed copies of the source fixtures (tests/fixtures), so a test can break one without touching the others. */
import { cpSync } from 'node:fs';
import { join } from 'node:path';

const fixtures = join(__dirname, '..', 'fixtures');

/** Returns `fixture(name, change)`: a fresh copy of fixture `name` under `dir`, changed by `change`. */
export function fixtureCopier(dir: string) {
  let copies = 0;
  return (name: 'curated-mini' | 'html-site', change: (folder: string) => void): string => {
    const folder = join(dir, `${name}-${copies++}`);
    cpSync(join(fixtures, name), folder, { recursive: true });
    change(folder);
    return folder;
  };
}
