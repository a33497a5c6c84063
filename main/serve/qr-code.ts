/**
 * QR codes of the share URL: drawn in the terminal for `folio serve`, and as SVG for the reader's
 * Share view. The `qrcode` library encodes (versions, error correction, masking); the two drawings
 * here only lay its modules out, each with the four-module light quiet zone the standard asks for,
 * so a phone scans it off a dark terminal or a projector alike.
 */
import { create } from 'qrcode';

/** Light border, in modules, on every side. */
export const QUIET_ZONE = 4;

/** The code's modules, quiet zone included: true is dark. */
export function qrModules(text: string): boolean[][] {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size + 2 * QUIET_ZONE;
  return Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => {
      const row = y - QUIET_ZONE;
      const col = x - QUIET_ZONE;
      return row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col) === 1;
    }),
  );
}

const LIGHT_BACKGROUND_DARK_TEXT = '\x1b[47m\x1b[30m';
const RESET = '\x1b[0m';

/**
 * The code for a terminal: two modules per character cell (upper and lower half blocks), black on an
 * explicit white background, so it reads the same on light and dark terminal themes.
 */
export function qrTerminal(text: string): string {
  const grid = qrModules(text);
  const lines: string[] = [];
  for (let y = 0; y < grid.length; y += 2) {
    const top = grid[y]!;
    const bottom = grid[y + 1];
    let line = '';
    for (let x = 0; x < top.length; x++) {
      const up = top[x]!;
      const down = bottom?.[x] ?? false;
      line += up && down ? '█' : up ? '▀' : down ? '▄' : ' ';
    }
    lines.push(`${LIGHT_BACKGROUND_DARK_TEXT}${line}${RESET}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The code as an SVG document: one square per module unit, dark runs of a row drawn as one rectangle. */
export function qrSvg(text: string): string {
  const grid = qrModules(text);
  const size = grid.length;
  let path = '';
  grid.forEach((row, y) => {
    for (let x = 0; x < size;) {
      if (!row[x]) {
        x++;
        continue;
      }
      let run = 1;
      while (row[x + run]) run++;
      path += `M${x} ${y}h${run}v1h-${run}z`;
      x += run;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`
  );
}
