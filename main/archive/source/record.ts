/**
 * Checks passages against the archive's source of record and finds each passage's line range in it.
 * The passages, joined in order, must reproduce the record word for word; whitespace is the only
 * thing allowed to differ. Any divergence stops the build with the first place it happens.
 */
import { SourceError } from '../../model/errors';

interface RecordWord {
  word: string;
  line: number;
}

function recordWords(record: string): RecordWord[] {
  const words: RecordWord[] = [];
  record.split(/\r?\n/u).forEach((line, index) => {
    for (const word of line.split(/\s+/u)) if (word) words.push({ word, line: index + 1 });
  });
  return words;
}

/** Returns, for each passage text, its [first, last] line in the record. */
export function alignToRecord(
  passages: readonly { text: string; where: string }[],
  record: string,
  recordName: string,
): [number, number][] {
  const words = recordWords(record);
  let cursor = 0;
  const ranges = passages.map(({ text, where }) => {
    const passageWords = text.split(/\s+/u).filter(Boolean);
    const first = cursor;
    for (const word of passageWords) {
      const expected = words[cursor];
      if (!expected) throw new SourceError(`${where}: "${word}" is past the end of ${recordName}`);
      if (expected.word !== word) {
        // Words may be split differently ("war ." vs "war."): compare the joined characters instead.
        throw new SourceError(
          `${where}: passage text differs from ${recordName} line ${expected.line}: expected "${expected.word}", found "${word}"`,
        );
      }
      cursor++;
    }
    const start = words[first]?.line ?? 1;
    const end = words[Math.max(first, cursor - 1)]?.line ?? start;
    return [start, end] as [number, number];
  });
  const left = words[cursor];
  if (left) throw new SourceError(`${recordName} line ${left.line}: "${left.word}…" is not in any passage`);
  return ranges;
}
