/**
 * Relevance cases for real documentation (issue 12): queries as the manuals' readers type them,
 * each naming the page (section id) that answers it, and where a page is a whole chapter, a
 * substring of the passage. The expected page was chosen by reading the manual, not the ranking.
 */
import type { CorpusName } from './corpora';

export const CORPUS_CATEGORIES = [
  /** Setting, function and program names with underscores or dots: the whole identifier first. */
  'identifier',
  /** SQL keywords and commands, option names. */
  'keyword',
  /** An acronym: the page that explains it, not an index, glossary or acronym list. */
  'acronym',
  /** A word whose index or table-of-contents entry is shorter than the page it points to. */
  'index-entry',
  /** A quoted phrase, and the same words written as one CamelCase identifier. */
  'phrase-camel',
  /** A typo inside a two-word (or longer) query. */
  'typo',
  /** A word still being typed. */
  'prefix',
  /** Korean or Japanese terms, compounds, and Korean/Japanese mixed with English. */
  'cjk',
  /** Plain words. */
  'plain',
] as const;

export type CorpusCategory = (typeof CORPUS_CATEGORIES)[number];

export interface CorpusCase {
  category: CorpusCategory;
  query: string;
  /** The section (page) that must hold a top-3 passage. */
  section: string;
  /** When given, that passage's text must also hold this. */
  text?: string;
  /**
   * Sections (the book's index, glossary, acronym list, table of contents) that point to the
   * expected page: none of their passages may rank above it.
   */
  over?: string[];
}

const c = (category: CorpusCategory, query: string, section: string, text?: string, over?: string[]): CorpusCase => ({
  category,
  query,
  section,
  ...(text === undefined ? {} : { text }),
  ...(over === undefined ? {} : { over }),
});

/** The PostgreSQL manual's index, glossary and acronym list. */
const PG_LISTS = ['index', 'appendix-m-glossary', 'appendix-l-acronyms'];

