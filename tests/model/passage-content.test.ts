import { describe, expect, it } from 'vitest';
import { normaliseWhitespace, plainText } from '../../main/model/passage-content';

/** What plain text always was: every run of `\s` one space, trimmed. */
const collapsed = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** Every UTF-16 code unit `\s` matches. */
const WHITESPACE = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => /\s/u.test(c));

describe('normaliseWhitespace', () => {
  it('collapses each whitespace character, alone or in runs, as /\\s+/ does', () => {
    expect(WHITESPACE.length).toBeGreaterThan(20);
    for (const w of WHITESPACE) {
      for (const text of [`a${w}b`, `a ${w}b`, `a${w} b`, `a${w}${w}b`, `${w}a${w}`, w, `a${w}\u00a0 \tb`]) {
        expect(normaliseWhitespace(text), JSON.stringify(text)).toBe(collapsed(text));
      }
    }
  });

  it('gives the same text on random mixes of words, spaces and every kind of whitespace', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pieces = ['word', 'é', '한국어', '😀', '\ud800', ' ', ' ', '  ', ...WHITESPACE];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 1 + random(30) }, () => pieces[random(pieces.length)]!).join('');
      expect(normaliseWhitespace(text), JSON.stringify(text)).toBe(collapsed(text));
    }
  });

  it('is the plain text of a preformatted block, whose newlines and indents become single spaces', () => {
    expect(plainText(['pre', 'fn main() {\n    println!("hi");\n}\n'])).toBe('fn main() { println!("hi"); }');
  });
});
