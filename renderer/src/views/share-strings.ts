/**
 * The Share view's words, in English and Korean, following the interface language (i18n/). Kept beside
 * the view, as the kiosk keeps its own, until the catalogues (i18n/en.ts, ko.ts) take them in.
 */
import { useLocalStrings } from '../i18n/useLocalStrings';

const en = {
  title: 'Share this archive',
  lede: 'Phones and computers on the same network, such as a hotspot, can open this archive in a browser.',
  openAt: 'Open this address',
  qr: (url: string) => `QR code for ${url}`,
  scan: 'Or scan this code with a phone camera.',
  others: 'Other addresses of this computer',
  local: 'On this computer',
  copy: 'Copy',
  copyLabel: (url: string) => `Copy ${url}`,
  copied: (url: string) => `Copied ${url}.`,
  copyFailed: 'Could not copy: select the address and copy it by hand.',
  loopback: (url: string) => `Only this computer can open this reader, at ${url}.`,
  desktop: 'Nothing is shared: this is the desktop app, and no other device can open it.',
  howTo: 'To share this archive with phones on the same network, start Folio on this computer with',
  howToCommand: 'folio serve --host 0.0.0.0',
  howToAfter: 'and open Share in the reader it serves.',
  failed: (message: string) => `Could not read the share addresses: ${message}`,
  loading: 'Loading…',
};

export type ShareStrings = typeof en;

const ko: ShareStrings = {
  title: '이 아카이브 공유하기',
  lede: '핫스폿처럼 같은 네트워크에 있는 휴대폰과 컴퓨터는 브라우저로 이 아카이브를 열 수 있습니다.',
  openAt: '이 주소를 여세요',
  qr: (url: string) => `${url}의 QR 코드`,
  scan: '또는 휴대폰 카메라로 이 코드를 스캔하세요.',
  others: '이 컴퓨터의 다른 주소',
  local: '이 컴퓨터에서',
  copy: '복사',
  copyLabel: (url: string) => `${url} 복사`,
  copied: (url: string) => `${url}을(를) 복사했습니다.`,
  copyFailed: '복사하지 못했습니다. 주소를 선택해 직접 복사하세요.',
  loopback: (url: string) => `이 컴퓨터에서만 ${url}에서 이 리더를 열 수 있습니다.`,
  desktop: '공유 중인 것이 없습니다. 데스크톱 앱이라 다른 기기에서는 열 수 없습니다.',
  howTo: '같은 네트워크의 휴대폰과 이 아카이브를 공유하려면 이 컴퓨터에서 다음 명령으로 Folio를 시작하고',
  howToCommand: 'folio serve --host 0.0.0.0',
  howToAfter: '그 리더에서 공유를 여세요.',
  failed: (message: string) => `공유 주소를 읽지 못했습니다: ${message}`,
  loading: '불러오는 중…',
};

export function useShareStrings(): ShareStrings {
  return useLocalStrings({ en, ko });
}
