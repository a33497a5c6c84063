/** A card that stops the reader: an error in place of a view (h1), or a banner above it (h2, an alert). */
import { useId, type ReactNode } from 'react';
import './Notice.css';

export function Notice({ title, banner = false, children }: { title: string; banner?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <section
      className={banner ? 'notice banner' : 'notice error'}
      role={banner ? 'alert' : undefined}
      aria-labelledby={id}
    >
      {banner ? <h2 id={id}>{title}</h2> : <h1 id={id}>{title}</h1>}
      {children}
    </section>
  );
}
