/**
 * Tells which sections are pages made mostly of links (search/searcher/link-lists.ts) from the
 * passages as the writer streams them, so that the pack stores the answer in each section's row and
 * a search reads none of a section's passages for it. The rule is the one searches applied before:
 * a section's first LINK_LIST_READ passages decide.
 */
import type { Passage, Section } from '../../model/archive';
import { SourceError } from '../../model/errors';
import { LINK_LIST_READ, LinkListTally } from '../../search/searcher/link-lists';

export class SectionLinkLists {
  /** 1 for a section that is a list of links, by section (ordinal in `sections`). */
  private readonly flags: Uint8Array;
  private section = -1;
  private sectionEnd = 0;
  private read = 0;
  private tally: LinkListTally | undefined;

  /** `sections` hold every passage, in reading order, each one's after the previous one's. */
  constructor(private readonly sections: readonly Section[]) {
    this.flags = new Uint8Array(sections.length);
  }

  /** Counts the next passage of the reading order. */
  add(p: Passage): void {
    while (p.ordinal >= this.sectionEnd) this.next();
    if (this.read++ < LINK_LIST_READ) this.tally!.add(p);
  }

  /** Once every passage has been added: 1 for each section that is a list of links, else 0, by section. */
  finish(): Uint8Array {
    if (this.tally) this.settle();
    return this.flags;
  }

  private next(): void {
    if (this.tally) this.settle();
    const section = this.sections[++this.section];
    if (!section) throw new SourceError(`internal: passage #${this.sectionEnd} belongs to no section`);
    this.sectionEnd += section.passageCount;
    this.read = 0;
    this.tally = new LinkListTally(Math.min(section.passageCount, LINK_LIST_READ));
  }

  private settle(): void {
    this.flags[this.section] = this.tally!.isLinkList() ? 1 : 0;
    this.tally = undefined;
  }
}
