/**
 * "Undo" for what cannot otherwise be taken back (a removed bookmark, a cleared note): one offer at a time, in a
 * toast that stays at least UNDO_MS and longer while the pointer or focus is on it. When the control that did
 * it is gone from the page (a removed item of the bookmark list), focus goes to the toast's Undo; after the
 * toast, focus returns to that control if it is still there, else to the main region.
 */
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { UndoToast } from '../components/UndoToast';
import { i18n } from '../i18n/i18n';
import { messageOf } from '../error-message';
import { useAnnounce } from './useAnnounce';

/** How long an undo stays on offer without the reader touching it. */
export const UNDO_MS = 10_000;

export interface UndoOffer {
  /** What was done ("Bookmark removed."). */
  message: string;
  /** Puts it back; what to say when it is back. */
  undo(this: void): Promise<void>;
  undone: string;
}

type OfferUndo = (offer: UndoOffer) => void;

const UndoContext = createContext<OfferUndo | null>(null);

export function UndoProvider({ children }: { children: ReactNode }) {
  const announce = useAnnounce();
  const [offer, setOffer] = useState<(UndoOffer & { serial: number; takeFocus: boolean }) | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const serial = useRef(0);

  const offerUndo = useCallback<OfferUndo>(
    (next) => {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
      serial.current += 1;
      setOffer({ ...next, serial: serial.current, takeFocus: !opener.current });
      announce(`${next.message} ${i18n.t('undo.hint')}`);
    },
    [announce],
  );

  const close = useCallback((returnFocus: boolean) => {
    setOffer(null);
    if (!returnFocus) return;
    // After React has put back what the undo restored.
    requestAnimationFrame(() => {
      const target = opener.current?.isConnected ? opener.current : document.getElementById('main');
      target?.focus({ preventScroll: true });
    });
  }, []);

  const undo = useCallback(async () => {
    if (!offer) return;
    try {
      await offer.undo();
      announce(offer.undone);
    } catch (failure) {
      announce(i18n.t('undo.failed', { message: messageOf(failure) }));
    }
    close(true);
  }, [offer, announce, close]);

  return (
    <UndoContext value={offerUndo}>
      {children}
      {offer && (
        <UndoToast
          key={offer.serial}
          message={offer.message}
          lingerMs={UNDO_MS}
          focusOnOpen={offer.takeFocus}
          onUndo={() => void undo()}
          onClose={close}
        />
      )}
    </UndoContext>
  );
}

export function useUndo(): OfferUndo {
  const offer = useContext(UndoContext);
  if (!offer) throw new Error('useUndo() needs an <UndoProvider> above it.');
  return offer;
}
