/** A heading passage at its level (h2 to h4 below the page's h1), or as the page's h1 when it titles the section. */
import type { ReactNode } from 'react';

export function PassageHeading({
  level,
  asTitle,
  children,
}: {
  level: number | null;
  asTitle: boolean;
  children: ReactNode;
}) {
  if (asTitle)
    return (
      <h1 id="section-title" tabIndex={-1}>
        {children}
      </h1>
    );
  if (!level || level <= 2) return <h2>{children}</h2>;
  return level === 3 ? <h3>{children}</h3> : <h4>{children}</h4>;
}
