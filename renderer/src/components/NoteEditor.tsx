/** Writes a bookmark's note: focused on opening, Escape cancels, the form submits. */
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
  useEffect(() => ref.current?.focus(), []);
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
