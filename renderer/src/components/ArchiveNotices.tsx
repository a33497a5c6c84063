/** What the archive's opening had to tell the reader (a reset bookmarks file, say), until dismissed. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from './Notice';

export function ArchiveNotices({ notices }: { notices: readonly string[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <Notice title={t('notices.title')} banner>
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" onClick={() => setDismissed(true)}>
        {t('notices.dismiss')}
      </button>
    </Notice>
  );
}
