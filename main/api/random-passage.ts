/**
 * "Random passage": a passage of the archive chosen at random, for a reader who wants to wander.
 * Every passage is equally likely to be the starting point; from there the next passage of running
 * text is taken, in reading order and round to the start (a bare heading or a film's title is a poor
 * page to land on, and a repeat of an earlier passage is the same page twice).
 */
import type { Passage } from '../model/archive';
import type { PackReader } from '../archive/pack-reader-types';

const readable = (p: Passage): boolean => p.kind === 'text' && !p.repeatOf;

/** Passages read at once: a section can hold 25,000, and the first readable one is usually near. */
const SPAN = 100;

/** A random passage of `pack`, or null when it has none. `random` answers in [0, 1), as Math.random. */
export function randomPassage(pack: PackReader, random: () => number = Math.random): Passage | null {
  const total = pack.passageCount();
  const sections = pack.sectionCount();
  if (total === 0 || sections === 0) return null;
  // Sections are read by position, from the chosen one on: never the whole table of a large archive.
  const chosen = pack.sectionHolding(Math.min(total - 1, Math.max(0, Math.floor(random() * total))));
  if (!chosen) return null;
  const { section: first, at } = chosen;
  let start: Passage | undefined;
  // The starting section from the chosen passage on, then the others in reading order, then its own beginning.
  for (let step = 0; step <= sections; step++) {
    const section = step === 0 || step === sections ? first : pack.sectionAt((first.ordinal + step) % sections)!;
    const from = step === 0 ? at : 0;
    const to = step === sections ? at : section.passageCount;
    for (let i = from; i < to; i += SPAN) {
      const passages = pack.passagesOfSection(section.id, i, Math.min(SPAN, to - i));
      start ??= passages[0];
      const found = passages.find(readable);
      if (found) return found;
    }
  }
  return start ?? null;
}
