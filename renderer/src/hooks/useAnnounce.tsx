/** Polite announcements for screen readers: one live region for the whole app, reached from any component. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';

type Announce = (message: string) => void;

const AnnounceContext = createContext<Announce | null>(null);

export function AnnounceProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState('');
  const announce = useCallback((message: string) => {
    setStatus('');
    // A new text node each time, so screen readers repeat identical messages.
    requestAnimationFrame(() => setStatus(message));
  }, []);
  return (
    <AnnounceContext value={announce}>
      {children}
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </AnnounceContext>
  );
}

export function useAnnounce(): Announce {
  const announce = useContext(AnnounceContext);
  if (!announce) throw new Error('useAnnounce() needs an <AnnounceProvider> above it.');
  return announce;
}
