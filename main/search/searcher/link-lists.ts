/**
 * A page made mostly of links (a table of contents, Sphinx's genindex, DocBook's bookindex): a
 * section of at least LINK_LIST_MIN passages of which at least LINK_LIST_SHARE are entries (a line
 * that is mostly link text). It is a property of the section, told once when the pack is built
 * (writer/section-link-lists.ts) and kept in its row; section-priors.ts gives such a page's entries
 * a lower prior.
 */
import type { Passage } from '../../model/archive';

/** What telling a page of links reads of a passage. */
export type LinkListPassage = Pick<Passage, 'kind' | 'text' | 'content' | 'repeatOf'>;

/** A list of links has at least this many passages (headings aside)… */
const LINK_LIST_MIN = 8;
/** …and at least this share of them are entries. */
const LINK_LIST_SHARE = 0.75;
/**
 * A section is told a list of links from its first LINK_LIST_READ passages (the rule searches
 * applied when they read sections themselves: the list of Linux's maintainers, 25,702 passages,
 * cost a search 80 ms to read whole). Every section of the Python, PostgreSQL, Debian Reference
 * and Linux + Rust documentation gets the answer its whole would give (from the first 500, two
 * did not).
 */
export const LINK_LIST_READ = 2000;

/**
 * Tells a list of links from a section's passages given in reading order, one at a time. Given
 * `count`, the number of passages that will be given (headings and repeats included), the answer
 * is settled as soon as the passages not given yet cannot change it: they are at most `count` less
 * those given, and the share can no longer be reached even if they are all entries, or can no
 * longer be lost even if none is (the answer is the same as from all of them; a long page of prose
 * is decided from its first quarter or so, a table of contents from its first three quarters).
 */
export class LinkListTally {
  private read = 0;
  private body = 0;
  private others = 0;
  private answer: boolean | undefined;

  constructor(private readonly count = Infinity) {}

  /** Counts `p` unless the answer is settled; the answer once it is, else undefined. */
  add(p: LinkListPassage): boolean | undefined {
    if (this.answer !== undefined) return this.answer;
    this.read++;
    if (p.kind === 'heading' || p.repeatOf) return undefined;
    this.body++;
    if (!isEntry(p)) this.others++;
    const left = this.count - this.read;
    if (this.others > (1 - LINK_LIST_SHARE) * (this.body + left)) this.answer = false;
    else if (this.body >= LINK_LIST_MIN && this.body - this.others >= LINK_LIST_SHARE * (this.body + left))
      this.answer = true;
    return this.answer;
  }

  /** Whether the passages given make a list of links. */
  isLinkList(): boolean {
    if (this.answer !== undefined) return this.answer;
    return this.body >= LINK_LIST_MIN && this.body - this.others >= LINK_LIST_SHARE * this.body;
  }
}

/** Whether `passages` (a whole section, or its first `count`) make a list of links, read only as far as needed. */
export function isLinkList(passages: Iterable<LinkListPassage>, count = Infinity): boolean {
  const tally = new LinkListTally(count);
  for (const p of passages) if (tally.add(p) !== undefined) break;
  return tally.isLinkList();
}

/** Characters of link text in content (any JSON of passage-content.ts), tags and attributes aside. */
function linkChars(node: unknown, inLink: boolean): number {
  if (typeof node === 'string') return inLink ? node.length : 0;
  if (!Array.isArray(node)) return 0;
  const link = node[0] === 'a' && typeof node[1] === 'object' && node[1] !== null && !Array.isArray(node[1]);
  // Skip the tag, and the link target, language tag or image alt that follows it.
  const from = link || node[0] === 'lang' || node[0] === 'img' ? 2 : typeof node[0] === 'string' ? 1 : 0;
  let n = 0;
  for (let i = from; i < node.length; i++) n += linkChars(node[i], inLink || link);
  return n;
}

/** An entry of a list of links: a line (not a paragraph) whose text is mostly a link. */
const ENTRY_CHARS = 200;
const ENTRY_LINK_SHARE = 0.5;
export function isEntry(p: LinkListPassage): boolean {
  // The text first: it rules out most passages before their content is walked.
  if (p.text.length === 0 || p.text.length > ENTRY_CHARS || p.content === undefined) return false;
  return linkChars(p.content, false) >= ENTRY_LINK_SHARE * p.text.length;
}
