import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { FIXTURE_VARIANTS } from './fixture';

const analyzer = createAnalyzer({ variants: FIXTURE_VARIANTS, languages: ['en', 'ko'] });
const terms = (text: string): string[] => analyzer.analyze(text, 'text').map((t) => t.term);
const written = (text: string): [string, string][] =>
  analyzer.analyze(text, 'text').map((t) => [t.term, text.slice(t.start, t.end)]);
const shares = (a: string, b: string): boolean => terms(a).some((t) => terms(b).includes(t));

describe('analyzer', () => {
  it('keeps offsets on the written text', () => {
    const text = "Kim Il-sung's army met in P'yongyang (U.N. forces), 120,000 men, 제주 4·3 민중항쟁.";
    for (const t of analyzer.analyze(text, 'text')) {
      expect(t.start).toBeGreaterThanOrEqual(0);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(t.end).toBeGreaterThan(t.start);
      expect(text.slice(t.start, t.end)).not.toMatch(/^\s|\s$/);
    }
    expect(written("met in P'yongyang")).toContainEqual(['pyongyang', "P'yongyang"]);
  });

  it('never splits on apostrophes inside words', () => {
    expect(terms("P'yongyang")).toEqual(terms('Pyongyang'));
    expect(terms("Inch'on")).toEqual(terms('Inchon'));
    expect(terms('Inch’on')).toEqual(terms('Inchon'));
    expect(terms("Korea's")).toEqual(terms('Korea'));
  });

  it('folds case and diacritics but keeps Hangul composed', () => {
    expect(terms('Kaesŏng')).toEqual(terms('kaesong'));
    expect(terms('CAFÉ')).toEqual(terms('cafe'));
    expect(terms('제주')).toEqual(['제주']);
  });

  it('matches hyphenated, spaced and joined forms', () => {
    expect(terms('Il-sung')).toEqual(expect.arrayContaining(['il', 'sung', 'ilsung']));
    expect(terms('Il sung')).toEqual(['il', 'sung']);
    expect(terms('Ilsung')).toEqual(['ilsung']);
    expect(shares('cease-fire', 'ceasefire')).toBe(true);
  });

  it('joins designations in every written form', () => {
    for (const form of ['Yak 9', 'Yak-9', 'Yak9', 'YAK-9']) expect(terms(form)).toContain('yak9');
    for (const form of ['MiG-15', 'Mig 15', 'MiG15s', 'MiG 15s', 'MIG-15']) expect(terms(form)).toContain('mig15');
    for (const form of ['T34', 'T-34']) expect(terms(form)).toContain('t34');
    for (const form of ['B-29s', 'B29', 'B-29']) expect(terms(form)).toContain('b29');
    // A spaced pair is joined only for short, non-stop letters.
    expect(terms('in 1950')).not.toContain('in1950');
  });

  it('reads numbers, ordinals and decades', () => {
    expect(terms('120,000')).toEqual(['120000']);
    expect(terms('120000')).toEqual(['120000']);
    expect(terms('1,000,000')).toEqual(['1000000']);
    expect(terms("'50s")).toEqual(['1950s']);
    expect(terms('’80s')).toEqual(['1980s']);
    expect(terms("50's")).toEqual(['1950s']);
    expect(terms("1950's")).toEqual(['1950s']);
    expect(terms('1950s')).toEqual(['1950s']);
    expect(terms('38th')).toEqual(['38']);
    expect(terms('1946, 1947')).toEqual(['1946', '1947']);
  });

  it('treats dotted letters and capitals as acronyms, never stemmed or stop words', () => {
    expect(terms('U.N.')).toEqual(['un']);
    expect(terms('UN')).toEqual(['un']);
    expect(terms('U.S.')).toEqual(['us']);
    expect(terms('AIDS')).toEqual(['aids']);
    expect(terms('aids')).toEqual(['aid']);
    const detailed = createAnalyzer({ variants: [], languages: ['en'] }).analyzeDetailed('US troops told us');
    expect(detailed.find((t) => t.raw === 'us' && t.role === 'acronym')?.stop).toBe(false);
    expect(detailed.find((t) => t.raw === 'us' && t.role === 'word')?.stop).toBe(true);
  });

  it('keeps English stemming in an archive that also holds Korean', () => {
    // lunr-languages' Korean module replaces the pipeline and breaks English matching; Folio
    // stems Latin words and bigrams Hangul in one analyzer instead.
    expect(terms('running armies retreating')).toEqual(['run', 'armi', 'retreat']);
    expect(terms('running 민중항쟁')).toEqual(['run', '민중항쟁', '민중', '중항', '항쟁']);
    // Without English among the languages there is no Porter stemming.
    expect(
      createAnalyzer({ variants: [], languages: ['ko'] })
        .analyze('running', 'text')
        .map((t) => t.term),
    ).toEqual(['running']);
  });

  it('indexes Hangul runs whole and as bigrams', () => {
    expect(terms('민중항쟁')).toEqual(['민중항쟁', '민중', '중항', '항쟁']);
    expect(terms('민중')).toEqual(['민중']);
    expect(shares('민중', '제주 4·3 민중항쟁')).toBe(true);
    expect(shares('항쟁', '민중항쟁')).toBe(true);
  });

  it('finds identifiers whole and by their parts', () => {
    expect(terms('work_mem')).toEqual(['work_mem', 'work', 'mem']);
    expect(terms('Set maintenance_work_mem.')).toEqual(['set', 'maintenance_work_mem', 'mainten', 'work', 'mem']);
    expect(terms('os.path.join()')).toEqual(['os.path.join', 'os', 'path', 'join']);
    expect(terms('--keep-boilerplate')).toEqual(['--keep-boilerplate', 'keep', 'boilerpl']);
    expect(terms('std::vector and __init__')).toEqual(['std::vector', 'std', 'vector', 'and', '__init__', 'init']);
    expect(terms('getElementById')).toEqual(['getelementbyid', 'get', 'element', 'by', 'id']);
    // Prose stays prose: abbreviations, numbers, sentence ends, hyphens.
    expect(terms('U.S. army, e.g. version 3.11.2. The end')).toEqual(terms('US army, eg version 3 11 2 The end'));
    expect(shares('mem', 'work_mem')).toBe(true);
  });

  it('gives a Japanese run of kana and Han its bigrams only: a clause is never a term', () => {
    expect(terms('パッケージ管理')).toEqual(['パッ', 'ッケ', 'ケー', 'ージ', 'ジ管', '管理']);
    expect(terms('管理')).toEqual(['管理']);
    expect(shares('パッケージ', 'Debian パッケージ管理システム')).toBe(true);
  });

  it('maps variant spellings to one canonical sequence, spans on the written words', () => {
    expect(terms('Busan')).toEqual(terms('Pusan'));
    expect(terms('부산')).toEqual(terms('Pusan'));
    expect(terms('Yun Bo-seon')).toEqual(terms('Yun Po-sun'));
    expect(terms('Jang Myeon')).toEqual(terms('Chang Myon'));
    expect(written('troops at Busan')).toContainEqual(['pusan', 'Busan']);
    // Only whole words match a form; words around it are untouched.
    expect(terms('Busanese')).not.toContain('pusan');
  });

  it('keeps the written words beside a canonical form of another length', () => {
    const a = createAnalyzer({ variants: [['U.S.', 'US', 'United States']], languages: ['en'] });
    const t = a.analyze('the United States army', 'text').map((x) => x.term);
    expect(t).toEqual(expect.arrayContaining(['us', 'unit', 'state', 'armi']));
  });

  it('produces the stop words (indexed; the searcher drops them from queries)', () => {
    expect(terms('the war')).toEqual(['the', 'war']);
  });

  it('accepts odd manifests', () => {
    const odd = [
      { variants: null, languages: 'en' },
      { variants: [['only one'], [1, 2], 'x', [null, 'Pusan', 'Busan']], languages: [] },
      {},
    ];
    for (const o of odd) expect(() => createAnalyzer(o as never).analyze('Busan running', 'text')).not.toThrow();
    expect(
      createAnalyzer(odd[1] as never)
        .analyze('Busan', 'text')
        .map((t) => t.term),
    ).toEqual(['pusan']);
  });

  it('is safe on odd input', () => {
    for (const s of ['', '\u0000', '😀', '\ud800', '...', "'", 'x'.repeat(10_000), '제'.repeat(5_000)]) {
      expect(() => analyzer.analyze(s, 'text')).not.toThrow();
    }
    expect(analyzer.analyze(undefined as unknown as string, 'text')).toEqual([]);
  });
});
