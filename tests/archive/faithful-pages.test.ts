/**
 * Real pages from three documentation sets (tests/fixtures/*, with their licences) built into packs:
 * what a reader of the page sees must survive the build — exact code, tables with their header,
 * links that land where the page meant, no navigation bars, the site's own order, languages.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import { openSearchablePack } from '../../main/archive/searchable-pack';
import type { Passage } from '../../main/model/archive';
import { linkTargets, type Block, type Inline, type Row } from '../../main/model/passage-content';
import { tempDir } from '../helpers/temp';

const fixtures = join(__dirname, '..', 'fixtures');
const dir = tempDir();

function build(name: string, options: { keepBoilerplate?: boolean } = {}) {
  const out = join(dir, `${name}${options.keepBoilerplate ? '-kept' : ''}.folio`);
  buildPack(join(fixtures, name), out, options);
  const pack = openPack(out);
  const passages: Passage[] = pack.sections().flatMap((s) => pack.passagesOfSection(s.id));
  return { out, pack, passages };
}

/** Every text run of inline content, as written (no normalising). */
function rawText(nodes: readonly Inline[]): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      if (n[0] === 'br') return '\n';
      if (n[0] === 'img') return n[1];
      return rawText(n.slice(n[0] === 'a' || n[0] === 'lang' ? 2 : 1) as Inline[]);
    })
    .join('');
}

describe('PostgreSQL documentation (DocBook XSL)', () => {
  const { out, pack, passages } = build('postgresql-15');

  it('keeps preformatted text exact, spaces and newlines included, and still finds its words', () => {
    const example = passages.find((p) => p.content?.[0] === 'pre' && p.text.includes('INSERT INTO test2'));
    const code = rawText(example!.content!.slice(1) as Inline[]);
    expect(code).toContain("INSERT INTO test2 VALUES ('good      ');\n");
    expect(code).toContain('\n   b   | char_length\n-------+-------------\n ok    |           2\n');
    // The plain text stays what search and snippets use.
    expect(example!.text).toContain("INSERT INTO test2 VALUES ('good ');");
    const searchable = openSearchablePack(out);
    try {
      const ids = searchable.search({ query: 'char_length test2', limit: 3 }).results.map((r) => r.passageId);
      expect(ids).toContain(example!.id);
    } finally {
      searchable.close();
    }
  });

  it('finds an identifier whole first, and by its parts', () => {
    const searchable = openSearchablePack(out);
    try {
      const whole = searchable.search({ query: 'char_length', limit: 3 }).results.map((r) => r.text);
      expect(whole[0]).toBe('The char_length function is discussed in Section 9.4.');
      const parts = searchable.search({ query: 'char length', limit: 50 }).results.map((r) => r.text);
      expect(parts).toContain('The char_length function is discussed in Section 9.4.');
    } finally {
      searchable.close();
    }
  });

  it('makes a table one passage, with its caption and header row, never a passage per cell', () => {
    const table = passages.find((p) => p.text.startsWith('Table 8.4. Character Types'));
    expect(table?.content?.[0]).toBe('table');
    const [, info, ...rows] = table!.content as ['table', { head: number; caption?: Inline[] }, ...Row[]];
    expect(info.head).toBe(1);
    expect(rawText(info.caption!)).toBe('Table 8.4. Character Types');
    expect(rows.map((r) => r.map((cell) => [cell[0], rawText(cell.slice(3) as Inline[])]))).toEqual([
      [
        ['th', 'Name'],
        ['th', 'Description'],
      ],
      [
        ['td', 'character varying(n), varchar(n)'],
        ['td', 'variable-length with limit'],
      ],
      [
        ['td', 'character(n), char(n)'],
        ['td', 'fixed-length, blank padded'],
      ],
      [
        ['td', 'text'],
        ['td', 'variable unlimited length'],
      ],
    ]);
    expect(passages.filter((p) => p.text === 'variable-length with limit')).toEqual([]);
  });

  it('cuts a long table into passages of whole rows that repeat the header', () => {
    const parts = passages.filter((p) => p.content?.[0] === 'table' && p.sectionId === 'chapter-8-data-types');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      const [, info, header] = part.content as ['table', { head: number; continued?: true }, Row];
      expect(header.map((cell) => rawText(cell.slice(3) as Inline[]))).toEqual(['Name', 'Aliases', 'Description']);
      expect(info.continued).toBe(i === 0 ? undefined : true);
      // The repeated header is shown, not searched again.
      expect(part.text.includes('Name Aliases Description')).toBe(i === 0);
    }
    expect(parts.map((p) => p.text).join(' ')).toContain('uuid universally unique identifier xml XML data');
  });

  it('resolves links between pages to sections and passages, and keeps links that leave the archive as URLs', () => {
    const prose = passages.find((p) => p.text.startsWith('Table 8.4 shows the general-purpose character types'));
    const table84 = passages.find((p) => p.text.startsWith('Table 8.4. Character Types'));
    expect(linkTargets(prose!.content!)).toEqual([{ section: '8-3-character-types', passage: table84!.id }]);
    const charset = passages.find((p) => p.text.includes('For more information refer to Section 24.3'));
    expect(linkTargets(charset!.content!)).toEqual([{ url: 'multibyte.html' }]);
    const toc = passages.find((p) => p.text === '8.2. Monetary Types' && p.sectionId === 'chapter-8-data-types');
    expect(linkTargets(toc!.content!)).toEqual([{ section: '8-2-monetary-types' }]);
    // Every internal target names a section that exists, and a passage of that section.
    const sections = new Set(pack.sections().map((s) => s.id));
    for (const p of passages) {
      for (const target of p.content ? linkTargets(p.content) : []) {
        if ('url' in target) continue;
        expect(sections.has(target.section)).toBe(true);
        if (target.passage) expect(pack.passage(target.passage)?.sectionId).toBe(target.section);
      }
    }
  });

  it('leaves the navigation bars out, unless asked to keep them', () => {
    const chrome = /^(?:Prev|Next|Up|Home)$|Prev\s+Up\s+Home\s+Next/u;
    expect(passages.filter((p) => chrome.test(p.text)).map((p) => p.text)).toEqual([]);
    const kept = build('postgresql-15', { keepBoilerplate: true });
    expect(kept.passages.filter((p) => /Prev\s+Up\s+.*Home\s+Next/u.test(p.text)).length).toBeGreaterThan(0);
  });

  it("reads the pages in the book's order, with its hierarchy, not by file name", () => {
    expect(pack.sections().map((s) => [s.title, s.depth])).toEqual([
      ['PostgreSQL 15.20 Documentation', 0],
      ['Chapter 8. Data Types', 0],
      ['8.1. Numeric Types', 1],
      ['8.2. Monetary Types', 1],
      ['8.3. Character Types', 1],
      ['8.4. Binary Data Types', 1],
    ]);
    expect(pack.manifest).toMatchObject({ title: 'PostgreSQL 15.20 Documentation', languages: ['en'] });
  });

  it('keeps inline code, emphasis and notes', () => {
    const tip = passages.find(
      (p) => p.content?.[0] === 'note' && p.text.startsWith('There is no performance difference'),
    );
    expect(tip?.content?.[1]).toBe('Tip');
    expect(tip?.text).not.toMatch(/^Tip/u);
    const prose = passages.find((p) => p.text.startsWith('SQL defines two primary character types'));
    expect(prose?.content).toEqual(
      expect.arrayContaining(['p', ['code', 'character varying(', ['em', ['code', 'n']], ')']]),
    );
  });
});

