/**
 * The toast that offers Undo: it closes itself after `lingerMs` unless the pointer or focus is on it (then it
 * waits for the reader), and on Escape. `onClose(true)` means focus was in it, so the caller places it again.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './UndoToast.css';

export function UndoToast({
  message,
  lingerMs,
  focusOnOpen,
  onUndo,
  onClose,
}: {
  message: string;
  lingerMs: number;
  /** Take focus even if something else has it (else only when focus was lost with what was removed). */
  focusOnOpen: boolean;
  onUndo(this: void): void;
  onClose(this: void, hadFocus: boolean): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const holding = hovered || focused;

  // Once the page has settled: when the control that acted went with what it removed, focus comes here.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const lost = !document.activeElement || document.activeElement === document.body;
      if (focusOnOpen || lost) undoRef.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [focusOnOpen]);

  useEffect(() => {
    if (holding) return;
    const timer = window.setTimeout(() => onClose(!!ref.current?.contains(document.activeElement)), lingerMs);
    return () => window.clearTimeout(timer);
  }, [holding, lingerMs, onClose]);

  return (
    <div
      ref={ref}
      className="undo-toast"
      role="group"
      aria-label={t('undo.label')}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!ref.current?.contains(e.relatedTarget)) setFocused(false);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose(true);
        }
      }}
    >
      <p className="undo-message">{message}</p>
      <button ref={undoRef} type="button" className="primary" onClick={onUndo}>
        {t('undo.undo')}
      </button>
      <button type="button" className="undo-dismiss" aria-label={t('undo.dismiss')} onClick={() => onClose(true)}>
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
