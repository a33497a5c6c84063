import { describe, expect, it } from 'vitest';
import { MAX_QUERY_CHARS, parseQuery } from '../../main/search/query/index';

describe('query language', () => {
  it('keeps plain words together as one part (analysed in context)', () => {
    expect(parseQuery('Yun Bo-seon')).toEqual({
      parts: [{ text: 'Yun Bo-seon', presence: 'optional', phrase: false }],
      kinds: [],
      partialLast: true,
    });
    expect(parseQuery('Pusan ').partialLast).toBe(false);
  });

  it('parses required, excluded, phrases, fields and kinds', () => {
    const q = parseQuery(
      '+Pusan -Taegu "Heartbreak Ridge" title:war caption:"Seoul Station" kind:media kind:photo soldiers',
    );
    expect(q.kinds.sort()).toEqual(['caption', 'media']);
    expect(q.parts).toEqual([
      { text: 'Pusan', presence: 'required', phrase: false },
      { text: 'Taegu', presence: 'prohibited', phrase: false },
      { text: 'Heartbreak Ridge', presence: 'required', phrase: true },
      { text: 'war', presence: 'optional', phrase: false, fields: ['title'] },
      { text: 'Seoul Station', presence: 'required', phrase: true, fields: ['caption'] },
      { text: 'soldiers', presence: 'optional', phrase: false },
    ]);
  });

  it('treats a hyphen inside a word as text, and unknown prefixes as text', () => {
    expect(parseQuery('Il-sung').parts[0]!.presence).toBe('optional');
    expect(parseQuery('foo:bar').parts).toEqual([{ text: 'foo:bar', presence: 'optional', phrase: false }]);
    expect(parseQuery('kind:nothing').kinds).toEqual([]);
    expect(parseQuery('title:').parts).toEqual([{ text: 'title:', presence: 'optional', phrase: false }]);
  });

  it('never throws and bounds its work', () => {
    const inputs: unknown[] = [
      '',
      ' ',
      '"',
      '""',
      '"unclosed phrase',
      '+',
      '-',
      '+-',
      '~',
      '*',
      ':',
      '\u0000',
      'a\u0000b',
      '😀',
      '\ud800',
      'x'.repeat(10_000),
      '"a '.repeat(5_000),
      '-'.repeat(10_000),
      null,
      undefined,
      42,
      {},
    ];
    for (const input of inputs) {
      const q = parseQuery(input);
      expect(q.parts.length).toBeLessThanOrEqual(32);
      for (const p of q.parts) {
        expect(p.text.length).toBeLessThanOrEqual(MAX_QUERY_CHARS);
        expect(p.text).not.toContain('\u0000');
      }
    }
    expect(parseQuery('"unclosed phrase').parts[0]).toEqual({
      text: 'unclosed phrase',
      presence: 'required',
      phrase: true,
    });
  });

  it('does not cut a surrogate pair in half', () => {
    const q = parseQuery('a'.repeat(MAX_QUERY_CHARS - 1) + '😀😀');
    const text = q.parts.map((p) => p.text).join('');
    expect(text).not.toMatch(/[\ud800-\udbff]$/);
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', async () => {
    const { editDistance } = await import('../../main/search/query/edit-distance');
    expect(editDistance('function', 'function')).toBe(0);
    expect(editDistance('fucntion', 'function')).toBe(1);
    expect(editDistance('chistyakov', 'chistiakov')).toBe(1);
    expect(editDistance('heartbrak', 'heartbreak')).toBe(1);
    expect(editDistance('fucntion', 'junction')).toBe(2);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('민중', '민주')).toBe(1);
  });
});
