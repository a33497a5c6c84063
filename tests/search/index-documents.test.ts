/**
 * indexer/index-documents.ts indexes documents without lunr.Builder. The pack it writes must be the one lunr's
 * own index gives, table by table and byte for byte: same terms and term indices, same postings,
 * idf, field lengths, refs and prefix lists. engine-equivalence.test.ts then holds for both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticCorpus } from '../../bench/synthetic-corpus';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import { toIndexDocuments } from '../../main/search/documents';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { buildLunrIndex } from '../reference/lunr-build';
import { indexDocuments } from '../../main/search/indexer/index-documents';
import { SEARCH_TABLES } from '../../main/search/format/schema';
import { writeSearchIndex } from '../../main/search/indexer/write-search-index';
import type { Analyzer, IndexDocument } from '../../main/search/types';
import { tablesFromLunr } from '../reference/tables-from-lunr';

const dir = mkdtempSync(join(tmpdir(), 'folio-indexer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every search table, in key order. */
function dumpTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return Object.fromEntries(SEARCH_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1`).raw().all()]));
  } finally {
    db.close();
  }
}

function write(name: string, tables: Parameters<typeof writeSearchIndex>[1]): Record<string, unknown[]> {
  const file = join(dir, `${name}.folio`);
  const db = new Database(file);
  db.transaction(() => writeSearchIndex(db, tables))();
  db.close();
  return dumpTables(file);
}

function expectSameTables(name: string, docs: IndexDocument[], analyzer: Analyzer): void {
  const viaLunr = write(`${name}-lunr`, tablesFromLunr(buildLunrIndex(docs, analyzer)));
  const direct = write(`${name}-direct`, indexDocuments(docs, analyzer));
  // Postings are in term blocks (rare terms) or rows of their own: some must have been written.
  const meta = (viaLunr['search_meta'] as [string, string][]).find(([key]) => key === 'meta')!;
  expect((JSON.parse(meta[1]) as { postingCount: number }).postingCount).toBeGreaterThan(0);
  for (const table of SEARCH_TABLES) expect(direct[table], table).toEqual(viaLunr[table]);
}

describe('indexDocuments writes the tables of lunr.Builder’s index', () => {
  const english = createAnalyzer({ variants: [], languages: ['en'] });

  it('on a generated corpus', () => {
    expectSameTables('synthetic', syntheticCorpus({ docs: 1500, seed: 7 }), english);
  });

  it('with array-index-like refs, which V8 enumerates first (the add_order blob)', () => {
    const docs = syntheticCorpus({ docs: 600, seed: 3, numericRefs: true });
    expect(docs.some((d) => /^\d+$/.test(d.id))).toBe(true);
    expectSameTables('numeric', docs, english);
  });

  it('on the embedded archive, with its variant table, Hangul and designations', () => {
    const file = join(dir, 'korean-war.folio');
    buildPack(resolve(__dirname, '../../archive/korean-war'), file);
    const pack = openPack(file);
    try {
      const sections = pack.sections();
      const passages = sections.flatMap((s) => pack.passagesOfSection(s.id));
      expectSameTables('korean-war', toIndexDocuments(passages, sections), createAnalyzer(pack.manifest));
    } finally {
      pack.close();
    }
  });

  it('with empty fields, empty documents and a field no document uses', () => {
    const docs: IndexDocument[] = [
      {
        id: 'a',
        kind: 'text',
        fields: { title: 'Pusan', text: 'the perimeter held the perimeter', caption: '', media: '' },
      },
      { id: 'b', kind: 'text', fields: { title: '', text: '', caption: '', media: '' } },
      { id: 'c', kind: 'caption', fields: { title: 'Pusan', text: '', caption: 'Marines at Pusan, 1950', media: '' } },
    ];
    expectSameTables('edges', docs, english);
  });

  it('refuses two documents with the same id', () => {
    const doc: IndexDocument = { id: 'same', kind: 'text', fields: { title: '', text: 'x', caption: '', media: '' } };
    expect(() => indexDocuments([doc, { ...doc }], english)).toThrow(/same id/);
  });
});
