/**
 * The main navigation on a phone: folded behind a disclosure button (aria-expanded) so the masthead stays one
 * row of controls plus the search. Escape closes it and returns to the button; choosing a link, a route change,
 * a tap outside or tabbing away closes it too. From tablet width up the button is hidden (Masthead.css) and
 * the navigation shows as it always did. The two elements are found by id, as the ARIA relation names them.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface MastheadMenuState {
  open: boolean;
  buttonId: string;
  toggle(this: void): void;
  /** Spread on the navigation: its id (the button's aria-controls) and whether it shows. */
  panelProps: { id: string; 'data-open': true | undefined };
}

export function useMastheadMenu(): MastheadMenuState {
  const [open, setOpen] = useState(false);
  const buttonId = useId();
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const inside = (node: EventTarget | null): boolean =>
      node instanceof Node && [buttonId, panelId].some((id) => document.getElementById(id)?.contains(node) ?? false);
    const close = (): void => setOpen(false);
    const onPointerDown = (event: PointerEvent): void => {
      if (!inside(event.target)) close();
    };
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      close();
      document.getElementById(buttonId)?.focus();
    };
    const onFocusIn = (event: FocusEvent): void => {
      if (!inside(event.target)) close();
    };
    window.addEventListener('hashchange', close);
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('hashchange', close);
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [open, buttonId, panelId]);

  return {
    open,
    buttonId,
    toggle: () => setOpen((was) => !was),
    panelProps: { id: panelId, 'data-open': open || undefined },
  };
}

export function MastheadMenuButton({ menu }: { menu: MastheadMenuState }) {
  const { t } = useTranslation();
  return (
    <button
      id={menu.buttonId}
      type="button"
      className="menu-button"
      aria-expanded={menu.open}
      aria-controls={menu.panelProps.id}
      onClick={menu.toggle}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20">
        <path d="M3 5.5h14M3 10h14M3 14.5h14" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span className="visually-hidden">{t('nav.menu')}</span>
    </button>
  );
}
