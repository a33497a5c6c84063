/**
 * What an archive holds, as a reader counts it: "68 passages in 11 sections, 26 pictures, 8 films and
 * recordings". Captions each name a picture and media passages a film or recording; headings are not counted.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveInfo } from '../../../main/api/contract';

export function useHoldings(info: ArchiveInfo): string {
  const { t } = useTranslation();
  const { caption, media } = info.kindCounts;
  const summary = t('holdings.summary', {
    passages: t('holdings.passages', { count: info.passageCount }),
    sections: t('holdings.sections', { count: info.sectionCount }),
  });
  return [
    summary,
    caption > 0 ? t('holdings.pictures', { count: caption }) : null,
    media > 0 ? t('holdings.films', { count: media }) : null,
  ]
    .filter((part): part is string => part !== null)
    .join(', ');
}
