/** Markdown keeps its structure in the same model as HTML; section ids keep every script's characters. */
import { describe, expect, it } from 'vitest';
import type { PassageBlock } from '../../main/archive/source/blocks';
import { readMarkdown } from '../../main/archive/source/markdown';
import { slug } from '../../main/archive/source/slug';

const passages = (markdown: string): PassageBlock[] =>
  readMarkdown(markdown, 'page.md').filter((b): b is PassageBlock => b.type === 'passage');

describe('Markdown structure', () => {
  it('keeps emphasis, code, links and line breaks, with the words as the plain text', () => {
    const [p] = passages('Set *only* `work_mem`, **not** [the rest](other.md#memory).  \nThen restart.\n');
    expect(p?.text).toBe('Set only work_mem, not the rest. Then restart.');
    expect(p?.content).toEqual([
      'p',
      'Set ',
      ['em', 'only'],
      ' ',
      ['code', 'work_mem'],
      ', ',
      ['strong', 'not'],
      ' ',
      ['a', { url: 'other.md#memory' }, 'the rest'],
      '.',
      ['br'],
      'Then restart.',
    ]);
  });

  it('keeps fenced code exact and lists with their numbers', () => {
    const blocks = passages('```\nSELECT  a,\n        b;\n```\n\n3. three\n4. four\n\n- a bullet\n');
    expect(blocks.map((b) => b.content)).toEqual([
      ['pre', 'SELECT  a,\n        b;'],
      ['ol', 3, [['p', 'three']]],
      ['ol', 4, [['p', 'four']]],
      ['ul', [['p', 'a bullet']]],
    ]);
    expect(blocks[0]?.text).toBe('SELECT a, b;');
  });

  it('reads a table as one passage with its header row', () => {
    const [table] = passages('| Name | Size |\n| --- | --- |\n| `name` | 64 bytes |\n');
    expect(table?.content).toEqual([
      'table',
      { head: 1 },
      [
        ['th', 1, 1, 'Name'],
        ['th', 1, 1, 'Size'],
      ],
      [
        ['td', 1, 1, ['code', 'name']],
        ['td', 1, 1, '64 bytes'],
      ],
    ]);
    expect(table?.text).toBe('Name Size name 64 bytes');
  });

  it('leaves a plain paragraph plain: its text says it all', () => {
    expect(passages('Just words here.\n')[0]).toMatchObject({ text: 'Just words here.', content: null });
  });
});

describe('section ids', () => {
  it('keep Japanese voicing marks and Hangul whole, in NFC, and drop Latin accents', () => {
    expect(slug('第2章 Debian パッケージ管理')).toBe('第2章-debian-パッケージ管理');
    expect(slug('ガイド'.normalize('NFD'))).toBe('ガイド');
    expect(slug('12.8. 프로시저 브라우저')).toBe('12-8-프로시저-브라우저');
    expect(slug('Kaesŏng and Pyŏngyang')).toBe('kaesong-and-pyongyang');
  });
});
