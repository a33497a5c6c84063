import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latin1Pattern, NEUTRAL_SOURCE, twinSubject } from '../../main/search/analyzer/latin1-pattern';
import { tokenize } from '../../main/search/analyzer/tokenize';

const root = join(__dirname, '..', '..');
const char = (code: number): string => String.fromCharCode(code);

describe('Latin-1 twins of the tokenizer patterns', () => {
  it('list exactly the Latin-1 members of \\p{L}, \\p{N} and \\p{M}', () => {
    for (const property of ['L', 'N', 'M']) {
      const unicode = new RegExp(`^[\\p{${property}}]$`, 'u');
      const twin = new RegExp(latin1Pattern(`^[\\p{${property}}]$`), 'u');
      const outside = new RegExp(latin1Pattern(`^\\p{${property}}$`), 'u');
      for (let code = 0; code <= 0xff; code++) {
        expect([property, code, twin.test(char(code))]).toEqual([property, code, unicode.test(char(code))]);
        expect([property, code, outside.test(char(code))]).toEqual([property, code, unicode.test(char(code))]);
      }
    }
  });

  it('refuse a property they have no twin for', () => {
    expect(() => latin1Pattern(String.raw`\p{Lu}`)).toThrow(/no Latin-1 twin/u);
    expect(() => latin1Pattern(String.raw`\P{L}`)).toThrow(/no Latin-1 twin/u);
  });

  it('blank only characters that are no letter, mark, digit or apostrophe', () => {
    const neutral = new RegExp(`^[${NEUTRAL_SOURCE}]$`, 'u');
    const word = /^[\p{L}\p{M}\p{N}'\u2019\u2018\u02bc]$/u;
    let count = 0;
    for (let code = 0x100; code <= 0xffff; code++) {
      if (!neutral.test(char(code))) continue;
      count++;
      expect([code, word.test(char(code))]).toEqual([code, false]);
    }
    expect(count).toBeGreaterThan(1000);
    expect(twinSubject('a “b” — c’s … ©')).toBe('a  b    c’s   ©');
  });

  it('stand in for letters, digits and marks beyond Latin-1 by their class', () => {
    expect(twinSubject('Pusan 부산, Ελλάδα ٣ ① e\u0301 ʼokina ⓘ')).toBe('Pusan aa, aaaaaa 0 0 e\u0300 ʼokina  ');
    // A symbol beyond the BMP is neutral; a letter there has no stand-in.
    expect(twinSubject('smile 😀 x')).toBe('smile    x');
    expect(twinSubject('bold 𝐀')).toBeNull();
    const unicode = { L: /^\p{L}$/u, N: /^\p{N}$/u, M: /^\p{M}$/u };
    const twin = {
      L: new RegExp(latin1Pattern('^\\p{L}$'), 'u'),
      N: new RegExp(latin1Pattern('^\\p{N}$'), 'u'),
      M: new RegExp(latin1Pattern('^\\p{M}$'), 'u'),
    };
    for (let code = 0x100; code <= 0xffff; code += code < 0x3400 ? 1 : 7) {
      if (code === 0x2018 || code === 0x2019 || code === 0x02bc) continue;
      const subject = twinSubject(char(code))!;
      for (const p of ['L', 'N', 'M'] as const)
        expect([code, p, twin[p].test(subject)]).toEqual([code, p, unicode[p].test(char(code))]);
    }
  });

  it('tokenize as the Unicode patterns do, offsets included', () => {
    const texts = [
      'The U.N. forces (120,000 men) met at os.path.join and --keep-boilerplate, e.g. work_mem.',
      'A “quoted” word — a dash, an ellipsis… and don’t, it’s, naïve café, x² ½ µs ªº Ø ÿ',
      'Œuvre, Ελλάδα and ʼokina take the Unicode path',
      'MiG-15s, B-29’s, T34, 1950s, ’50s, 38th parallel; a::b __init__ U.S.A. ¶ § © ×÷',
      '‘single’ • bullet ‣ ‰ € → ⇒ ∀x ∈ S ⌘ ─ ■ ★ 、。 \ufeffBOM \ufffd',
    ];
    for (const dir of ['archive/korean-war/content', 'tests/fixtures/postgresql-15']) {
      for (const name of readdirSync(join(root, dir))) {
        if (!/\.(?:md|html)$/u.test(name)) continue;
        texts.push(...readFileSync(join(root, dir, name), 'utf8').split('\n'));
      }
    }
    // Random text from every class the patterns tell apart, in many scripts, and their joiners.
    const alphabet = [
      ..."aZé_.:-,'’‘ʼ 09²½ ",
      ...'부산제주ㄱ漢字かなカナー々ΑλЖж',
      ...'\u0301\u0e31\u093f\u20dd',
      ...'٣３Ⅻ①',
      ...'—“”…•ⓘ€→、。\u00a0\u200b',
      '😀',
      '\ud800',
    ];
    let seed = 15;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let n = 3 + random(30); n > 0; n--) text += alphabet[random(alphabet.length)];
      texts.push(text);
    }
    let twinned = 0;
    for (const text of texts) {
      if (twinSubject(text) === null) continue;
      twinned++;
      // A letter beyond the BMP, after a space, sends the text down the Unicode path.
      const unicode = tokenize(`${text} \u{1d400}`).filter((t) => t.start < text.length);
      expect(tokenize(text)).toEqual(unicode);
    }
    expect(twinned).toBeGreaterThan(3000);
  });
});
