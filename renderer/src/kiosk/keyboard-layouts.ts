/**
 * The on-screen keyboard's keys, taken from simple-keyboard-layouts (English QWERTY and Korean 2-set,
 * 두벌식). Its Korean layout writes conjoining jamo (U+1100…); a Korean IME types compatibility jamo
 * (ㄱ U+3131…), which hangul-js composes, so each key is mapped back through NFKC, whose compatibility
 * decomposition is exactly that pairing. Function keys ({shift}, {bksp}…) are the kiosk's own row.
 */
import english from 'simple-keyboard-layouts/build/layouts/english';
import korean from 'simple-keyboard-layouts/build/layouts/korean';

export type KeyboardLanguage = 'en' | 'ko';

const compatibility = new Map<string, string>();
for (let code = 0x3131; code <= 0x318e; code++) {
  const jamo = String.fromCodePoint(code);
  const conjoining = jamo.normalize('NFKC');
  if (conjoining !== jamo && !compatibility.has(conjoining)) compatibility.set(conjoining, jamo);
}

const typed = (key: string): string => compatibility.get(key) ?? key;

function rows(layout: string[] | undefined): string[][] {
  // The first four rows of characters; the fifth (".com @ {space}") is replaced by the kiosk's own.
  return (layout ?? []).slice(0, 4).map((row) =>
    row
      .split(' ')
      .filter((key) => key !== '' && !/^\{.+\}$/.test(key))
      .map(typed),
  );
}

export function keyRows(language: KeyboardLanguage, shifted: boolean): string[][] {
  const layout = (language === 'ko' ? korean : english).layout;
  return rows(shifted ? layout.shift : layout.default);
}
