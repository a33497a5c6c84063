/**
 * Pages nested absurdly deep are flattened before parsing. htmlparser2 keeps its open elements in
 * an array it grows at the front, so parsing costs time in the square of the nesting depth: a page
 * nested 100,000 levels deep took minutes. No real page comes near NESTING_LIMIT levels, and the
 * reader reads anything below a few hundred levels as flat text anyway; so tags deeper than the
 * limit are dropped (their text stays), which keeps the cost linear and loses nothing a reader
 * sees.
 */

/** Deeper than this, tags are dropped before parsing. */
export const NESTING_LIMIT = 2000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose content is raw text, never tags. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
/** Elements an opening tag of the same kind closes (the common implied ends). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option']);

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][^\s/>]*)[^>]*>/gu;

/**
 * `html` with every tag below NESTING_LIMIT levels removed (their text kept), or `html` itself
 * when it is not that deep (the common case, decided without copying anything).
 */
export function flattenDeepNesting(html: string, limit = NESTING_LIMIT): string {
  // A page with fewer tags than the limit cannot be nested that deep.
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags <= limit; i = html.indexOf('<', i + 1)) tags++;
  if (tags <= limit) return html;

  const stack: string[] = [];
  const dropped = new Map<string, number>();
  const cuts: [number, number][] = [];
  let raw: string | null = null;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m !== null; m = TAG.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (!name) continue; // a comment
    const closing = m[1] === '/';
    if (raw) {
      if (closing && name === raw) raw = null;
      continue;
    }
    if (closing) {
      const pending = dropped.get(name) ?? 0;
      if (pending > 0) {
        dropped.set(name, pending - 1);
        cuts.push([m.index, m.index + m[0].length]);
        continue;
      }
      const at = stack.lastIndexOf(name);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (VOID.has(name) || m[0].endsWith('/>')) continue;
    if (RAW.has(name)) {
      raw = name;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && stack[stack.length - 1] === name) stack.pop();
    if (stack.length >= limit) {
      dropped.set(name, (dropped.get(name) ?? 0) + 1);
      cuts.push([m.index, m.index + m[0].length]);
      continue;
    }
    stack.push(name);
  }
  if (cuts.length === 0) return html;
  const parts: string[] = [];
  let from = 0;
  for (const [start, end] of cuts) {
    parts.push(html.slice(from, start));
    from = end;
  }
  parts.push(html.slice(from));
  return parts.join('');
}
