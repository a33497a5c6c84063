/**
 * A build analyses a long text a slice at a time (main/search/analyzer/slices.ts): the terms must
 * be the whole text's, in the same order, or the pack's index would change. Texts are generated
 * from the pieces every stage joins across spaces, hyphens and dots (designations, hyphen joins,
 * multi-word variants, identifiers, grouped numbers, CJK), with every kind of gap between them, and
 * cut as often as the rule allows.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../bench/synthetic-corpus';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { analysisSlices } from '../../main/search/analyzer/slices';
import { FIXTURE_VARIANTS } from './fixture';

const withVariants = createAnalyzer({
  variants: [...FIXTURE_VARIANTS, ['US', 'United States'], ['ROK', 'Republic of Korea']],
  languages: ['en', 'ko'],
});
const plain = createAnalyzer({ variants: [], languages: ['en', 'ko'] });
const termsOf = (analyzer: typeof plain) => (text: string) => analyzer.analyze(text, 'text').map((t) => t.term);

// prettier-ignore
const WORDS = [
  'Yak', '9', 'MiG', '15', 'T', '34', 'Il', 'sung', 'Kim', 'Il-sung', 'United', 'States', 'Republic', 'of', 'Korea',
  'Yun', 'Po-sun', 'Chang', 'Myon', 'os.path.join', 'work_mem', '--keep-boilerplate', 'a::b', '120,000', '1,000',
  'U.N.', 'U.S', '1950s', "'50s", '38th', '제주', '民中抗争', 'fromNorth', "P'yongyang", 'Kaesŏng', 'cease', 'fire',
  'x86_64', 'avx512f', '_mm512_add_epi32', 'fn', 'let', '{', '}', '(', ');', '//', '≥', '—', '“quoted”', 'café',
  // What stages join across three blanks or fewer, written so.
  'United   States', 'United \n States', 'Republic\t of\r\nKorea', 'Yak  9', 'Yak\t9', 'Kim \n Il-sung', 'Chang\n\n Myon',
];
// prettier-ignore
const GAPS = [
  '', ' ', '  ', '   ', '    ', '     ', '\t', '\n', '\n\n', '\n    ', ' \n  ', '\r\n', '\r\n\r\n', '-', '.', ', ',
  ' - ', '\u00a0', '\u00a0\u00a0 ', ' \t \t', '\n\n\n\n\n',
];

function generatedText(seed: number, words: number): string {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let text = '';
  for (let i = 0; i < words; i++) text += pick(WORDS) + pick(GAPS);
  return text;
}

describe('analysisSlices', () => {
  for (const variants of [true, false])
    it(`cuts long texts into slices whose terms, one after another, are the whole text’s (${variants ? 'with' : 'without'} variants)`, () => {
      const terms = termsOf(variants ? withVariants : plain);
      for (const seed of [1, 2, 3, 4, 5]) {
        const generated = generatedText(seed, 3000);
        // Blanks collapsed, as in the text of a passage whose layout only its content keeps.
        for (const text of variants ? [generated] : [generated, generated.replace(/\s+/g, ' ')]) {
          const whole = terms(text);
          for (const size of [1, 5, 17, 64, 1000]) {
            const slices = [...analysisSlices(text, size, variants)];
            expect(slices.join('')).toBe(text);
            // The test cuts often: at most `size` characters plus a run of text without a cut apart.
            expect(slices.length).toBeGreaterThan(text.length / (size + 200));
            expect(slices.flatMap(terms), `seed ${seed}, size ${size}`).toEqual(whole);
          }
        }
      }
    });

  it('leaves a short text, or one without a place to cut, whole', () => {
    expect([...analysisSlices('Yak 9 and Il-sung', 4)]).toEqual(['Yak 9 and Il-sung']);
    const dense = 'United States   Yak  9 '.repeat(50);
    expect([...analysisSlices(dense, 10)]).toEqual([dense]);
    const numbers = '9 1,000 (x) '.repeat(50);
    expect([...analysisSlices(numbers, 10, false)]).toEqual([numbers]);
  });
});
