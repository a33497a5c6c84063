/** A small uppercase tag: a passage's kind in its colour, or a bookmark's orphaned state. */
import type { ReactNode } from 'react';
import type { PassageKind } from '../../../main/model/passage-kind';
import './Badge.css';

export function Badge({ tone, children }: { tone: PassageKind | 'orphan'; children: ReactNode }) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