export const CORPUS_CASES: Record<CorpusName, CorpusCase[]> = {
  postgresql: [
    c('identifier', 'max_connections', '20-3-connections-and-authentication', 'max_connections (integer)'),
    c('identifier', 'shared_buffers', '20-4-resource-consumption', 'shared_buffers (integer)', PG_LISTS),
    c('identifier', 'work_mem', '20-4-resource-consumption', 'work_mem (integer)', PG_LISTS),
    c('identifier', 'effective_cache_size', '20-7-query-planning', 'effective_cache_size (integer)', PG_LISTS),
    c('identifier', 'listen_addresses', '20-3-connections-and-authentication', 'listen_addresses (string)', PG_LISTS),
    c('identifier', 'pg_stat_activity', '28-2-the-cumulative-statistics-system', undefined, PG_LISTS),
    c('identifier', 'generate_series', '9-25-set-returning-functions', undefined, PG_LISTS),
    c('identifier', 'to_char', '9-8-data-type-formatting-functions', undefined, PG_LISTS),
    c('identifier', 'pg_dump', 'pg-dump'),
    c('identifier', 'pg_hba.conf', '21-1-the-pg-hba-conf-file'),
    c('keyword', 'pg_restore custom format', 'pg-restore'),
    c('keyword', 'VACUUM FULL', 'vacuum'),
    c('keyword', 'CREATE INDEX CONCURRENTLY', 'create-index'),
    c('keyword', 'EXPLAIN ANALYZE', '14-1-using-explain'),
    c('keyword', 'WITH RECURSIVE', '7-8-with-queries-common-table-expressions'),
    c('keyword', 'ON CONFLICT DO NOTHING', 'insert'),
    c('acronym', 'WAL', '30-3-write-ahead-logging-wal', undefined, PG_LISTS),
    c('acronym', 'TOAST', '73-2-toast', undefined, PG_LISTS),
    c('index-entry', 'upsert', 'insert', undefined, PG_LISTS),
    c('index-entry', 'LATERAL', '7-2-table-expressions', undefined, PG_LISTS),
    c('index-entry', 'coalesce', '9-18-conditional-expressions', undefined, PG_LISTS),
    c('phrase-camel', '"row level security"', '5-8-row-security-policies'),
    c('phrase-camel', 'RowSecurity', '5-8-row-security-policies'),
    c('typo', 'refresh materialized view concurent', 'refresh-materialized-view'),
    c('typo', 'hot standy', '27-4-hot-standby'),
    c('prefix', 'checkpo', 'checkpoint'),
    c('prefix', 'partit', '5-11-table-partitioning'),
    c('plain', 'logical replication', 'chapter-31-logical-replication'),
    c('acronym', 'JIT', 'chapter-32-just-in-time-compilation-jit', undefined, PG_LISTS),
    c('acronym', 'LSN', '8-20-pg-lsn-type', undefined, PG_LISTS),
    // Typed so far, "Justi" is also Justin Pryzby, named in dozens of release notes.
    c('prefix', 'Justi', '9-9-date-time-functions-and-operators', 'justify_days'),
    c('phrase-camel', 'IntervalStyle', '20-11-client-connection-defaults', 'IntervalStyle (enum)'),
    c('identifier', 'PQconnectdb', '34-1-database-connection-control-functions'),
    c('identifier', 'SPI_execute', 'spi-execute'),
  ],
  'gimp-help-ko': [
    c('cjk', '레이어 마스크', '8장-이미지-합치기', '레이어 마스크', ['색인', '용어집']),
    c('cjk', '자유 선택 도구', '2-4-자유-선택-도구-올가미'),
    c('cjk', '올가미', '2-4-자유-선택-도구-올가미'),
    c('cjk', '그라디언트', '10-그라디언트'),
    c('cjk', '단축키', '키보드-및-마우스-단축키-목록'),
    c('cjk', '키보드 단축키', '키보드-및-마우스-단축키-목록'),
    c('cjk', '팔레트', '12-팔레트'),
    c('cjk', '레이어 그룹', '5-레이어-그룹'),
    c('cjk', '스크립트', '13장-스크립트'),
    c('cjk', '알파 채널', '8장-이미지-합치기', '알파 채널', ['색인', '용어집']),
    c('cjk', 'Script-Fu 스크립트', '2-script-fu-스크립트-사용하기'),
    c('index-entry', '투명도', '2-3-투명한-부분이-있는-이미지-저장하기', undefined, ['색인', '용어집']),
    c('index-entry', '색인', '색인'),
    c('plain', 'Gaussian blur', '3-3-gaussian-blur'),
    c('typo', 'Gausian blur', '3-3-gaussian-blur'),
    c('plain', 'Unsharp Mask', '4-8-sharpen-unsharp-mask'),
    c('prefix', 'unsha', '4-8-sharpen-unsharp-mask'),
    c('acronym', 'GEGL', '5-7-gegl-operation'),
    c('plain', 'Curves', '8-11-curves'),
    c('plain', 'Histogram', '8-50-histogram'),
    c('plain', 'perspective clone', '3-14-perspective-clone'),
    c('plain', 'Brushes dialog', '3-2-brushes-dialog'),
    c('plain', 'mosaic', '5-7-mosaic'),
    c('phrase-camel', '"add layer mask"', '7-23-add-layer-mask'),
    c('plain', 'text tool', '5-6-text'),
    c('cjk', '이미지 크기 바꾸기', '4-2-이미지의-크기-바꾸기-화면용'),
    c('cjk', '크기 조절', '4-6-크기-조절'),
    c('plain', 'Ink tool', '3-11-ink'),
    c('plain', 'paths dialog', '2-3-paths-dialog'),
    c('cjk', 'GIMP 단축키', '키보드-및-마우스-단축키-목록'),
    c('cjk', 'PNG 내보내기', '6장-김프에서-이미지-내보내기', 'PNG'),
  ],
  'debian-reference-ja': [
    c('cjk', 'パッケージ管理', '第2章-debian-パッケージ管理', undefined, ['debian-リファレンス']),
    c('typo', 'パケージ管理', '第2章-debian-パッケージ管理'),
    c('identifier', 'apt-get', '第2章-debian-パッケージ管理', 'apt-get'),
    c('identifier', 'aptitude', '第2章-debian-パッケージ管理', 'aptitude'),
    c('identifier', 'sources.list', '第2章-debian-パッケージ管理', 'sources.list'),
    c('identifier', 'dpkg', '第2章-debian-パッケージ管理', 'dpkg'),
    c('cjk', 'ブートローダー', '第3章-システムの初期化', 'ブートローダー', ['debian-リファレンス']),
    c('plain', 'GRUB', '第3章-システムの初期化', 'GRUB'),
    c('plain', 'systemd', '第3章-システムの初期化', 'Systemd'),
    c('cjk', 'ネットワーク設定', '第5章-ネットワークの設定', 'ネットワーク設定'),
    c('plain', 'sudo', '第4章-認証とアクセスの制御', 'sudo'),
    c('acronym', 'PAM', '第4章-認証とアクセスの制御', 'PAM'),
    c('cjk', 'ロケール', '第8章-i18n-と-l10n', 'ロケール'),
    c('cjk', 'バックアップ', '第10章-データー管理', 'バックアップ'),
    c('identifier', 'rsync', '第10章-データー管理', 'rsync'),
    c('cjk', 'シェルスクリプト', '第12章-プログラミング', 'シェルスクリプト'),
    c('cjk', '正規表現', '第1章-gnu-linux-チュートリアル', '正規表現', ['debian-リファレンス']),
    c('acronym', 'LVM', '第9章-システムに関するティップ', 'LVM'),
    c('cjk', 'フォント', '第7章-gui-システム', 'フォント'),
    c('cjk', 'IBus 日本語', '第8章-i18n-と-l10n'),
    c('plain', 'Git', '第10章-データー管理', 'Git'),
    c('keyword', 'apt-get dist-upgrade', '第2章-debian-パッケージ管理', 'dist-upgrade'),
    c('cjk', 'アップグレード', '第2章-debian-パッケージ管理', 'アップグレード'),
    c('keyword', 'apt pinning', '第2章-debian-パッケージ管理', 'apt-pinning'),
    c('identifier', 'iptables', '第5章-ネットワークの設定', 'iptables'),
    c('cjk', 'ディスク暗号化', '第9章-システムに関するティップ', '暗号化'),
    c('cjk', 'タイムゾーン', '第9章-システムに関するティップ', 'タイムゾーン'),
    c('cjk', 'sudo 設定', '第1章-gnu-linux-チュートリアル', 'sudo の設定'),
    c('cjk', 'apt-get の使い方', '第2章-debian-パッケージ管理', 'apt-get'),
    c('cjk', 'パッケージの検索', '第2章-debian-パッケージ管理', '検索'),
    c('index-entry', '日本語入力', '第8章-i18n-と-l10n', '日本語', ['debian-リファレンス']),
    c('cjk', 'ssh 公開鍵', '第6章-ネットワークアプリケーション'),
    c('acronym', 'UUID', '第9章-システムに関するティップ', 'UUID'),
  ],
};
