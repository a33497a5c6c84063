/**
 * Typing on the on-screen keyboard, the way a Korean IME composes: a jamo joins the syllable before it
 * (ㅈ ㅔ ㅈ ㅜ → 제주) through hangul-js's assembler, and Backspace takes back one jamo. Only the last
 * character is recomposed, so nothing typed before it ever changes.
 */
import Hangul from 'hangul-js';

/** A syllable (가) or a compatibility jamo (ㄱ, ㅏ): hangul-js's isHangul is true for syllables only. */
const isJamoOrSyllable = (c: string): boolean =>
  c !== '' && (Hangul.isHangul(c) || Hangul.isConsonant(c) || Hangul.isVowel(c));

export function typeKey(text: string, key: string): string {
  const chars = [...text];
  const last = chars.at(-1) ?? '';
  if (!isJamoOrSyllable(key) || !isJamoOrSyllable(last)) return text + key;
  return chars.slice(0, -1).join('') + Hangul.assemble([...Hangul.disassemble(last), key]);
}

export function backspace(text: string): string {
  const chars = [...text];
  const last = chars.at(-1) ?? '';
  const rest = chars.slice(0, -1).join('');
  if (!Hangul.isComplete(last)) return rest;
  const jamo = Hangul.disassemble(last);
  jamo.pop();
  return rest + Hangul.assemble(jamo);
}
