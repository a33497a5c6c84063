/**
 * A curated archive source written for a test: folio.json and the files under content/. The manifest
 * takes the fields every manifest needs, empty, unless the test names them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeCuratedSource(
  folder: string,
  manifest: { id: string; title: string } & Record<string, unknown>,
  content: Record<string, string>,
): string {
  mkdirSync(join(folder, 'content'), { recursive: true });
  // id and title first, as a hand-written manifest has them.
  const { id, title, ...rest } = manifest;
  const fields = { id, title, description: '', languages: ['en'], source: '', licence: '', ...rest };
  writeFileSync(join(folder, 'folio.json'), JSON.stringify(fields));
  for (const [name, text] of Object.entries(content)) writeFileSync(join(folder, 'content', name), text);
  return folder;
}
