/** The reader's own page for a link that leads nowhere: an unknown route, or a section or passage not in the archive. */
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/Notice';
import { contentsHref } from '../hooks/useRoute';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Notice title={t('errors.notFoundTitle')}>
      <p>{t('errors.notFound')}</p>
      <p>
        <a href={contentsHref()}>{t('reader.backToContents')}</a>
      </p>
    </Notice>
  );
}
