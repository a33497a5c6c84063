/** The on-screen keyboard's layouts (simple-keyboard-layouts) and Hangul composition (hangul-js). */
import { describe, expect, it } from 'vitest';
import { backspace, typeKey } from '../../renderer/src/kiosk/hangul-typing';
import { keyRows } from '../../renderer/src/kiosk/keyboard-layouts';

const type = (keys: string[], start = ''): string => keys.reduce(typeKey, start);

describe('Hangul composition', () => {
  it('composes syllables as a Korean IME does: ㅈ ㅔ ㅈ ㅜ gives 제주', () => {
    expect(type(['ㅈ', 'ㅔ', 'ㅈ', 'ㅜ'])).toBe('제주');
    expect(type(['ㅎ', 'ㅏ', 'ㄴ', 'ㄱ', 'ㅡ', 'ㄹ'])).toBe('한글');
    expect(type(['ㅂ', 'ㅜ', 'ㅅ', 'ㅏ', 'ㄴ'])).toBe('부산');
  });

  it('never changes what was typed before the last character, English included', () => {
    expect(type(['ㅈ', 'ㅔ', 'ㅈ', 'ㅜ'], 'Jeju ')).toBe('Jeju 제주');
    expect(type(['p', 'u', 's', 'a', 'n'])).toBe('pusan');
    expect(type(['ㄷ', 'ㅏ', 'ㄹ'], '1950')).toBe('1950달');
  });

  it('takes back one jamo with Backspace', () => {
    expect(backspace('제주')).toBe('제ㅈ');
    expect(backspace(backspace('제주'))).toBe('제');
    expect(backspace('pusan')).toBe('pusa');
    expect(backspace('')).toBe('');
  });
});

describe('keyboard layouts', () => {
  it('gives English QWERTY and Korean 2-set rows, Korean keys as the jamo an IME types', () => {
    const en = keyRows('en', false);
    expect(en[1]?.slice(0, 10).join('')).toBe('qwertyuiop');
    expect(keyRows('en', true)[1]?.slice(0, 3).join('')).toBe('QWE');
    const ko = keyRows('ko', false);
    expect(ko[1]?.slice(0, 10).join('')).toBe('ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ');
    expect(ko[2]?.slice(0, 9).join('')).toBe('ㅁㄴㅇㄹㅎㅗㅓㅏㅣ');
    expect(keyRows('ko', true)[1]?.slice(0, 5).join('')).toBe('ㅃㅉㄸㄲㅆ');
    // Function keys are the kiosk's own row, never a key that types "{bksp}".
    expect([...en, ...ko].flat().some((k) => k.startsWith('{'))).toBe(false);
  });
});
