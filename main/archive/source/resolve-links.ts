/**
 * Links between pages of the archive are resolved at build time, once every passage has its id:
 * a link to a page lands on its section, a link to an anchor on the passage that holds it. A link
 * whose target is not in the archive keeps its URL, which the reader shows and never opens.
 */
import type { Passage } from '../../model/archive';
import { linkTargets, type LinkTarget } from '../../model/passage-content';
import type { SourceBlock } from './blocks';
import { localHref } from './hrefs';

/** Points `target` (an object inside a passage's content) somewhere else, in place. */
function retarget(target: LinkTarget, to: LinkTarget): void {
  const fields = target as Record<string, unknown>;
  for (const key of Object.keys(fields)) delete fields[key];
  Object.assign(fields, to);
}

/** Resolves the links in `passages`, which are the passage blocks of `blocks`, assembled, in the same order. */
export function resolveLinks(blocks: readonly SourceBlock[], passages: readonly Passage[]): void {
  const sectionOfFile = new Map<string, string>();
  const byAnchor = new Map<string, Passage>();
  const byFoldedAnchor = new Map<string, Passage>();
  const files: string[] = [];
  let next = 0;
  for (const block of blocks) {
    if (block.type !== 'passage') continue;
    const passage = passages[next++];
    if (!passage) break;
    files.push(block.file);
    if (!sectionOfFile.has(block.file)) sectionOfFile.set(block.file, passage.sectionId);
    for (const anchor of block.anchors) {
      const key = `${block.file}#${anchor}`;
      if (!byAnchor.has(key)) byAnchor.set(key, passage);
      if (!byFoldedAnchor.has(key.toLowerCase())) byFoldedAnchor.set(key.toLowerCase(), passage);
    }
  }
  passages.forEach((passage, i) => {
    const from = files[i];
    if (!passage.content || from === undefined) return;
    for (const target of linkTargets(passage.content)) {
      if (!('url' in target)) continue;
      const local = localHref(target.url, from);
      const section = local ? sectionOfFile.get(local.file) : undefined;
      if (!local || !section) continue;
      const key = `${local.file}#${local.anchor ?? ''}`;
      const hit = local.anchor ? (byAnchor.get(key) ?? byFoldedAnchor.get(key.toLowerCase())) : undefined;
      retarget(target, hit ? { section: hit.sectionId, passage: hit.id } : { section });
    }
  });
}
