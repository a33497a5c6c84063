/**
 * `folio build`: compiles an archive source folder (a curated source with folio.json, or a plain
 * website folder) into a pack. Read the source (source/), plan the archive (assemble.ts: every id,
 * section and media file), then stream its passages, each made and indexed (main/search) as the
 * pack writer stores it (write-pack.ts): a saved site's passages wait on disk, not in memory. The
 * output is deterministic: the same source gives the same pack, byte for byte.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Manifest, Passage } from '../../model/archive';
import { SourceError } from '../../model/errors';
import { createAnalyzer } from '../../search/analyzer/index';
import { analysisSlices } from '../../search/analyzer/slices';
import { toIndexDocument } from '../../search/documents';
import { writeSearchIndex } from '../../search/indexer/write-search-index';
import { DocumentIndexer } from '../../search/indexer/index-documents';
import { analyzerFingerprint } from '../fingerprint';
import { readSource } from '../source/read-source';
import { planArchive } from './assemble';
import { collectGarbage } from './collect-garbage';
import { writePack } from './write-pack';

/** Passages streamed between two garbage collections (collect-garbage.ts). */
const GC_EVERY = 100_000;
/**
 * Characters of a field analysed at once: a source file shown whole, millions of characters, is
 * indexed a slice at a time (analyzer/slices.ts), its tokens never all in memory.
 */
const ANALYSIS_SLICE = 1 << 16;
/** Characters of one text analysed between two garbage collections (see `slices`). */
const GC_EVERY_CHARS = 1 << 19;

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
  let indexer: DocumentIndexer | undefined;
  try {
    const plan = planArchive(source, options.onWarning);
    if (plan.passageCount === 0) throw new SourceError(`${sourceDir}: the source has no passages`);
    // Planning leaves as much garbage as it keeps (every page's outline): gone before the passages come.
    collectGarbage();

    const analyzer = createAnalyzer({ variants: plan.manifest.variants, languages: plan.manifest.languages });
    // Straight into the pack's tables; lunr.Builder would give the same tables, slower (search/indexer/index-documents.ts).
    progress('indexing')(0, plan.indexedIds.length);
    const variants = plan.manifest.variants.length > 0;
    const index = (indexer = new DocumentIndexer(plan.indexedIds, analyzer, undefined, (text) =>
      slices(text, variants),
    ));
    const sectionTitles = new Map(plan.sections.map((s) => [s.id, s.title]));
    function* indexed(): Generator<Passage> {
      for (const p of plan.passages()) {
        if (!p.repeatOf) index.add(toIndexDocument(p, sectionTitles.get(p.sectionId) ?? ''));
        yield p;
        if ((p.ordinal + 1) % GC_EVERY === 0) collectGarbage();
      }
      // Every passage is in: what the source kept for them can go before the index is finished.
      source.close?.();
    }

    const target = resolve(outFile);
    const checksums = writePack(target, {
      archive: { ...plan, passages: indexed() },
      analyzerFingerprint: analyzerFingerprint(analyzer),
      writeSearchIndex: (db) => writeSearchIndex(db, index.finish()),
      onProgress: progress('writing'),
    });
    return {
      outFile: target,
      manifest: plan.manifest,
      passages: plan.passageCount,
      sections: plan.sections.length,
      media: { referenced: plan.media.length, included: plan.media.filter((m) => m.ref.present).length },
      bytes: statSync(target).size,
      ...checksums,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    indexer?.close();
    source.close?.();
  }
}

/**
 * A field's text in slices for the indexer (analyzer/slices.ts; `variants`: whether the archive has
 * a variant table). The analyzer's garbage from a text of millions of characters is collected as it
 * goes: V8 would let hundreds of megabytes of it pile up first, above all that a large build holds.
 */
function slices(text: string, variants: boolean): Iterable<string> {
  // Nearly every text is short: no generator for those.
  return text.length <= ANALYSIS_SLICE ? [text] : collected(analysisSlices(text, ANALYSIS_SLICE, variants));
}

function* collected(slices: Iterable<string>): Generator<string> {
  let analysed = 0;
  for (const slice of slices) {
    yield slice;
    analysed += slice.length;
    if (analysed >= GC_EVERY_CHARS) {
      collectGarbage();
      analysed = 0;
    }
  }
}
