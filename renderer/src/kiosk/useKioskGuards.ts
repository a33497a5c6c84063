/**
 * Touch-first rules a kiosk needs beyond its CSS: no context menu, no text-selection drag, no dragging,
 * no pinch or keyboard zoom (the text-size control is the zoom), no file pickers or downloads, no link
 * that leaves the app, and in-app navigation that replaces the history entry rather than adding one, so
 * a visitor has no trail to go back along, nor the next visitor into the last one's pages (a swipe cannot
 * go back either: kiosk.css sets overscroll-behavior: none). The root element's `data-kiosk` switches on
 * kiosk.css.
 */
import { useEffect } from 'react';

/** The few parts of the Navigation API used here (Chromium and Electron have it; TypeScript's DOM types not yet). */
interface NavigateEvent extends Event {
  readonly navigationType: 'push' | 'replace' | 'reload' | 'traverse';
  readonly destination: { readonly url: string; readonly sameDocument: boolean };
}

const EDITABLE = 'input, textarea';

export function useKioskGuards(): void {
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.kiosk = '';
    const prevent = (event: Event): void => event.preventDefault();
    const outsideFields = (event: Event): void => {
      if (!(event.target instanceof Element && event.target.closest(EDITABLE))) event.preventDefault();
    };
    const onClick = (event: MouseEvent): void => {
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input[type=file]')) {
        event.preventDefault();
        return;
      }
      const link = target?.closest<HTMLAnchorElement>('a[href]');
      if (!link) return;
      event.preventDefault();
      const href = link.getAttribute('href') ?? '';
      if (href.startsWith('#') && !link.hasAttribute('download')) location.replace(href);
    };
    // Every same-page navigation that would add an entry (a link, a chosen search result, any other) replaces
    // the current one instead. Links are caught above too, for a browser without the Navigation API.
    const navigation = (window as Window & { navigation?: EventTarget }).navigation;
    const onNavigate = (event: Event): void => {
      const { navigationType, destination, cancelable } = event as NavigateEvent;
      if (navigationType !== 'push' || !destination.sameDocument || !cancelable) return;
      event.preventDefault();
      location.replace(destination.url);
    };
    const onWheel = (event: WheelEvent): void => {
      if (event.ctrlKey) event.preventDefault();
    };
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && ['+', '-', '=', '0', 'o', 's', 'p'].includes(event.key.toLowerCase()))
        event.preventDefault();
    };
    document.addEventListener('contextmenu', prevent);
    document.addEventListener('selectstart', outsideFields);
    document.addEventListener('dragstart', prevent);
    document.addEventListener('gesturestart', prevent);
    document.addEventListener('click', onClick, { capture: true });
    document.addEventListener('wheel', onWheel, { passive: false });
    document.addEventListener('keydown', onKey);
    navigation?.addEventListener('navigate', onNavigate);
    return () => {
      navigation?.removeEventListener('navigate', onNavigate);
      delete root.dataset.kiosk;
      document.removeEventListener('contextmenu', prevent);
      document.removeEventListener('selectstart', outsideFields);
      document.removeEventListener('dragstart', prevent);
      document.removeEventListener('gesturestart', prevent);
      document.removeEventListener('click', onClick, { capture: true });
      document.removeEventListener('wheel', onWheel);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}
