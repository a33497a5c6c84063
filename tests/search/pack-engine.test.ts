import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import lunr from 'lunr';
import { afterAll, describe, expect, it } from 'vitest';
import { openSearchEngine, verifySearchIndex, writeSearchIndex } from '../../main/search/engine/pack-index';

const dir = mkdtempSync(join(tmpdir(), 'folio-pack-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function smallIndex(): lunr.Index {
  const b = new lunr.Builder();
  b.pipeline.reset();
  b.searchPipeline.reset();
  b.ref('id');
  b.field('title', { boost: 3 });
  b.field('text');
  b.field('caption', { boost: 2 });
  b.field('media', { boost: 2 });
  b.metadataWhitelist = ['position'];
  const docs = [
    { id: 'p1', title: 'pusan perimeter', text: 'the defence of the pusan perimeter in 1950', caption: '', media: '' },
    { id: 'p2', title: 'inchon', text: 'the landing at inchon turned the war', caption: 'marines at inchon', media: '' },
    { id: 'p3', title: 'chosin', text: 'the chosin reservoir campaign was fought in winter', caption: '', media: 'frozen chosin' },
    { id: 'p4', title: 'seoul', text: 'seoul changed hands four times', caption: 'crowd at seoul station', media: '' },
  ];
  for (const d of docs) b.add(d);
  return b.build();
}

function writePack(file: string, index: lunr.Index): void {
  const db = new Database(file);
  db.transaction(() => writeSearchIndex(db, index))();
  db.close();
}

describe('pack search index', () => {
  it('round-trips through a read-only SQLite file and answers queries', () => {
    const file = join(dir, 'small.folio');
    writePack(file, smallIndex());
    const db = new Database(file, { readonly: true, fileMustExist: true });
    expect(verifySearchIndex(db)).toEqual([]);
    const engine = openSearchEngine(db);
    expect(engine.documentCount).toBe(4);
    expect(engine.hasTerm('pusan')).toBe(true);
    expect(engine.hasTerm('busan')).toBe(false);
    expect(engine.documentFrequency('the')).toBe(3);
    const hits = engine.query([{ term: 'inchon', boost: 1, presence: 'optional' }]);
    expect(hits.map((h) => h.ref)).toEqual(['p2']);
    expect(hits[0]!.matched.get('inchon')?.sort()).toEqual(['caption', 'text', 'title']);
    expect(engine.expandPrefix('se', 10)).toEqual(['seoul']);
    expect(engine.expandFuzzy('chosen', 1, 10)).toEqual(['chosin']);
    expect(engine.query([{ term: 'nothere', boost: 1, presence: 'required' }, { term: 'the', boost: 1, presence: 'optional' }])).toEqual([]);
    db.close();
  });
});
