/**
 * Consecutive captions whose pictures the pack does not contain: one line ("5 images not included in this
 * archive") stands for their placeholders, and unfolds them. The captions themselves always show.
 */
import { useTranslation } from 'react-i18next';
import './MediaPlaceholder.css';

export function MissingRun({ count, open, onToggle }: { count: number; open: boolean; onToggle(this: void): void }) {
  const { t } = useTranslation();
  return (
    <div className="placeholder placeholder-run">
      <span aria-hidden="true" className="placeholder-icon">
        ▢
      </span>
      <button type="button" className="placeholder-toggle" aria-expanded={open} onClick={onToggle}>
        {t('missingRun.images', { count })}
        <span aria-hidden="true" className="placeholder-chevron">
          {open ? '▴' : '▾'}
        </span>
      </button>
    </div>
  );
}

/** The runs of two or more consecutive captions without their picture: first index → length. */
export function missingRuns(
  passages: readonly { kind: string; media: { present: boolean } | null }[],
): Map<number, number> {
  const runs = new Map<number, number>();
  let start = -1;
  const close = (end: number): void => {
    if (start >= 0 && end - start >= 2) runs.set(start, end - start);
    start = -1;
  };
  passages.forEach((p, i) => {
    const missing = p.kind === 'caption' && !!p.media && !p.media.present;
    if (missing && start < 0) start = i;
    else if (!missing) close(i);
  });
  close(passages.length);
  return runs;
}

/** By passage index: the first index of the run it is in, or -1 (one pass, not a search of the runs per passage). */
export function runStarts(runs: ReadonlyMap<number, number>, count: number): Int32Array {
  const starts = new Int32Array(count).fill(-1);
  for (const [start, length] of runs) starts.fill(start, start, start + length);
  return starts;
}
