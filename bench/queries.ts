/**
 * The fixed benchmark query sets: single terms, several terms, prefixes (as-you-type, the last word
 * is a prefix), typos (fuzzy, edit distance 1 in lunr's sense, MiniSearch's fuzzy: 1) and quoted
 * phrases (asked of Folio's searcher and of Kiwix only: the in-memory engines have no phrases).
 */
export type QueryKind = 'single' | 'multi' | 'prefix' | 'typo' | 'phrase';

/** The kinds, in the order tables show them. */
export const QUERY_KINDS: readonly QueryKind[] = ['single', 'multi', 'prefix', 'typo', 'phrase'];

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

const q = (kind: QueryKind, list: string[]): BenchQuery[] => list.map((text) => ({ kind, text }));

export const PYTHON_QUERIES: BenchQuery[] = [
  ...q('single', [
    'dictionary',
    'asyncio',
    'decorator',
    'socket',
    'unicode',
    'exception',
    'thread',
    'lambda',
    'iterator',
    'subprocess',
    'pickle',
    'function',
  ]),
  ...q('multi', [
    'read file line by line',
    'list comprehension',
    'default argument value',
    'context manager protocol',
    'regular expression groups',
    'http server example',
    'unicode string encoding',
    'abstract base class',
    'raise an exception',
    'sort a list of tuples',
  ]),
  ...q('prefix', ['asy', 'dec', 'itert', 'pa', 'con', 's', 'mult', 'coll', 'th', 'string enc', 'context man', 'htt']),
  ...q('typo', [
    'fucntion',
    'dictonary',
    'excepton',
    'iterater',
    'generater',
    'decorater',
    'pyhton',
    'modul',
    'threding',
    'sokcet',
  ]),
  ...q('phrase', [
    '"list comprehension"',
    '"context manager"',
    '"event loop"',
    '"regular expression"',
    '"keyword argument"',
    '"abstract base class"',
    '"standard library"',
    '"default value"',
  ]),
];

export const KOREAN_WAR_QUERIES: BenchQuery[] = [
  ...q('single', [
    'Pusan',
    'Inchon',
    'Seoul',
    'Chosin',
    'armistice',
    'refugees',
    'MacArthur',
    'Truman',
    'marines',
    'currency',
  ]),
  ...q('multi', [
    'Pusan perimeter',
    'Chosin reservoir campaign',
    'Seoul station crowd',
    'Yak 9 fighter',
    'Japanese surrender',
    'Korean War in Color',
    'Kim Il-sung',
    'United Nations forces',
  ]),
  ...q('prefix', ['pus', 'inc', 'kor', 'se', 'chi', 'ar', 'm', 'the fro', 'north kor', 'wea']),
  ...q('typo', ['Inchion', 'Chosen', 'Pusn', 'armistise', 'refugess', 'MacAthur', 'Seol', 'Koera']),
  ...q('phrase', ['"Pusan perimeter"', '"Chosin reservoir"', '"United Nations"', '"Seoul station"']),
];

/** Linux kernel and Rust documentation (the large corpus). */
export const LARGE_QUERIES: BenchQuery[] = [
  ...q('single', [
    'kernel',
    'mutex',
    'iterator',
    'scheduler',
    'interrupt',
    'borrow',
    'lifetime',
    'filesystem',
    'trait',
    'ownership',
    'spinlock',
    'closure',
  ]),
  ...q('multi', [
    'memory barrier',
    'device tree bindings',
    'borrow checker error',
    'page table entry',
    'async await',
    'network driver interrupt',
    'mutable reference',
    'kernel module parameters',
    'trait object safety',
    'power management',
  ]),
  ...q('prefix', ['sched', 'iter', 'spin', 'bor', 'mut', 'dev', 'ke', 'pa', 'async aw', 'memory bar', 'cl', 'inte']),
  ...q('typo', [
    'kernal',
    'mutx',
    'iterater',
    'schedular',
    'interupt',
    'lifetme',
    'filesytem',
    'ownershp',
    'spinlok',
    'closre',
  ]),
  ...q('phrase', [
    '"memory barrier"',
    '"page table"',
    '"borrow checker"',
    '"device tree"',
    '"trait object"',
    '"interrupt handler"',
    '"smart pointer"',
    '"file system"',
  ]),
];

/** The PostgreSQL 15 documentation (Debian's postgresql-doc-15): settings, commands, functions. */
export const POSTGRESQL_QUERIES: BenchQuery[] = [
  ...q('single', ['vacuum', 'work_mem', 'jsonb', 'autovacuum', 'tablespace', 'sequence', 'trigger', 'pg_dump']),
  ...q('multi', [
    'create index concurrently',
    'shared_buffers memory',
    'foreign key constraint',
    'window function rank',
    'point in time recovery',
    'logical replication slot',
  ]),
  ...q('prefix', ['vac', 'autov', 'wal_', 'pg_st', 'create tab', 'json']),
  ...q('typo', ['vacum', 'tablespcae', 'triger', 'replicaton', 'sequnce']),
];

/** The Debian Reference in Japanese (Debian's debian-reference-ja): Japanese words and commands. */
export const DEBIAN_REFERENCE_JA_QUERIES: BenchQuery[] = [
  ...q('single', ['パッケージ', 'apt', 'ネットワーク', 'バックアップ', 'カーネル', 'sudo', '暗号化', 'シェル']),
  ...q('multi', ['パッケージ 管理', 'apt-get install', 'ファイル システム', 'ssh 鍵', 'ユーザー 追加']),
  ...q('prefix', ['パッケ', 'ネット', 'apt-', 'syst']),
  ...q('typo', ['aptitute', 'systemtcl', 'debootstap']),
];

/** A query set by name. */
export function querySet(name: string): BenchQuery[] {
  const sets: Record<string, BenchQuery[]> = {
    python: PYTHON_QUERIES,
    large: LARGE_QUERIES,
    postgresql: POSTGRESQL_QUERIES,
    'debian-reference-ja': DEBIAN_REFERENCE_JA_QUERIES,
  };
  return sets[name] ?? KOREAN_WAR_QUERIES;
}

/** What a reader sends while typing `text`: every prefix of it that ends in a letter, in order. */
export function keystrokes(text: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= text.length; i++) if (/\S$/.test(text.slice(0, i))) out.push(text.slice(0, i));
  return out;
}
