/** The user's data folder for Folio (bookmarks, settings), per platform, outside any pack. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(): string {
  if (process.env.FOLIO_DATA_DIR) return process.env.FOLIO_DATA_DIR;
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Folio');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Folio');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'folio');
}
