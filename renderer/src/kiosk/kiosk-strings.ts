/**
 * Every word the kiosk shows, in English and Korean, following the interface language (i18n/): the
 * visitor's choice in Settings, which resets with the session, else the kiosk's default (`?lang=`).
 */
import { useLocalStrings } from '../i18n/useLocalStrings';

const en = {
  attract: {
    start: 'Touch to explore',
    hint: 'Touch anywhere to begin',
    featured: 'From the archive',
  },
  idle: {
    title: 'Are you still there?',
    body: 'This kiosk will start over for the next visitor.',
    countdown: (s: number) => `Starting over in ${s} ${s === 1 ? 'second' : 'seconds'}`,
    stay: "I'm still here",
  },
  keyboard: {
    region: 'On-screen keyboard',
    languageKey: '한/A',
    language: { en: 'English', ko: '한국어' },
    shift: 'Shift',
    space: 'Space',
    backspace: 'Backspace',
    clear: 'Clear',
    hide: 'Hide keyboard',
  },
  admin: {
    title: 'Kiosk administration',
    pinLabel: 'Enter the admin PIN',
    pinShown: (n: number) => (n ? `${n} ${n === 1 ? 'digit' : 'digits'} entered` : 'No digits entered'),
    delete: 'Delete digit',
    unlock: 'Unlock',
    cancel: 'Cancel',
    close: 'Close',
    wrong: 'Wrong PIN.',
    locked: (s: number) => `Too many wrong PINs. Try again in ${s} s.`,
    noPin: 'No admin PIN is set for this kiosk (set one with "folio kiosk-pin").',
    exit: 'Exit kiosk',
    reset: 'Reset now',
    usage: 'Usage',
    usageOff: 'Usage is not being counted on this kiosk.',
    failed: (message: string) => `That did not work: ${message}`,
  },
  usage: {
    title: 'Usage so far',
    sessions: (n: number, median: number) => `${n} ${n === 1 ? 'session' : 'sessions'}, median ${median} s`,
    searches: (n: number) => `${n} ${n === 1 ? 'search' : 'searches'}`,
    passages: (n: number) => `${n} ${n === 1 ? 'passage' : 'passages'} opened`,
    bookmarks: (n: number) => `${n} ${n === 1 ? 'bookmark' : 'bookmarks'} made`,
    zero: 'Searches that found nothing',
    topQueries: 'Top searches',
    topPassages: 'Top passages',
    none: 'None yet.',
  },
};

type KioskStrings = typeof en;

const ko: KioskStrings = {
  attract: {
    start: '터치하여 둘러보기',
    hint: '아무 곳이나 터치하면 시작합니다',
    featured: '아카이브에서',
  },
  idle: {
    title: '아직 계신가요?',
    body: '이 키오스크는 다음 방문객을 위해 처음으로 돌아갑니다.',
    countdown: (s: number) => `${s}초 뒤에 처음으로 돌아갑니다`,
    stay: '계속 볼게요',
  },
  keyboard: {
    region: '화면 키보드',
    languageKey: '한/A',
    language: { en: 'English', ko: '한국어' },
    shift: 'Shift',
    space: '띄어쓰기',
    backspace: '지우기',
    clear: '모두 지우기',
    hide: '키보드 숨기기',
  },
  admin: {
    title: '키오스크 관리',
    pinLabel: '관리자 PIN을 입력하세요',
    pinShown: (n: number) => (n ? `${n}자리 입력함` : '입력한 숫자 없음'),
    delete: '숫자 지우기',
    unlock: '잠금 해제',
    cancel: '취소',
    close: '닫기',
    wrong: 'PIN이 틀렸습니다.',
    locked: (s: number) => `틀린 PIN이 너무 많습니다. ${s}초 뒤에 다시 시도하세요.`,
    noPin: '이 키오스크에는 관리자 PIN이 없습니다 ("folio kiosk-pin"으로 설정하세요).',
    exit: '키오스크 끝내기',
    reset: '지금 초기화',
    usage: '이용 현황',
    usageOff: '이 키오스크는 이용 현황을 기록하지 않습니다.',
    failed: (message: string) => `실행하지 못했습니다: ${message}`,
  },
  usage: {
    title: '지금까지의 이용 현황',
    sessions: (n: number, median: number) => `방문 ${n}회, 중앙값 ${median}초`,
    searches: (n: number) => `검색 ${n}회`,
    passages: (n: number) => `구절 ${n}회 열람`,
    bookmarks: (n: number) => `북마크 ${n}개`,
    zero: '결과가 없었던 검색',
    topQueries: '많이 찾은 검색어',
    topPassages: '많이 본 구절',
    none: '아직 없습니다.',
  },
};

/** The kiosk's words in the interface's current language (re-rendered when it changes). */
export function useKioskStrings(): KioskStrings {
  return useLocalStrings({ en, ko });
}
