/** Export the bookmarks as JSON or Markdown, and import a JSON export (merged: nothing is lost or doubled). */
import { useRef, useState } from 'react';
import { useApi } from '../../api/ApiContext';
import { messageOf } from '../../error-message';
import { useAnnounce } from '../../hooks/useAnnounce';
import { useBookmarks } from '../../hooks/useBookmarks';
import { useTranslation } from 'react-i18next';
import { download } from './download';
import './BookmarkTransfer.css';

export function BookmarkTransfer() {
  const api = useApi();
  const announce = useAnnounce();
  const { bookmarks, refresh } = useBookmarks();
  const [message, setMessage] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const { t } = useTranslation();
  const count = bookmarks.size;

  const report = (text: string): void => {
    setMessage(text);
    announce(text);
  };

  const exportAs = async (format: 'json' | 'markdown'): Promise<void> => {
    try {
      const file = await api.call('bookmarks.export', { format });
      download(file.filename, file.mime, file.content);
      report(t('bookmarks.exported', { count, filename: file.filename }));
    } catch (error) {
      setMessage(t('bookmarks.exportFailed', { message: messageOf(error) }));
    }
  };

  const importFile = async (file: File): Promise<void> => {
    try {
      const summary = await api.call('bookmarks.import', { content: await file.text() });
      await refresh();
      report(
        t(summary.rejected ? 'bookmarks.importedRejected' : 'bookmarks.imported', { file: file.name, ...summary }),
      );
    } catch (error) {
      setMessage(t('bookmarks.importFailed', { message: messageOf(error) }));
    }
  };

  return (
    <>
      <div className="toolbar" role="group" aria-label={t('bookmarks.transfer')}>
        <button type="button" onClick={() => void exportAs('json')} disabled={!count}>
          {t('bookmarks.exportJson')}
        </button>
        <button type="button" onClick={() => void exportAs('markdown')} disabled={!count}>
          {t('bookmarks.exportMarkdown')}
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          {t('bookmarks.importJson')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-label={t('bookmarks.importLabel')}
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
