/**
 * What `total` counts for Japanese and Korean (issue 12): a run of three characters or more is
 * searched as bigrams, and a passage counts only when it holds the run's characters in order; when
 * none does (a typo), the bigram matches stand and the answer says its total is an estimate.
 * Real pages: two of the Debian Reference in Japanese (tests/fixtures/debian-reference-ja).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSearchablePack } from '../../main/archive/searchable-pack';
import { buildPack } from '../../main/archive/writer/build-pack';
import { textSearcher } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'folio-cjk-total-'));
const file = join(dir, 'debian-reference-ja.folio');
buildPack(resolve(__dirname, '../fixtures/debian-reference-ja'), file);
const archive = openSearchablePack(file);
afterAll(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

const passages = archive.pack
  .sections()
  .flatMap((s) => archive.pack.passagesOfSection(s.id).map((p) => ({ ...p, section: s.title })))
  .filter((p) => !p.repeatOf);
const squeeze = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');
/** Passages whose text, heading or section title holds `run`, spaces ignored. */
const holding = (run: string) =>
  passages.filter((p) => [p.text, p.title ?? '', p.section].some((f) => squeeze(f).includes(run)));

describe('total for a Japanese query', () => {
  it('counts the passages that hold the characters in order, not every bigram match', () => {
    const run = 'パッケージ管理';
    const expected = holding(run);
    const bigrams = ['パッ', 'ッケ', 'ケー', 'ージ', 'ジ管', '管理'];
    const anyBigram = passages.filter((p) => bigrams.some((b) => squeeze(p.text).includes(b)));
    expect(expected.length).toBeGreaterThan(5);
    expect(anyBigram.length).toBeGreaterThan(expected.length);

    const r = archive.search({ query: run, limit: 200 });
    expect(r.totalIsEstimate).toBeUndefined();
    expect(r.total).toBe(expected.length);
    expect(r.results.map((h) => h.passageId).sort()).toEqual(expected.map((p) => p.id).sort());
  });

  it('counts a run written in two scripts with a particle between its parts, not its parts alone', () => {
    // パッケージ|管理 change script: "パッケージを管理" holds them in order, one character apart.
    const texts = [
      'インストールされたパッケージを管理したり、使わないパッケージを削除します。',
      'パッケージの一覧を表示します。',
      'システムの管理者だけが実行できます。',
      'パッケージ管理ツールの比較',
    ];
    const searcher = textSearcher(texts, { idPrefix: 'j', languages: ['ja'], sectionTitle: '章' });
    const r = searcher.search({ query: 'パッケージ管理', limit: 10 });
    expect(r.results.map((h) => h.passageId).sort()).toEqual(['j0', 'j3']);
    expect(r.total).toBe(2);
    expect(r.totalIsEstimate).toBeUndefined();
  });

  it('says the total is an estimate when no passage holds the characters (a typo)', () => {
    expect(holding('パケージ管理')).toEqual([]);
    const r = archive.search({ query: 'パケージ管理', limit: 5 });
    expect(r.totalIsEstimate).toBe(true);
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.some((h) => squeeze(`${h.text}${h.section}`).includes('パッケージ管理'))).toBe(true);
  });

  it('leaves a two-character word and a Latin word exact', () => {
    for (const query of ['管理', 'Debian']) {
      const r = archive.search({ query, limit: 1 });
      expect(r.total, query).toBeGreaterThan(0);
      expect(r.totalIsEstimate, query).toBeUndefined();
    }
  });
});
