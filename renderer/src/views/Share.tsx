/**
 * Where other devices open this reader: the share URLs as copyable text and the first as a QR code, large
 * enough for a projector. The desktop app (and a loopback-only server) shares nothing, and says how to.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareInfo } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { messageOf } from '../error-message';
import { useAnnounce } from '../hooks/useAnnounce';
import './Share.css';

/**
 * The server's SVG as an image URL: an <img> never runs script or reaches the page, so the markup is not
 * trusted, only displayed (the CSP allows data: images).
 */
const svgImage = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** The command that shares: typed as it is, in any language. */
const SHARE_COMMAND = 'folio serve --host 0.0.0.0';

function CopyableUrl({ url, large = false }: { url: string; large?: boolean }) {
  const announce = useAnnounce();
  const { t } = useTranslation();
  // The Clipboard API exists only in secure contexts: on the laptop (localhost), not at a LAN address.
  const canCopy = typeof navigator.clipboard?.writeText === 'function';
  const copy = (): void => {
    navigator.clipboard.writeText(url).then(
      () => announce(t('share.copied', { url })),
      () => announce(t('share.copyFailed')),
    );
  };
  return (
    <div className={large ? 'share-url large' : 'share-url'}>
      <a href={url} className="share-address">
        {url}
      </a>
      {canCopy && (
        <button type="button" onClick={copy} aria-label={t('share.copyLabel', { url })}>
          {t('share.copy')}
        </button>
      )}
    </div>
  );
}

function HowToShare() {
  const { t } = useTranslation();
  return (
    <p>
      {t('share.howTo')} <code className="share-command">{SHARE_COMMAND}</code> {t('share.howToAfter')}
    </p>
  );
}

export function Share() {
  const api = useApi();
  const [info, setInfo] = useState<ShareInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();

  useEffect(() => {
    let cancelled = false;
    api.call('share.info', {}).then(
      (answer) => !cancelled && setInfo(answer),
      (failure: unknown) => !cancelled && setError(messageOf(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const [first, ...others] = info?.urls ?? [];
  return (
    <section className="share" aria-labelledby="share-title">
      <h1 id="share-title">{t('share.title')}</h1>
      {error ? (
        <Notice title={t('share.failed', { message: error })}>
          <HowToShare />
        </Notice>
      ) : !info ? (
        <Loading>{t('share.loading')}</Loading>
      ) : first ? (
        <>
          <p className="lede">{t('share.lede')}</p>
          <div className="share-main">
            <div>
              <h2>{t('share.openAt')}</h2>
              <CopyableUrl url={first} large />
              <p>{t('share.scan')}</p>
            </div>
            {info.qrSvg && <img className="share-qr" src={svgImage(info.qrSvg)} alt={t('share.qr', { url: first })} />}
          </div>
          {others.length > 0 && (
            <>
              <h2>{t('share.others')}</h2>
              <ul className="share-others">
                {others.map((url) => (
                  <li key={url}>
                    <CopyableUrl url={url} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <div className="share-none">
          <p className="lede">{info.localUrl ? t('share.loopback', { url: info.localUrl }) : t('share.desktop')}</p>
          <HowToShare />
        </div>
      )}
    </section>
  );
}
