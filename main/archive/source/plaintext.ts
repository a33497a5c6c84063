/** Reads a plain-text content file: blocks separated by blank lines, each a text passage. */
import { normaliseWhitespace, type SourceBlock } from './blocks';

export function readPlainText(text: string, file: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  const lines = text.split(/\r?\n/u);
  let start = -1;
  const flush = (end: number): void => {
    if (start < 0) return;
    const body = normaliseWhitespace(lines.slice(start, end).join(' '));
    if (body)
      blocks.push({
        type: 'passage',
        kind: 'text',
        text: body,
        title: null,
        level: null,
        media: null,
        content: null,
        lang: null,
        anchors: [],
        file,
        lines: [start + 1, end],
      });
    start = -1;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') flush(index);
    else if (start < 0) start = index;
  });
  flush(lines.length);
  return blocks;
}
