/**
 * The pack: one SQLite file holding an archive's manifest, sections, passages, media and search
 * index, opened read-only by readers (the way Kiwix treats a ZIM). Passage text is stored in
 * Brotli-compressed blocks of consecutive passages, so a large archive stays small on disk while a
 * section (consecutive passages) costs one or two block reads.
 */
export const PACK_FORMAT_VERSION = 1;
/** The SQLite `application_id` header field: "FOLI". Lets `folio` reject other SQLite files early. */
export const PACK_APPLICATION_ID = 0x464f4c49;
/** Uncompressed size a text block grows to before a new one starts. */
export const TEXT_BLOCK_BYTES = 48 * 1024;

export const PACK_SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sections (
  ordinal INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_is_metadata INTEGER NOT NULL
);
CREATE TABLE text_blocks (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE passages (
  ordinal INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  section INTEGER NOT NULL REFERENCES sections(ordinal),
  kind TEXT NOT NULL CHECK (kind IN ('text', 'caption', 'media', 'heading')),
  title TEXT,
  level INTEGER,
  media_id TEXT REFERENCES media(id),
  repeat_of TEXT,
  prov_file TEXT NOT NULL,
  prov_start INTEGER NOT NULL,
  prov_end INTEGER NOT NULL,
  block INTEGER NOT NULL REFERENCES text_blocks(id),
  byte_offset INTEGER NOT NULL,
  byte_length INTEGER NOT NULL
);
CREATE INDEX passages_by_section ON passages(section, ordinal);
CREATE TABLE media (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('image', 'video', 'audio')),
  mime TEXT,
  source TEXT,
  present INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  sha256 TEXT,
  data BLOB
) WITHOUT ROWID;
`;

/** Keys of the meta table. */
export const META = {
  formatVersion: 'format_version',
  manifest: 'manifest',
  contentSha256: 'content_sha256',
  indexSha256: 'index_sha256',
  analyzerVersion: 'analyzer_version',
  builtBy: 'built_by',
} as const;
