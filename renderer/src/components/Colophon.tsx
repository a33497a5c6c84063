/** The page footer: the archive's licence and version, the way to About (where it comes from), and that nothing leaves the device. */
import type { Manifest } from '../../../main/model/archive';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { hrefFor } from '../route';
import './Colophon.css';

export function Colophon({ manifest }: { manifest: Manifest | null }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  return (
    <footer className="colophon">
      {manifest && (
        <p>
          <span lang={lang}>{manifest.licence}</span>
          {manifest.version && (
            <>
              {' '}
              <span aria-hidden="true">·</span> <span>{t('app.version', { version: manifest.version })}</span>
            </>
          )}{' '}
          <span aria-hidden="true">·</span> <a href={hrefFor({ view: 'about' })}>{t('about.linkLong')}</a>
        </p>
      )}
      <p>{t('app.offline')}</p>
    </footer>
  );
}
