/** The page footer: the archive's licence and version, and that nothing leaves the device (where it comes from: About). */
import type { Manifest } from '../../../main/model/archive';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../i18n/ContentLanguage';
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
          )}
        </p>
      )}
      <p>{t('app.offline')}</p>
    </footer>
  );
}
