/**
 * Links between pages of the archive are resolved at build time, once every passage has its id:
 * a link to a page lands on its section, a link to an anchor on the passage that holds it. A link
 * whose target is not in the archive keeps its URL, which the reader shows and never opens.
 *
 * The builder meets passages twice (writer/assemble.ts): first every anchor is noted, with the
 * passage that holds it, then each passage's links are resolved as it is written.
 */
import { linkTargets, type Block, type LinkTarget } from '../../model/passage-content';
import { localHref } from './hrefs';
import { SortedKeys } from './sorted-keys';

/** Points `target` (an object inside a passage's content) somewhere else, in place. */
function retarget(target: LinkTarget, to: LinkTarget): void {
  const fields = target as Record<string, unknown>;
  for (const key of Object.keys(fields)) delete fields[key];
  Object.assign(fields, to);
}

/** Where a link can land: each file's section and each anchor's passage (by ordinal), first in reading order. */
export class LinkTargetIndex {
  private readonly sectionOfFile = new Map<string, string>();
  /** Anchors by file: a million `file#anchor` keys spelled out would cost twice the memory. */
  private anchors = new Map<string, Map<string, number>>();
  /** `file#anchor` lower-cased, for the keys that are not already: links that differ only in case. */
  private folded = new Map<string, number>();
  /** The same, packed once every passage is noted (seal). */
  private sealedAnchors: Map<string, SortedKeys> | null = null;
  private sealedFolded: SortedKeys | null = null;

  /** Notes a passage; called for every passage in reading order, before any link is resolved. */
  add(file: string, sectionId: string, ordinal: number, anchors: readonly string[]): void {
    if (this.sealedAnchors) throw new Error('internal: a passage noted after its links were resolved');
    if (!this.sectionOfFile.has(file)) this.sectionOfFile.set(file, sectionId);
    if (anchors.length === 0) return;
    let byAnchor = this.anchors.get(file);
    if (!byAnchor) this.anchors.set(file, (byAnchor = new Map<string, number>()));
    for (const anchor of anchors) {
      if (!byAnchor.has(anchor)) byAnchor.set(anchor, ordinal);
      const key = `${file}#${anchor}`;
      const lower = key.toLowerCase();
      if (lower !== key && !this.folded.has(lower)) this.folded.set(lower, ordinal);
    }
  }

  /** Packs the anchors (sorted-keys.ts) once every passage is noted: links are resolved against those. */
  seal(): { anchors: Map<string, SortedKeys>; folded: SortedKeys } {
    if (!this.sealedAnchors || !this.sealedFolded) {
      this.sealedAnchors = new Map();
      for (const [file, byAnchor] of this.anchors) this.sealedAnchors.set(file, new SortedKeys(byAnchor));
      this.sealedFolded = new SortedKeys(this.folded);
      this.anchors = new Map();
      this.folded = new Map();
    }
    return { anchors: this.sealedAnchors, folded: this.sealedFolded };
  }

  /**
   * The first passage whose `file#anchor` is `key`. A file name may hold `#` too, so every split
   * of the key is tried, and the first passage in reading order wins, as for the whole key.
   */
  private exact(key: string): number | undefined {
    const { anchors } = this.seal();
    let found: number | undefined;
    for (let at = key.indexOf('#'); at >= 0; at = key.indexOf('#', at + 1)) {
      const ordinal = anchors.get(key.slice(0, at))?.get(key.slice(at + 1));
      if (ordinal !== undefined && (found === undefined || ordinal < found)) found = ordinal;
    }
    return found;
  }

  /** The first passage whose `file#anchor`, lower-cased, is `lower`: one already in lower case, or one that folds to it. */
  private foldedMatch(lower: string): number | undefined {
    const same = this.exact(lower);
    const folded = this.seal().folded.get(lower);
    if (same === undefined) return folded;
    return folded === undefined ? same : Math.min(same, folded);
  }

  /**
   * Resolves the links of a passage's content, in place: `from` is the passage's file, `passage`
   * names a passage by its ordinal.
   */
  resolve(content: Block, from: string, passage: (ordinal: number) => { section: string; passage: string }): void {
    for (const target of linkTargets(content)) {
      if (!('url' in target)) continue;
      const local = localHref(target.url, from);
      const section = local ? this.sectionOfFile.get(local.file) : undefined;
      if (!local || !section) continue;
      const key = `${local.file}#${local.anchor ?? ''}`;
      const hit = local.anchor ? (this.exact(key) ?? this.foldedMatch(key.toLowerCase())) : undefined;
      retarget(target, hit !== undefined ? passage(hit) : { section });
    }
  }
}
