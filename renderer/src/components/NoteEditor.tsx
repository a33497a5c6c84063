/**
 * Writes a bookmark's note: focused on opening, Escape cancels, the form submits. When it closes (saved or
 * cancelled), focus goes back to the control that opened it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './NoteEditor.css';

export function NoteEditor({
  initial,
  label,
  onSave,
  onCancel,
}: {
  initial: string;
  label: ReactNode;
  onSave(this: void, note: string): Promise<void>;
  onCancel(this: void): void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [saving, setSaving] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const textarea = ref.current;
    opener.current ??= document.activeElement;
    textarea?.focus();
    return () => {
      const back = opener.current;
      // After the editor is gone (not in StrictMode's rehearsal unmount, after which it is still there).
      requestAnimationFrame(() => {
        const lost = document.activeElement === document.body || document.activeElement === null;
        if (!textarea?.isConnected && lost && back instanceof HTMLElement && back.isConnected) back.focus();
      });
    };
  }, []);
  return (
    <form
      className="note-editor"
      onSubmit={(e) => {
        e.preventDefault();
        setSaving(true);
        void onSave(text).finally(() => setSaving(false));
      }}
    >
      <label>
        <span className="note-label">{label}</span>
        <textarea
          ref={ref}
          value={text}
          maxLength={10_000}
          rows={3}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onCancel();
            }
          }}
        />
      </label>
      <div className="note-actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('note.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('note.cancel')}
        </button>
      </div>
    </form>
  );
}
