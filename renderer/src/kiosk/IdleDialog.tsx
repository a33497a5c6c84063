/** "Are you still there?": an alertdialog with a visible countdown; any touch (the button included) dismisses it. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export function IdleDialog({ secondsLeft }: { secondsLeft: number }) {
  const stay = useRef<HTMLButtonElement>(null);
  useEffect(() => stay.current?.focus(), []);
  const { t } = useTranslation();
  return (
    <div className="kiosk-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="kiosk-idle-title"
        aria-describedby="kiosk-idle-body"
        className="kiosk-dialog"
      >
        <h2 id="kiosk-idle-title">{t('kiosk.idle.title')}</h2>
        <p id="kiosk-idle-body">{t('kiosk.idle.body')}</p>
        <p className="kiosk-countdown">
          <span className="kiosk-countdown-number" aria-hidden="true">
            {secondsLeft}
          </span>
          <span>{t('kiosk.idle.countdown', { count: secondsLeft })}</span>
        </p>
        {/* Activity itself dismisses the dialog (useIdle); the button gives that touch a target. */}
        <button ref={stay} type="button" className="button primary">
          {t('kiosk.idle.stay')}
        </button>
      </div>
    </div>
  );
}
