/** `--library DIR`: every pack in a folder, in name order (not its subfolders). */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SetupError } from '../model/errors';

export const PACK_EXTENSION = '.folio';

/** The packs in `dir`; throws SetupError (one line) when it is not a readable folder. */
export function packsInFolder(dir: string): string[] {
  const folder = resolve(dir);
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new SetupError(`${dir}: is a file, not a folder of archives`);
    names = readdirSync(folder);
  } catch (error) {
    if (error instanceof SetupError) throw error;
    throw new SetupError(`${dir}: no such folder of archives`);
  }
  return names
    .filter((name) => name.toLowerCase().endsWith(PACK_EXTENSION) && !name.startsWith('.'))
    .sort()
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile());
}
