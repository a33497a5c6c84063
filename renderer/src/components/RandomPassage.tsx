/** "Random passage": opens a passage the archive chooses at random (passage.random), for a reader who wants to wander. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';
import { useAnnounce } from '../hooks/useAnnounce';
import { passageHref } from '../route';

export function RandomPassage() {
  const { t } = useTranslation();
  const api = useApi();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const open = (): void => {
    setBusy(true);
    api
      .call('passage.random', {})
      .then(
        ({ passage }) => {
          location.hash = passageHref(passage.id);
        },
        (error: unknown) => announce(t('searchHelp.randomFailed', { message: messageOf(error) })),
      )
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" className="button random-passage" disabled={busy} onClick={open}>
      <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16">
        <rect x="3" y="3" width="14" height="14" rx="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <circle cx="7" cy="7" r="1.3" fill="currentColor" />
        <circle cx="13" cy="13" r="1.3" fill="currentColor" />
        <circle cx="10" cy="10" r="1.3" fill="currentColor" />
      </svg>
      {t('searchHelp.random')}
    </button>
  );
}
