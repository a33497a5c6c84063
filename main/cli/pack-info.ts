/** What `folio info` reports of a pack: read here, printed by info-command.ts (and checked by the damage tests). */
import { statSync } from 'node:fs';
import type { Manifest } from '../model/archive';
import type { KindCounts } from '../model/passage-kind';
import { openPack } from '../archive/pack';

export interface PackInfo {
  path: string;
  bytes: number;
  formatVersion: number;
  manifest: Manifest;
  passages: number;
  kinds: KindCounts;
  sections: { id: string; title: string; passages: number }[];
}

/** Throws PackError, with a one-line message, for a pack that cannot be read or is damaged. */
export function readPackInfo(path: string): PackInfo {
  const pack = openPack(path);
  try {
    return {
      path,
      bytes: statSync(path).size,
      formatVersion: pack.formatVersion,
      manifest: pack.manifest,
      passages: pack.passageCount(),
      kinds: pack.kindCounts(),
      sections: pack.sections().map((s) => ({ id: s.id, title: s.title, passages: s.passageCount })),
    };
  } finally {
    pack.close();
  }
}
