/** Text with <mark>s from [start, end) offsets. Text stays React text nodes: never HTML. */
import type { ReactNode } from 'react';

/** [start, end) offsets into a text. */
export type Ranges = readonly (readonly [number, number])[];

export function Highlighted({
  text,
  offset = 0,
  ranges,
  markClass,
}: {
  /** The piece of the full text to show. */
  text: string;
  /** Where `text` starts in the full text the ranges refer to. */
  offset?: number;
  ranges: Ranges;
  markClass?: string;
}): ReactNode {
  const end = offset + text.length;
  const clipped = ranges
    .map(([a, b]) => [Math.max(a, offset), Math.min(b, end)] as const)
    .filter(([a, b]) => a < b)
    .sort((x, y) => x[0] - y[0]);
  if (!clipped.length) return text;
  const pieces: ReactNode[] = [];
  let at = offset;
  clipped.forEach(([a, b], i) => {
    if (b <= at) return;
    const start = Math.max(a, at);
    if (start > at) pieces.push(text.slice(at - offset, start - offset));
    pieces.push(
      <mark key={i} className={markClass}>
        {text.slice(start - offset, b - offset)}
      </mark>,
    );
    at = b;
  });
  if (at < end) pieces.push(text.slice(at - offset));
  return <>{pieces}</>;
}
