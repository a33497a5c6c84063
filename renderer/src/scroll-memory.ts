/**
 * Where each history entry was scrolled to, so Back and Forward (and a reload) land where the reader was.
 * Each entry gets an id in history.state; scroll positions are kept by id (and in sessionStorage for a
 * reload). A new entry (a link followed) has no position: the view places itself. The browser's own
 * restoration is off, since it would restore before the view's content has arrived.
 */
const KEY = 'folio-scroll';
const WINDOWS_KEY = 'folio-passage-windows';
const positions = new Map<string, number>(readStored(KEY));
/** By entry: the span of a long section's passages it showed (Reader/useSection.ts), so its position means the same. */
const windows = new Map<string, [number, number]>(readStored(WINDOWS_KEY));
let current = '';
let pending: number | null = null;
/** Set while a view waits for its content to be tall enough to restore its position (restoreScroll). */
let reaching: (() => void) | null = null;
/** False once a kiosk session ends: the next visitor must find no trace of this one's reading. */
let keeping = true;

function readStored<T>(key: string): [string, T][] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(key) ?? '[]');
    return Array.isArray(stored) ? (stored as [string, T][]) : [];
  } catch {
    return [];
  }
}

/** The id of the entry on screen, given to it when it has none. */
function entryId(): string {
  const state = history.state as { folioEntry?: unknown } | null;
  if (typeof state?.folioEntry === 'string') return state.folioEntry;
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  history.replaceState({ ...(state ?? {}), folioEntry: id }, '');
  return id;
}

export function installScrollMemory(): void {
  history.scrollRestoration = 'manual';
  current = entryId();
  pending = positions.get(current) ?? null;
  // Until the entry's view has taken its position, the page still shows the entry left (a late scroll
  // event of that one would be taken for this one's).
  const onScroll = (): void => {
    if (pending === null && reaching === null) positions.set(current, window.scrollY);
  };
  window.addEventListener('scroll', onScroll, { passive: true });
  // Registered before the app's own listener, so the entry changes before the new view renders.
  window.addEventListener('hashchange', () => {
    // The entry being left, as it is now: its last scroll event may not have been dispatched yet (or
    // as it was, if its view never reached its position).
    if (reaching === null) positions.set(current, window.scrollY);
    reaching?.();
    current = entryId();
    pending = positions.get(current) ?? null;
  });
  window.addEventListener('pagehide', () => {
    if (!keeping) return;
    // As on hashchange: the last scroll's event may not have come (a busy page runs few frames).
    if (pending === null && reaching === null) positions.set(current, window.scrollY);
    try {
      sessionStorage.setItem(KEY, JSON.stringify([...positions].slice(-200)));
      sessionStorage.setItem(WINDOWS_KEY, JSON.stringify([...windows].slice(-200)));
    } catch {
      // Storage full or off: Back still works within this page's life.
    }
  });
}

/** Forgets every position and keeps none from now on (a kiosk visitor's session has ended). */
export function forgetScrollMemory(): void {
  keeping = false;
  positions.clear();
  windows.clear();
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(WINDOWS_KEY);
}

/** Keeps the span of passages the entry on screen shows, for Back, Forward and a reload to show it again. */
export function rememberPassageWindow(from: number, to: number): void {
  if (keeping) windows.set(current, [from, to]);
}

/** The span of passages the entry on screen showed when it was left, if it showed part of a long section. */
export function passageWindowToRestore(): [number, number] | null {
  const kept = windows.get(current);
  return Array.isArray(kept) && kept.length === 2 && kept.every(Number.isSafeInteger) ? kept : null;
}

/** The position to restore for the entry just shown (Back, Forward or a reload), once; null for a new entry. */
export function takeScrollToRestore(): number | null {
  const y = pending;
  pending = null;
  return y;
}

/** How long a view's content may take to grow tall enough for its position, before the page stays as it is. */
const REACH_MS = 10_000;
/** What the reader does to move on their own: the page is theirs from then. */
const READER_MOVES = ['wheel', 'touchstart', 'pointerdown'] as const;
/**
 * Keys that move nothing by themselves: a modifier pressed on its way to a shortcut, or a screen reader's
 * own key (NVDA's and JAWS's Insert or Caps Lock) pressed to silence or query it. Any other key is the
 * reader moving on their own (Tab scrolls to what it focuses, arrows and Page Down scroll).
 */
const INERT_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'Insert']);

/**
 * Restores the position of the entry just shown (Back, Forward or a reload), or scrolls to the top of a
 * new one, for a view that places no content itself. Its content may arrive after it (the contents'
 * pages, the bookmarks, a reload's whole app): while the page is too short to hold the position, each
 * growth of the page scrolls again, until the position is reached, the reader scrolls, taps or presses a
 * key that moves something (not INERT_KEYS), another entry is shown, or REACH_MS pass. Until then the
 * entry keeps the position it had, rather than where the short page left it.
 */
export function restoreScroll(): void {
  reaching?.();
  const y = takeScrollToRestore() ?? 0;
  window.scrollTo(0, y);
  if (y === 0 || Math.abs(window.scrollY - y) < 1) return;
  const grown = new ResizeObserver(() => {
    window.scrollTo(0, y);
    if (Math.abs(window.scrollY - y) < 1) stop();
  });
  const timer = window.setTimeout(() => stop(), REACH_MS);
  const keyed = (event: KeyboardEvent): void => {
    if (!INERT_KEYS.has(event.key)) stop();
  };
  const stop = (): void => {
    if (reaching !== stop) return;
    reaching = null;
    grown.disconnect();
    window.clearTimeout(timer);
    for (const type of READER_MOVES) window.removeEventListener(type, stop, true);
    window.removeEventListener('keydown', keyed, true);
  };
  reaching = stop;
  grown.observe(document.documentElement);
  for (const type of READER_MOVES) window.addEventListener(type, stop, { capture: true, passive: true });
  window.addEventListener('keydown', keyed, { capture: true, passive: true });
}
