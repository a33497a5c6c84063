/** A quiet status line while something is on its way. */
import type { ReactNode } from 'react';
import './Loading.css';

export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="loading" role="status">
      {children}
    </p>
  );
}
