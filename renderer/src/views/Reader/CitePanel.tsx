/** Under a passage: its deep link and its citation (Chicago, BibTeX or CSL-JSON), each copied with one button. */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CITE_FORMATS, formatCitation, type CiteFormat, type CitedPassage } from '../../cite/citation';
import './CitePanel.css';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CitePanel({ cited, onClose }: { cited: CitedPassage; onClose(this: void): void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<CiteFormat>('chicago');
  const [status, setStatus] = useState('');
  const ids = useId();
  const first = useRef<HTMLAnchorElement>(null);
  const text = formatCitation(format, cited);
  // Focused on opening; on closing, focus goes back to the button that opened it.
  // A ref, so that StrictMode's rehearsal (unmount and mount again) does not take the link for the opener.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current ??= document.activeElement;
    const back = opener.current;
    const link = first.current;
    link?.focus();
    return () => {
      requestAnimationFrame(() => {
        const lost = document.activeElement === document.body || document.activeElement === null;
        if (!link?.isConnected && lost && back instanceof HTMLElement && back.isConnected) back.focus();
      });
    };
  }, []);

  const copy = async (what: string, done: string): Promise<void> =>
    setStatus((await copyText(what)) ? done : t('cite.copyFailed'));

  return (
    <div
      className="cite-panel"
      role="group"
      aria-label={t('cite.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <p className="cite-link">
        <a ref={first} href={cited.url}>
          {t('cite.link')}
        </a>{' '}
        <button type="button" onClick={() => void copy(cited.url, t('cite.linkCopied'))}>
          {t('cite.copyLink')}
        </button>
      </p>
      <fieldset className="cite-formats">
        <legend>{t('cite.format')}</legend>
        {CITE_FORMATS.map((f) => (
          <label key={f} className="chip">
            <input type="radio" name={`${ids}-format`} checked={format === f} onChange={() => setFormat(f)} />
            {t(`cite.formats.${f}`)}
          </label>
        ))}
      </fieldset>
      <pre className="cite-text" lang="en" tabIndex={0} aria-label={t(`cite.formats.${format}`)}>
        {text}
      </pre>
      <p className="cite-actions">
        <button type="button" className="primary" onClick={() => void copy(text, t('cite.copied'))}>
          {t('cite.copy')}
        </button>
        <button type="button" onClick={onClose}>
          {t('cite.close')}
        </button>
        <span role="status" className="cite-status">
          {status}
        </span>
      </p>
    </div>
  );
}
