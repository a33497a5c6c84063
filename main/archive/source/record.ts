/**
 * Checks passages against the archive's source of record and finds each passage's line range in it.
 * The passages, joined in order, must reproduce the record word for word; whitespace is the only
 * thing allowed to differ. Any divergence stops the build with the first place it happens.
 */
import { SourceError } from '../../model/errors';

/**
 * The record's words in order, each with its line, read one at a time: a record of millions of
 * words is never held as an array of them.
 */
class RecordWords {
  private readonly pattern = /\S+/gu;
  private lineStart = 0;
  private lineNumber = 1;
  /** The current word, or null past the end. */
  word: string | null = null;
  line = 1;

  constructor(private readonly text: string) {
    this.next();
  }

  next(): void {
    const match = this.pattern.exec(this.text);
    if (!match) {
      this.word = null;
      return;
    }
    // Count the line breaks between the last word and this one (`\r\n` and `\n` both end a line).
    for (
      let i = this.text.indexOf('\n', this.lineStart);
      i >= 0 && i < match.index;
      i = this.text.indexOf('\n', i + 1)
    ) {
      this.lineNumber++;
      this.lineStart = i + 1;
    }
    this.word = match[0];
    this.line = this.lineNumber;
  }
}

/** Returns, for each passage text, its [first, last] line in the record. */
export function alignToRecord(
  passages: Iterable<{ text: string; where: string }>,
  record: string,
  recordName: string,
): [number, number][] {
  const words = new RecordWords(record);
  const ranges: [number, number][] = [];
  let lastLine = 1;
  for (const { text, where } of passages) {
    let start: number | null = null;
    for (const word of text.split(/\s+/u)) {
      if (!word) continue;
      const expected = words.word;
      if (expected === null) throw new SourceError(`${where}: "${clip(word)}" is past the end of ${recordName}`);
      if (expected !== word) {
        throw new SourceError(
          `${where}: passage text differs from ${recordName} line ${words.line}: expected "${clip(expected)}", found "${clip(word)}"`,
        );
      }
      start ??= words.line;
      lastLine = words.line;
      words.next();
    }
    // A passage without words sits where the record is: on the line of the next word.
    const first = start ?? (words.word === null ? lastLine : words.line);
    ranges.push([first, start === null ? first : lastLine]);
  }
  if (words.word !== null)
    throw new SourceError(`${recordName} line ${words.line}: "${clip(words.word)}…" is not in any passage`);
  return ranges;
}

/** A word as quoted in a message: a "word" of a million characters must not make the line that long. */
function clip(word: string): string {
  return word.length > 80 ? `${word.slice(0, 80)}…` : word;
}
