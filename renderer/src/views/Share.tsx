/**
 * Where other devices open this reader: the share URLs as copyable text and the first as a QR code, large
 * enough for a projector. The desktop app (and a loopback-only server) shares nothing, and says how to.
 */
import { useEffect, useState } from 'react';
import type { ShareInfo } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { Loading } from '../components/Loading';
import { Notice } from '../components/Notice';
import { messageOf } from '../error-message';
import { useAnnounce } from '../hooks/useAnnounce';
import { useShareStrings } from './share-strings';
import './Share.css';

/**
 * The server's SVG as an image URL: an <img> never runs script or reaches the page, so the markup is not
 * trusted, only displayed (the CSP allows data: images).
 */
const svgImage = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

function CopyableUrl({ url, large = false }: { url: string; large?: boolean }) {
  const announce = useAnnounce();
  const t = useShareStrings();
  // The Clipboard API exists only in secure contexts: on the laptop (localhost), not at a LAN address.
  const canCopy = typeof navigator.clipboard?.writeText === 'function';
  const copy = (): void => {
    navigator.clipboard.writeText(url).then(
      () => announce(t.copied(url)),
      () => announce(t.copyFailed),
    );
  };
  return (
    <div className={large ? 'share-url large' : 'share-url'}>
      <a href={url} className="share-address">
        {url}
      </a>
      {canCopy && (
        <button type="button" onClick={copy} aria-label={t.copyLabel(url)}>
          {t.copy}
        </button>
      )}
    </div>
  );
}

function HowToShare() {
  const t = useShareStrings();
  return (
    <p>
      {t.howTo} <code className="share-command">{t.howToCommand}</code> {t.howToAfter}
    </p>
  );
}

export function Share() {
  const api = useApi();
  const [info, setInfo] = useState<ShareInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const t = useShareStrings();

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
      <h1 id="share-title">{t.title}</h1>
      {error ? (
        <Notice title={t.failed(error)}>
          <HowToShare />
        </Notice>
      ) : !info ? (
        <Loading>{t.loading}</Loading>
      ) : first ? (
        <>
          <p className="lede">{t.lede}</p>
          <div className="share-main">
            <div>
              <h2>{t.openAt}</h2>
              <CopyableUrl url={first} large />
              <p>{t.scan}</p>
            </div>
            {info.qrSvg && <img className="share-qr" src={svgImage(info.qrSvg)} alt={t.qr(first)} />}
          </div>
          {others.length > 0 && (
            <>
              <h2>{t.others}</h2>
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
          <p className="lede">{info.localUrl ? t.loopback(info.localUrl) : t.desktop}</p>
          <HowToShare />
        </div>
      )}
    </section>
  );
}
