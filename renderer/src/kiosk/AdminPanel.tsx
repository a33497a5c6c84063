/**
 * The admin panel behind the hidden gesture: a PIN pad first (wrong PINs are rate-limited by the
 * server), then "Reset now", "Usage" and, in the desktop app, "Exit kiosk". The PIN is kept only while
 * the panel is open, to authorise each action.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageSummary } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';
import { UsageReport } from './UsageReport';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

export function AdminPanel({
  canExit,
  onReset,
  onClose,
}: {
  canExit: boolean;
  onReset: () => void;
  onClose: () => void;
}) {
  const api = useApi();
  const [pin, setPin] = useState('');
  const [unlocked, setUnlocked] = useState(false);
  const [message, setMessage] = useState('');
  const [usage, setUsage] = useState<UsageSummary | null | 'off'>(null);
  const first = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation();
  useEffect(() => first.current?.focus(), [unlocked]);

  const admin = async (action: 'unlock' | 'usage' | 'exit'): Promise<void> => {
    try {
      const answer = await api.call('kiosk.admin', { pin, action });
      if (!answer.ok) {
        setPin('');
        setMessage(
          answer.reason === 'locked'
            ? t('kiosk.admin.locked', { seconds: answer.retryInSeconds })
            : answer.reason === 'no-pin'
              ? t('kiosk.admin.noPin')
              : t('kiosk.admin.wrong'),
        );
        return;
      }
      setMessage('');
      setUnlocked(true);
      if (action === 'usage') setUsage(answer.usage ?? 'off');
    } catch (failure) {
      setMessage(t('kiosk.admin.failed', { message: messageOf(failure) }));
    }
  };

  return (
    <div className="kiosk-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="kiosk-admin-title" className="kiosk-dialog kiosk-admin">
        <h2 id="kiosk-admin-title">{t('kiosk.admin.title')}</h2>
        {!unlocked ? (
          <>
            <p id="kiosk-pin-label">{t('kiosk.admin.pinLabel')}</p>
            <p className="kiosk-pin-dots" role="status">
              <span aria-hidden="true">{'●'.repeat(pin.length) || '–'}</span>
              <span className="visually-hidden">
                {pin.length ? t('kiosk.admin.pinShown', { count: pin.length }) : t('kiosk.admin.pinEmpty')}
              </span>
            </p>
            <div className="kiosk-pinpad" role="group" aria-labelledby="kiosk-pin-label">
              {DIGITS.map((d, i) => (
                <button
                  key={d}
                  ref={i === 0 ? first : undefined}
                  type="button"
                  onClick={() => setPin((p) => (p.length < 12 ? p + d : p))}
                >
                  {d}
                </button>
              ))}
              <button type="button" onClick={() => setPin((p) => p.slice(0, -1))}>
                {t('kiosk.admin.delete')}
              </button>
            </div>
            <div className="kiosk-actions">
              <button type="button" className="button primary" disabled={!pin} onClick={() => void admin('unlock')}>
                {t('kiosk.admin.unlock')}
              </button>
              <button type="button" className="button" onClick={onClose}>
                {t('kiosk.admin.cancel')}
              </button>
            </div>
          </>
        ) : (
          <>
            <div className="kiosk-actions">
              <button ref={first} type="button" className="button" onClick={onReset}>
                {t('kiosk.admin.reset')}
              </button>
              <button type="button" className="button" onClick={() => void admin('usage')}>
                {t('kiosk.admin.usage')}
              </button>
              {canExit && (
                <button type="button" className="button" onClick={() => void admin('exit')}>
                  {t('kiosk.admin.exit')}
                </button>
              )}
              <button type="button" className="button" onClick={onClose}>
                {t('kiosk.admin.close')}
              </button>
            </div>
            {usage === 'off' ? <p>{t('kiosk.admin.usageOff')}</p> : usage && <UsageReport usage={usage} />}
          </>
        )}
        <p role="alert" className="kiosk-admin-message">
          {message}
        </p>
      </div>
    </div>
  );
}
