/**
 * The fixed benchmark query sets: single terms, several terms, prefixes (as-you-type, the last word
 * is a prefix) and typos (fuzzy, edit distance 1 in lunr's sense, MiniSearch's fuzzy: 1).
 */
export type QueryKind = 'single' | 'multi' | 'prefix' | 'typo';

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