describe('GIMP manual, Korean edition', () => {
  const { pack, passages } = build('gimp-help-ko');
  const main = pack.manifest.languages[0];
  const langOf = (p: Passage) => p.lang ?? main;

  it('gives each passage its language by its script, and lists the languages the pack holds', () => {
    expect([...pack.manifest.languages].sort()).toEqual(['en', 'ko']);
    const korean = passages.find((p) => p.text.startsWith('프로시저 브라우저 명령은'));
    expect(langOf(korean!)).toBe('ko');
    const english = passages.find((p) => p.text.startsWith('The Sharpen command reduces the amount of blur'));
    expect(langOf(english!)).toBe('en');
    const untranslated = passages.find((p) =>
      p.text.startsWith('Shows a list of procedures which have one of four types'),
    );
    expect(langOf(untranslated!)).toBe('en');
  });

  it('reads a note as one passage with its label, without its icon', () => {
    expect(passages.filter((p) => p.text.includes('[참고]'))).toEqual([]);
    const note = passages.find((p) => p.text.includes('이 질의는 텍스트를 갖고 처리되지만'));
    const dd = note!.content as Block;
    expect(dd[0]).toBe('dd');
    expect((dd.slice(1) as Block[]).find((b) => b[0] === 'note')?.[1]).toBe('참고');
    expect(note!.text).not.toContain('참고 이 질의는');
  });

  it('keeps a figure with its caption and its image as a reference', () => {
    expect(passages.find((p) => p.kind === 'caption')).toMatchObject({
      text: '그림 16.279. “프로시저 브라우저” 대화 창',
      media: { type: 'image', present: false, source: 'images/menus/help/procedure-browser.png' },
    });
  });
});

describe('Debian Reference, Japanese edition', () => {
  const { pack } = build('debian-reference-ja');

  it('takes its title from the home page (index.ja.html) and its languages from what it holds', () => {
    expect(pack.manifest.title).toBe('Debian リファレンス');
    expect(pack.manifest.languages[0]).toBe('ja');
    expect(pack.sections().map((s) => s.title)).toEqual(['Debian リファレンス', '付録A 補遺']);
  });
});

describe('a page nested 100,000 levels deep', () => {
  it('builds, its deep text a passage like any other', () => {
    const site = join(dir, 'deep-site');
    mkdirSync(site, { recursive: true });
    const depth = 100_000;
    writeFileSync(
      join(site, 'index.html'),
      `<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}<p>The bottom of the well.</p>${'</div>'.repeat(depth)}<p>After it.</p></body></html>`,
    );
    const out = join(dir, 'deep.folio');
    buildPack(site, out);
    const pack = openPack(out);
    const texts = pack.sections().flatMap((s) => pack.passagesOfSection(s.id).map((p) => p.text));
    expect(texts).toEqual(['The bottom of the well.', 'After it.']);
    pack.close();
  });
});

describe('the embedded archive', () => {
  it('marks the Korean words of an English passage as Korean', () => {
    const out = join(dir, 'korean-war.folio');
    buildPack(join(__dirname, '..', '..', 'archive', 'korean-war'), out);
    const pack = openPack(out);
    const jeju = pack
      .sections()
      .flatMap((s) => pack.passagesOfSection(s.id))
      .find((p) => p.text.includes('민중항쟁'));
    expect(jeju?.lang).toBeUndefined();
    expect(JSON.stringify(jeju?.content)).toContain(JSON.stringify(['lang', 'ko', '제주 4·3 민중항쟁']));
    expect(readFileSync(out).length).toBeGreaterThan(0);
    pack.close();
  });
});
