/**
 * Every word the kiosk shows, in one table of the same shape as strings.ts, so that a translation of the
 * interface is one more table (the visitor's language choice resets with the session).
 */
export const kioskStrings = {
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
} as const;
