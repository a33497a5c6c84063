/**
 * Hash routes: every view and every passage has a URL, so back/forward and deep links work. A route of
 * an archive other than the default one starts with `#/a/<archiveId>/` (see `setLinkArchive`).
 */
export type Route =
  | { view: 'home' }
  | { view: 'library' }
  | { view: 'section'; sectionId: string }
  | { view: 'passage'; passageId: string; highlights: [number, number][] }
  | { view: 'bookmarks' }
  | { view: 'settings' }
  | { view: 'share' }
  /** Where the archive comes from: source, licence, the curator's section titles and the page's own. */
  | { view: 'about' }
  /** A path no view answers to: the reader's not-found page, never a guess. */
  | { view: 'not-found' };

const ARCHIVE_PREFIX = /^#?\/a\/([^/?]+)/;

/** The archive a hash names (`#/a/<archiveId>/…`), or null for the default archive. */
export function archiveOfHash(hash: string): string | null {
  const m = ARCHIVE_PREFIX.exec(hash);
  return m ? safeDecode(m[1]!) : null;
}

/**
 * The archive links name: null while only one archive is open (links stay `#/section/…`), else the
 * archive on screen, so a copied link opens the same archive. Set by the App as it renders.
 */
let linkArchive: string | null = null;
export function setLinkArchive(archiveId: string | null): void {
  linkArchive = archiveId;
}

/** The start of every link of an archive's views. */
export const archivePrefix = (archiveId: string | null): string =>
  archiveId === null ? '#' : `#/a/${encodeURIComponent(archiveId)}`;

export function parseHash(hash: string): Route {
  const raw = hash.replace(ARCHIVE_PREFIX, '').replace(/^#/, '');
  const [path = '', query = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const params = new URLSearchParams(query);
  if (parts[0] === 'section' && parts[1]) return { view: 'section', sectionId: parts[1] };
  if (parts[0] === 'passage' && parts[1])
    return { view: 'passage', passageId: parts[1], highlights: parseRanges(params.get('h')) };
  if (parts[0] === 'bookmarks') return { view: 'bookmarks' };
  if (parts[0] === 'library') return { view: 'library' };
  if (parts[0] === 'settings') return { view: 'settings' };
  if (parts[0] === 'share') return { view: 'share' };
  if (parts[0] === 'about') return { view: 'about' };
  return parts.length ? { view: 'not-found' } : { view: 'home' };
}

/** The link to a route of the archive links name (setLinkArchive), or of `archiveId` when given. */
export function hrefFor(route: Route, archiveId: string | null = linkArchive): string {
  return `${archivePrefix(archiveId)}${pathOf(route)}`;
}

function pathOf(route: Route): string {
  switch (route.view) {
    case 'home':
      return '/';
    case 'library':
      return '/library';
    case 'section':
      return `/section/${encodeURIComponent(route.sectionId)}`;
    case 'passage': {
      const h = route.highlights.length ? `?h=${route.highlights.map(([a, b]) => `${a}-${b}`).join(',')}` : '';
      return `/passage/${encodeURIComponent(route.passageId)}${h}`;
    }
    case 'bookmarks':
      return '/bookmarks';
    case 'settings':
      return '/settings';
    case 'share':
      return '/share';
    case 'about':
      return '/about';
    case 'not-found':
      return '/not-found';
  }
}

export const passageHref = (
  passageId: string,
  highlights: [number, number][] = [],
  archiveId: string | null = linkArchive,
): string => hrefFor({ view: 'passage', passageId, highlights }, archiveId);

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
