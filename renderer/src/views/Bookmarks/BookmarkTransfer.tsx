/** Export the bookmarks as JSON or Markdown, and import a JSON export (merged: nothing is lost or doubled). */
import { useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { messageOf } from '../../error-message';
import { useAnnounce } from '../../hooks/useAnnounce';
import { useBookmarks } from '../../hooks/useBookmarks';
import { strings } from '../../strings';
import { download } from './download';
import './BookmarkTransfer.css';

export function BookmarkTransfer() {
  const api = useApi();
  const announce = useAnnounce();
  const { bookmarks, refresh } = useBookmarks();
  const [message, setMessage] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const t = strings.bookmarks;
  const count = bookmarks.size;

  const report = (text: string): void => {
    setMessage(text);
    announce(text);
  };

  const exportAs = async (format: 'json' | 'markdown'): Promise<void> => {
    try {
      const file = await api.call('bookmarks.export', { format });
      download(file.filename, file.mime, file.content);
      report(t.exported(count, file.filename));
    } catch (error) {
      setMessage(t.exportFailed(messageOf(error)));
    }
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      const summary = await api.call('bookmarks.import', { content: await file.text() });
      await refresh();
      report(t.imported(file.name, summary));
    } catch (error) {
      setMessage(t.importFailed(messageOf(error)));
    }
  };

  return (
    <>
      <div className="toolbar" role="group" aria-label={t.transfer}>
        <button type="button" onClick={() => void exportAs('json')} disabled={!count}>
          {t.exportJson}
        </button>
        <button type="button" onClick={() => void exportAs('markdown')} disabled={!count}>
          {t.exportMarkdown}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t.importJson}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t.importLabel}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importFile(file);
            e.target.value = '';
          }}
        />
      </div>
      {message && <p className="toolbar-message">{message}</p>}
    </>
  );
}
