/**
 * Character classes the tokenizer needs: CJK scripts (Hangul, Han, kana) are bigrammed,
 * digits make numbers and designations, everything else alphabetic is a word.
 */

// Script extensions, not scripts: the prolonged sound mark ー and the iteration mark 々 belong to
// kana and Han text though their script is Common.
const CJK_RE =
  /[\p{Script_Extensions=Hangul}\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/u;
const DIGIT_RE = /\p{N}/u;

/** The three kinds of runs a written word is split into. */
export type CharClass = 'cjk' | 'digit' | 'alpha';

/** Class of one code point of a word. */
export function charClass(ch: string): CharClass {
  // ASCII first: its digits are its only \p{N}, and none of it is CJK (the Unicode classes are slow to compile).
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 0x30 && code <= 0x39 ? 'digit' : 'alpha';
  if (DIGIT_RE.test(ch)) return 'digit';
  if (CJK_RE.test(ch)) return 'cjk';
  return 'alpha';
}
