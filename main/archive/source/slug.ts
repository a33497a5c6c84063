/**
 * A readable id from a title: section ids in a pack, and the id of an archive made from a plain
 * folder. Latin, Greek and Cyrillic letters lose their accents (Kaesŏng → kaesong); every other
 * script keeps its characters whole, in NFC (a Japanese voicing mark is part of the letter).
 */
export function slug(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}])\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
  return Array.from(base).slice(0, 60).join('') || 'section';
}
