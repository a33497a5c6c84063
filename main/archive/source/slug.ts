/** A readable id from a title: section ids in a pack, and the id of an archive made from a plain folder. */
export function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return base || 'section';
}
