/**
 * The text of a PDF that Chromium printed (Skia's PDF backend), in reading order, for tests that check a
 * printout. It reads what Skia writes: Flate streams, Type0 fonts with Identity-H glyph codes and a ToUnicode
 * CMap each, `Tj`/`TJ` runs, and `/Span <</ActualText …>> BDC` where a fallback font draws what a code cannot
 * say. Each text object and each move to a new line ends a line; ligatures (ﬁ) come out as their letters
 * (NFKC). The order is the order of painting: Chromium paints positioned boxes after the others, so a test
 * compares pieces, not the whole page in sequence. Not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

/** Every `N 0 obj` of the file: its dictionary text and its stream, inflated when it is Flate-encoded. */
function objects(pdf: Buffer): Map<number, { dict: string; stream: Buffer | null }> {
  const out = new Map<number, { dict: string; stream: Buffer | null }>();
  const text = pdf.toString('latin1');
  const start = /(\d+) 0 obj\b/g;
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const end = text.indexOf('endobj', m.index);
    if (end < 0) break;
    const body = text.slice(m.index + m[0].length, end);
    const at = body.indexOf('stream');
    let stream: Buffer | null = null;
    let dict = body;
    if (at >= 0) {
      dict = body.slice(0, at);
      let from = m.index + m[0].length + at + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const to = text.indexOf('endstream', from);
      const raw = pdf.subarray(from, to);
      try {
        stream = dict.includes('/FlateDecode') ? inflateSync(raw) : raw;
      } catch {
        stream = raw;
      }
    }
    out.set(Number(m[1]), { dict, stream });
    start.lastIndex = end;
  }
  return out;
}

/** A ToUnicode CMap's glyph code → text. */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string): string =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code!, 16), utf16(to!));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, to] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(to!, 16);
      for (let code = parseInt(lo!, 16); code <= parseInt(hi!, 16); code++)
        map.set(code, String.fromCharCode(first + code - parseInt(lo!, 16)));
    }
  return map;
}

/** The document's text: one string, lines separated by newlines. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  // Font resource names (/F4) → their ToUnicode maps, gathered from every page's resources.
  const fonts = new Map<string, Map<number, string>>();
  const pages: number[] = [];
  for (const [id, { dict }] of objs) {
    if (/\/Type\s*\/Page\b/.test(dict)) pages.push(id);
    for (const block of dict.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, ref] of block[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const toUnicode = /\/ToUnicode\s+(\d+) 0 R/.exec(objs.get(Number(ref))?.dict ?? '');
        const cmap = toUnicode && objs.get(Number(toUnicode[1]))?.stream;
        if (cmap) fonts.set(name!, readCMap(cmap.toString('latin1')));
      }
    }
  }
  const lines: string[] = [];
  for (const page of pages.sort((a, b) => a - b)) {
    const contents = /\/Contents\s+(\d+) 0 R/.exec(objs.get(page)!.dict);
    const stream = contents && objs.get(Number(contents[1]))?.stream;
    if (stream) lines.push(...contentText(stream.toString('latin1'), fonts));
  }
  return lines.join('\n').normalize('NFKC');
}

function contentText(content: string, fonts: ReadonlyMap<string, ReadonlyMap<number, string>>): string[] {
  const lines: string[] = [];
  let line = '';
  let font: ReadonlyMap<number, string> = new Map();
  let actual: string | null = null;
  const newLine = (): void => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const show = (hex: string): void => {
    if (actual !== null) return; // the ActualText stands for these glyphs
    for (const unit of hex.match(/.{4}/g) ?? []) line += font.get(parseInt(unit, 16)) ?? '';
  };
  const tokens =
    /\/Span\s*<<\s*\/ActualText\s*<FEFF([0-9A-Fa-f]*)>\s*>>\s*BDC|EMC|\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]*)>\s*Tj|\[([^\]]*)\]\s*TJ|[-\d.]+\s+([-\d.]+)\s+Td|\bBT\b/g;
  for (const m of content.matchAll(tokens)) {
    if (m[1] !== undefined) {
      actual = String.fromCharCode(...(m[1].match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
      line += actual;
    } else if (m[0] === 'EMC') actual = null;
    else if (m[2] !== undefined) font = fonts.get(m[2]) ?? new Map();
    else if (m[3] !== undefined) show(m[3]);
    else if (m[4] !== undefined) {
      for (const part of m[4].matchAll(/<([0-9A-Fa-f]*)>|(-?[\d.]+)/g)) {
        if (part[1] !== undefined) show(part[1]);
        // A wide negative adjustment is a gap between words.
        else if (Number(part[2]) < -200) line += ' ';
      }
    } else if (m[5] !== undefined) {
      if (Number(m[5]) !== 0) newLine();
    } else newLine();
  }
  newLine();
  return lines;
}
