/**
 * The Library view's words, in English and Korean, following the interface language (i18n/). Kept beside
 * the view, as the kiosk keeps its own, until the catalogues (i18n/en.ts, ko.ts) take them in.
 */
import { useLocalStrings } from '../../i18n/useLocalStrings';

const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
const size = (bytes: number, locale: string): string =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`
    : `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;

const en = {
  title: 'Library',
  lede: (n: number) =>
    `${n.toLocaleString('en')} ${n === 1 ? 'archive' : 'archives'} open. Open one to read it, or search them all at once.`,
  unavailable: 'The list of archives could not be read.',
  loading: 'Loading the list of archives…',
  archives: 'Open archives',
  columns: { title: 'Archive', language: 'Language', size: 'Size', passages: 'Passages', date: 'Date' },
  open: (title: string) => `Open ${title}`,
  reading: 'Reading now',
  embedded: 'Built in',
  size: (bytes: number) => size(bytes, 'en'),
  searchAll: 'Search all archives',
  searchLabel: 'Search all archives',
  searchButton: 'Search',
  searching: 'Searching…',
  results: 'Results from all archives',
  count: (total: number, archives: number, shown: number) =>
    `${total.toLocaleString('en')} ${total === 1 ? 'result' : 'results'} in ${archives.toLocaleString('en')} ${
      archives === 1 ? 'archive' : 'archives'
    }` + (total > shown ? `, showing the best ${shown}` : ''),
  none: (query: string) => `No archive has results for “${clip(query)}”.`,
  failed: (message: string) => `Search failed: ${message}`,
  from: (archive: string) => `From ${archive}`,
};

export type LibraryStrings = typeof en;

const ko: LibraryStrings = {
  title: '서재',
  lede: (n: number) =>
    `아카이브 ${n.toLocaleString('ko')}개가 열려 있습니다. 하나를 열어 읽거나, 모두를 한 번에 검색하세요.`,
  unavailable: '아카이브 목록을 읽을 수 없습니다.',
  loading: '아카이브 목록을 불러오는 중…',
  archives: '열린 아카이브',
  columns: { title: '아카이브', language: '언어', size: '크기', passages: '단락 수', date: '날짜' },
  open: (title: string) => `${title} 열기`,
  reading: '지금 읽는 중',
  embedded: '기본 제공',
  size: (bytes: number) => size(bytes, 'ko'),
  searchAll: '모든 아카이브 검색',
  searchLabel: '모든 아카이브 검색',
  searchButton: '검색',
  searching: '검색 중…',
  results: '모든 아카이브의 검색 결과',
  count: (total: number, archives: number, shown: number) =>
    `아카이브 ${archives.toLocaleString('ko')}개에서 결과 ${total.toLocaleString('ko')}건` +
    (total > shown ? ` (상위 ${shown}건 표시)` : ''),
  none: (query: string) => `“${clip(query)}”에 대한 결과가 있는 아카이브가 없습니다.`,
  failed: (message: string) => `검색하지 못했습니다: ${message}`,
  from: (archive: string) => `출처: ${archive}`,
};

export function useLibraryStrings(): LibraryStrings {
  return useLocalStrings({ en, ko });
}
