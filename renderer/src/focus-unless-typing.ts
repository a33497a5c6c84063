/**
 * Focus for content that arrives on its own time (a section read after a navigation or a reload): given
 * to it unless the reader has, since the navigation, gone to type somewhere else. A passage loaded late
 * must not take the keyboard from the search box the reader went to while it loaded; a result chosen
 * from the search box, where the focus already was, still takes the focus.
 */
const TYPING = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

/** What had the focus when the route last changed (the page's load counts as one). */
let focusAtNavigation: Element | null = null;

/** Registered before the app's own listeners, so the focus is read before any view moves it. */
export function installNavigationFocus(): void {
  focusAtNavigation = document.activeElement;
  window.addEventListener('hashchange', () => {
    focusAtNavigation = document.activeElement;
  });
}

export function focusUnlessTyping(element: HTMLElement | null | undefined): void {
  const active = document.activeElement;
  const wentToType = active !== focusAtNavigation && active instanceof HTMLElement && active.matches(TYPING);
  if (!wentToType) element?.focus({ preventScroll: true });
}
