/** What the archive's opening had to tell the reader (a reset bookmarks file, say), until dismissed. */
import { useState } from 'react';
import { strings } from '../strings';
import { Notice } from './Notice';

export function ArchiveNotices({ notices }: { notices: readonly string[] }) {
  const [dismissed, setDismissed] = useState(false);
  if (dismissed || notices.length === 0) return null;
  return (
    <Notice title={strings.notices.title} banner>
      {notices.map((notice) => (
        <p key={notice}>{notice}</p>
      ))}
      <button type="button" onClick={() => setDismissed(true)}>
        {strings.notices.dismiss}
      </button>
    </Notice>
  );
}
