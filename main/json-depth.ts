/**
 * How deeply a JSON text nests, found by one flat scan before any parse. `JSON.parse` and the zod
 * schemas after it walk nested values recursively, so a body of '[' × millions would stall the
 * thread that parses it (or overflow its stack); this scan costs one pass and no allocation.
 */

/** Deepest nesting Folio accepts in a request or an import file; its own payloads nest 3 or 4 deep. */
export const MAX_JSON_DEPTH = 32;

/**
 * True when `text` opens more than `max` arrays or objects inside one another. Brackets inside
 * strings do not count. Works on a string or on UTF-8 bytes: the characters that matter are ASCII,
 * and no byte of a multi-byte UTF-8 sequence is ASCII.
 */
export function jsonNestsDeeperThan(text: string | Uint8Array, max: number = MAX_JSON_DEPTH): boolean {
  const codeAt: (i: number) => number = typeof text === 'string' ? (i) => text.charCodeAt(i) : (i) => text[i]!;
  const length = text.length;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < length; i++) {
    const c = codeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      if (++depth > max) return true;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return false;
}
