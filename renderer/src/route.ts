/** Hash routes: every view and every passage has a URL, so back/forward and deep links work. */
export type Route =
  | { view: 'home' }
  | { view: 'section'; sectionId: string }
  | { view: 'passage'; passageId: string; highlights: [number, number][] }
  | { view: 'bookmarks' }
  | { view: 'settings' }
  /** A path no view answers to: the reader's not-found page, never a guess. */
  | { view: 'not-found' };

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const params = new URLSearchParams(query);
  if (parts[0] === 'section' && parts[1]) return { view: 'section', sectionId: parts[1] };
  if (parts[0] === 'passage' && parts[1])
    return { view: 'passage', passageId: parts[1], highlights: parseRanges(params.get('h')) };
  if (parts[0] === 'bookmarks') return { view: 'bookmarks' };
  if (parts[0] === 'settings') return { view: 'settings' };
  return parts.length ? { view: 'not-found' } : { view: 'home' };
}

export function hrefFor(route: Route): string {
  switch (route.view) {
    case 'home':
      return '#/';
    case 'section':
      return `#/section/${encodeURIComponent(route.sectionId)}`;
    case 'passage': {
      const h = route.highlights.length ? `?h=${route.highlights.map(([a, b]) => `${a}-${b}`).join(',')}` : '';
      return `#/passage/${encodeURIComponent(route.passageId)}${h}`;
    }
    case 'bookmarks':
      return '#/bookmarks';
    case 'settings':
      return '#/settings';
    case 'not-found':
      return '#/not-found';
  }
}

export const passageHref = (passageId: string, highlights: [number, number][] = []): string =>
  hrefFor({ view: 'passage', passageId, highlights });

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

function parseRanges(text: string | null): [number, number][] {
  if (!text) return [];
  const out: [number, number][] = [];
  for (const part of text.split(',').slice(0, 50)) {
    const m = /^(\d{1,7})-(\d{1,7})$/.exec(part);
    if (m && Number(m[1]) < Number(m[2])) out.push([Number(m[1]), Number(m[2])]);
  }
  return out;
}
