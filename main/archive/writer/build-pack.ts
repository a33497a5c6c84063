/**
 * `folio build`: compiles an archive source folder (a curated source with folio.json, or a plain
 * website folder) into a pack. Read the source (source/), assemble passages (assemble.ts), index
 * them (main/search), write the pack (write-pack.ts). The output is deterministic: the same source
 * gives the same pack, byte for byte.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manifest } from '../../model/archive';
import { SourceError } from '../../model/errors';
import { createAnalyzer } from '../../search/analyzer/index';
import { toIndexDocuments } from '../../search/documents';
import { writeSearchIndex } from '../../search/indexer/write-search-index';
import { indexDocuments } from '../../search/indexer/index-documents';
import { analyzerFingerprint } from '../fingerprint';
import { readSource } from '../source/read-source';
import { assemble } from './assemble';
import { writePack } from './write-pack';

export interface BuildProgress {
  phase: 'reading' | 'indexing' | 'writing';
  done: number;
  total: number;
}

export interface BuildOptions {
  onProgress?: (progress: BuildProgress) => void;
  /** Keep navigation bars, breadcrumbs and footers of a saved site as passages. */
  keepBoilerplate?: boolean;
  /** One line per file a saved website's build skips or leaves out (a curated source is refused instead). */
  onWarning?: (message: string) => void;
}

export interface BuildResult {
  outFile: string;
  manifest: Manifest;
  passages: number;
  sections: number;
  media: { referenced: number; included: number };
  bytes: number;
  contentSha256: string;
  indexSha256: string;
  ms: number;
}

/** Builds `sourceDir` into the pack `outFile`. Throws SourceError, naming the file and line, for a bad source. */
export function buildPack(sourceDir: string, outFile: string, options: BuildOptions = {}): BuildResult {
  const started = performance.now();
  const progress = (phase: BuildProgress['phase']) => (done: number, total: number) =>
    options.onProgress?.({ phase, done, total });
  const source = readSource(sourceDir, {
    onProgress: progress('reading'),
    onWarning: options.onWarning,
    keepBoilerplate: options.keepBoilerplate ?? false,
  });
  const archive = assemble(source, options.onWarning);
  if (archive.passages.length === 0) throw new SourceError(`${sourceDir}: the source has no passages`);

  const analyzer = createAnalyzer({ variants: archive.manifest.variants, languages: archive.manifest.languages });
  // Straight into the pack's tables; lunr.Builder would give the same tables, slower (search/indexer/index-documents.ts).
  const documents = toIndexDocuments(archive.passages, archive.sections);
  progress('indexing')(0, documents.length);
  const index = indexDocuments(documents, analyzer, progress('indexing'));

  const target = resolve(outFile);
  const checksums = writePack(target, {
    archive,
    analyzerFingerprint: analyzerFingerprint(analyzer),
    writeSearchIndex: (db) => writeSearchIndex(db, index),
    onProgress: progress('writing'),
  });
  return {
    outFile: target,
    manifest: archive.manifest,
    passages: archive.passages.length,
    sections: archive.sections.length,
    media: { referenced: archive.media.length, included: archive.media.filter((m) => m.ref.present).length },
    bytes: statSync(target).size,
    ...checksums,
    ms: Math.round(performance.now() - started),
  };
}
