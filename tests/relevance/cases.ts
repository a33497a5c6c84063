/**
 * Relevance cases for the embedded Korean War archive. Each names the passage that must rank in
 * the top 3 by a distinctive substring of its text (never by id). `fresh` marks queries written
 * before the ranking was ever run against them and not tuned on afterwards.
 */
export type Category =
  | 'romanisation'
  | 'apostrophes'
  | 'hyphen-space'
  | 'typos'
  | 'abbreviations'
  | 'designations'
  | 'numbers'
  | 'decades'
  | 'hangul'
  | 'stemming'
  | 'kind-intent'
  | 'questions'
  | 'prefixes'
  | 'plain';

export interface RelevanceCase {
  category: Category;
  query: string;
  /** A substring of the passage that must be in the top 3. */
  expect: string;
  kinds?: ('text' | 'caption' | 'media' | 'heading')[];
  fresh?: boolean;
}

const c = (category: Category, query: string, expect: string, extra: Partial<RelevanceCase> = {}): RelevanceCase => ({
  category,
  query,
  expect,
  ...extra,
});

export const CASES: RelevanceCase[] = [
  // Romanisation variants (Revised Romanization, older spellings) through the manifest's table.
  c('romanisation', 'Busan', 'known as the Pusan Perimeter'),
  c('romanisation', 'Gaeseong', 'Negotiations began on 10 June at Kaesong'),
  c('romanisation', 'Suncheon rebellion', 'Video on the Jeju uprising and Sunchon Rebellion'),
  c('romanisation', 'Jang Myeon', 'the prime minister, Chang Myon'),
  c('romanisation', 'Yun Bo-seon', 'Yun Po-sun was elected the next president'),
  c('romanisation', 'Daegu', 'up and around Taegu'),
  c('romanisation', 'Panmunjeom', "negotiations resumed at P'anmunjom", { fresh: true }),
  c('romanisation', 'Incheon landing', "The now famous Inch'on landing", { fresh: true }),
  c('romanisation', 'Heo Jeong', 'interim government led by Ho Chong', { fresh: true }),
  c('romanisation', 'Yalu River', 'at the Amnok (Yalu) River', { fresh: true }),
  c('romanisation', 'Lee Seung-man refused to sign', 'President Syngman Rhee refused to sign', { fresh: true }),
  c('romanisation', 'Cheju uprising', 'Video on the Jeju uprising', { fresh: true }),

  // Apostrophes inside words never split or block a match.
  c('apostrophes', 'Pyongyang', "met in 1946 (P'yongyang)"),
  c('apostrophes', 'Pohang-dong', "Battle of P'ohang-dong"),
  c('apostrophes', 'Inchon MacArthur gambled', "amphibious invasion at Inch'on"),
  c('apostrophes', 'Panmunjom', "negotiations resumed at P'anmunjom", { fresh: true }),
  c('apostrophes', 'Korean Workers Party', "Korean Worker's Party in August 1946", { fresh: true }),
  c('apostrophes', 'Koreas first national election', "Voter in Korea's first national election", { fresh: true }),
  c('apostrophes', 'Peoples Committee of North Korea', "renamed the People's Committee of North Korea", {
    fresh: true,
  }),
  c('apostrophes', 'Rhee’s popularity', "President Rhee's popularity dwindled", { fresh: true }),

  // Hyphenated, spaced and joined forms.
  c('hyphen-space', 'Kim Il-sung painting', 'Painting of Kim Il sung directing'),
  c('hyphen-space', 'Yun Po sun', 'Yun Po-sun was elected'),
  c('hyphen-space', 'Pak Hon Yong', 'including Pak Hon-Yong, an ardent Communist', { fresh: true }),
  c('hyphen-space', 'Kim Ilsung signing', 'Kim Il sung signing the armistice', { fresh: true }),
  c('hyphen-space', 'ceasefire proposed', 'proposed a cease-fire', { fresh: true }),
  c('hyphen-space', 'antiaircraft gunners', 'anti-aircraft gunners', { fresh: true }),
  c('hyphen-space', 'Sino Soviet split', 'Sino-Soviet split', { fresh: true }),
  c('hyphen-space', 'Chiang Kaishek', 'defeat of Chiang Kai-shek', { fresh: true }),
  c('hyphen-space', 'student soldiers', 'student-soldiers of South Korea', { fresh: true }),

  // Typos: one or two letters off.
  c('typos', 'Chistyakov', 'General Ivan M Chistiakov'),
  c('typos', 'McCarthism', 'McCarthyism is at its height'),
  c('typos', 'Heartbrake Ridge', 'the infamous Heartbreak Ridge'),
  c('typos', 'Singman Rhee', '1,000 Won bill from 1950, Syngman Rhee'),
  c('typos', 'Chistiakow', 'General Ivan M Chistiakov', { fresh: true }),
  c('typos', 'Pepelyev kills', 'Evgeni Pepelyaev having the most', { fresh: true }),
  c('typos', 'MacAurthur atomic weapons', 'MacArthur could not cope', { fresh: true }),
  c('typos', 'Panmunjon negotiations', "negotiations resumed at P'anmunjom", { fresh: true }),
  c('typos', 'trustieship', 'a joint trusteeship of Korea', { fresh: true }),
  c('typos', 'Stallin promised Mao', 'Stalin promised Mao air support', { fresh: true }),
  c('typos', 'Syngmann Rhee resigned', 'a bitter President Rhee resigned', { fresh: true }),

  // Abbreviations and acronyms.
  c('abbreviations', 'U.N. Security Council', 'the U.N. Security Council president'),
  c('abbreviations', 'UN Security Council', 'the U.N. Security Council president'),
  c('abbreviations', 'ROK soldier', 'A ROK soldier'),
  c('abbreviations', 'DPRK founded', "Democratic People's Republic of Korea"),
  c('abbreviations', 'DMZ', 'Demilitarized Zone (DMZ)', { fresh: true }),
  c('abbreviations', 'US spotter planes', 'underestimated by US spotter planes', { fresh: true }),
  c('abbreviations', 'U.S. tactical nuclear weapons', 'U.S. tactical nuclear weapons were withdrawn', { fresh: true }),
  c('abbreviations', 'POW camps', 'held in POW camps', { fresh: true }),
  c('abbreviations', 'WWII Japan occupation', "Defeat in WW II ended Japan's", { fresh: true }),
  c('abbreviations', 'UN election Seoul', 'A demonstration before the 1948 UN election', { fresh: true }),

  // Designations: letters plus numbers, dotted/hyphenated/spaced/joined.
  c('designations', 'Yak-9', 'Yakovlev Yak 9 fighter'),
  c('designations', 'Yak9 fighter', 'Yakovlev Yak 9 fighter'),
  c('designations', 'MiG 15', 'Mig-15 Soviet Korean War fighter'),
  c('designations', 'MiG15s', 'cannon-equipped MiG 15s Soviet jet'),
  c('designations', 'T-34 tanks', 'formidable T34 tanks'),
  c('designations', 'B29', 'slow moving U.S. B-29s'),
  c('designations', 'F-86 Sabre jets', 'faster than even the Sabre jets', { fresh: true }),
  c('designations', '280 mm cannon', '280mm atomic cannon', { fresh: true }),

  // Numbers with and without thousands separators.
  c('numbers', '120000 man army', '120,000 man army'),
  c('numbers', '120,000 Chinese soldiers', 'trapped by 120,000 Chinese soldiers'),
  c('numbers', '54246', 'The U.S. deaths were 54,246'),
  c('numbers', '98000 refugees', 'rescued 98,000 refugees', { fresh: true }),
  c('numbers', '1000 won bill', '1,000 Won bill from 1950', { fresh: true }),
  c('numbers', '25000 troops', 'about 25,000 troops into North Korea', { fresh: true }),
  c('numbers', '1300 American aircraft', '1,300 American aircraft', { fresh: true }),

  // Decades.
  c('decades', "'50s", "The Forgettable '50s"),
  c('decades', '1950s', "The Forgettable '50s"),
  c('decades', '1980s talks', "during the '80s and '90s", { fresh: true }),
  c('decades', "'90s negotiations", "during the '80s and '90s", { fresh: true }),

  // Korean script: whole words, whole compounds, parts of compounds; variants in Hangul.
  c('hangul', '제주', '제주 4·3 민중항쟁'),
  c('hangul', '민중항쟁', '제주 4·3 민중항쟁'),
  c('hangul', '민중', '제주 4·3 민중항쟁'),
  c('hangul', '항쟁', '제주 4·3 민중항쟁', { fresh: true }),
  c('hangul', '부산', 'known as the Pusan Perimeter', { fresh: true }),
  c('hangul', '판문점', "negotiations resumed at P'anmunjom", { fresh: true }),
  c('hangul', '인천상륙작전', "The now famous Inch'on landing", { fresh: true }),

  // English stemming keeps working in an archive that also holds Korean.
  c('stemming', 'retreats', 'UN forces retreating from North Korea'),
  c('stemming', 'negotiating ceasefire Kaesong', 'Negotiations began on 10 June at Kaesong', { fresh: true }),
  c('stemming', 'demonstrators Masan', 'student demonstrator in Masan Bay', { fresh: true }),
  c('stemming', 'infiltrator executed', 'infiltrators about to be executed', { fresh: true }),

  // What kind of thing the reader wants.
  c('kind-intent', 'Chosin video', 'The Chosin Reservoir Campaign: Frozen Chosin'),
  c('kind-intent', 'Into the Fire trailer', 'Into the Fire Korean movie'),
  c('kind-intent', 'photo Seoul Station', 'Crowd at Seoul Station'),
  c('kind-intent', 'Korean war documentary color', 'Korean War in Color', { fresh: true }),
  c('kind-intent', 'Yak fighter film', 'Weapons of Victory 19', { fresh: true }),
  c('kind-intent', 'picture of 1947 won', '1947 Korean Won', { fresh: true }),
  c('kind-intent', 'POW footage China', 'They chose China', { fresh: true }),
  c('kind-intent', 'armistice signing video', 'Signing of the Korean War Armistice', { fresh: true }),
  c('kind-intent', 'kind:media Jeju', 'Video on the Jeju uprising', { fresh: true }),
  c('kind-intent', 'kind:caption Kim Il sung', 'Painting of Kim Il sung', { fresh: true }),
  c('kind-intent', 'Seoul', 'Fighting in Seoul', { kinds: ['caption'], fresh: true }),

  // Plain questions: not every word occurs; ranking rewards how many do.
  c('questions', 'which Soviet pilot had the most kills', 'Evgeni Pepelyaev having the most'),
  c(
    'questions',
    'who led the 25th division north of the 38th parallel',
    'General Ivan M Chistiakov led the 25 Division',
  ),
  c('questions', 'when did the cease-fire negotiations begin', 'Negotiations began on 10 June at Kaesong', {
    fresh: true,
  }),
  c('questions', 'how many people died in the war', 'over a million people died', { fresh: true }),
  c('questions', 'who replaced MacArthur', 'replaced him with Gen. Ridgeway', { fresh: true }),
  c('questions', 'where did Rhee go into exile', 'self-exile in Hawaii', { fresh: true }),
  c('questions', 'what was the Pusan Perimeter', 'known as the Pusan Perimeter', { fresh: true }),
  c('questions', 'how many American POWs stayed in China', 'The story of 21 American POWS', { fresh: true }),
  c('questions', 'who was prime minister after Rhee', 'the prime minister, Chang Myon', { fresh: true }),

  // As-you-type prefixes.
  c('prefixes', 'Pus', 'known as the Pusan Perimeter'),
  c('prefixes', 'armis', 'the armistice was only a military agreement'),
  c('prefixes', 'Chis', 'General Ivan M Chistiakov'),
  c('prefixes', 'Pepel', 'Evgeni Pepelyaev', { fresh: true }),
  c('prefixes', 'Heartbr', 'the infamous Heartbreak Ridge', { fresh: true }),
  c('prefixes', 'McCar', 'McCarthyism is at its height', { fresh: true }),
  c('prefixes', 'Busa', 'known as the Pusan Perimeter', { fresh: true }),
  c('prefixes', 'demilit', 'Demilitarized Zone (DMZ)', { fresh: true }),
  c('prefixes', 'Frozen Cho', 'The Chosin Reservoir Campaign: Frozen Chosin', { fresh: true }),
  c('prefixes', 'trustees', 'a joint trusteeship of Korea', { fresh: true }),

  // Plain searches.
  c('plain', 'Cairo Conference', 'At the Cairo Conference of 1943'),
  c('plain', 'samurai sword interpreter', 'samurai sword acts as an interpreter', { fresh: true }),
  c('plain', 'Berlin Wall', 'less porous than the Berlin Wall', { fresh: true }),
  c('plain', 'Nakdong River', 'safeguarding the Nakdong River', { fresh: true }),
  c('plain', 'underground factories bombing', 'building underground factories', { fresh: true }),
  c('plain', 'Inmun gun', 'North Korean soldier with an Inmun gun', { fresh: true }),
  c('plain', 'Masan Bay', 'student demonstrator in Masan Bay', { fresh: true }),
  c('plain', 'Shuibo Wang', 'filmmaker Shuibo Wang', { fresh: true }),
  c('plain', 'Ted Williams', 'John Glenn,Ted Williams', { fresh: true }),
  c('plain', 'Bush nuclear initiative', 'Presidential Nuclear Initiative', { fresh: true }),
  c('plain', 'Mao son Anying', 'Mao and his favorite son, Anying', { fresh: true }),
  c('plain', 'Tianjin troop carrier', 'Koreans returning from Manchuria via Tianjin', { fresh: true }),

  // Second batch, written after the first was green and run once without tuning (32 of 33 hit;
  // the miss, "what weapons did Chinese troops use", expects a caption that never says "weapons").
  c('romanisation', 'Naktong River', 'safeguarding the Nakdong River', { fresh: true }),
  c('romanisation', 'Keijo Station crowd', 'Crowd at Seoul Station', { fresh: true }),
  c('romanisation', 'Chemulpo landing', 'landing at Inchon', { fresh: true }),
  c('romanisation', 'Rhee Syngman president election', 'election of Syngman Rhee as president', { fresh: true }),
  c('apostrophes', 'Kim Il Sung’s army', "trained and equipped Kim Il sung's army", { fresh: true }),
  c('apostrophes', 'Pohang', "south of P'ohang", { fresh: true }),
  c('hyphen-space', 'self sufficient', 'Neither sector was self-sufficient', { fresh: true }),
  c('hyphen-space', 'Kim Song-ju', 'born as Kim Song ju', { fresh: true }),
  c('hyphen-space', 'four km wide', 'four-km-wide Demilitarized Zone', { fresh: true }),
  c('typos', 'Pepelyaev kils', 'Evgeni Pepelyaev having the most', { fresh: true }),
  c('typos', 'Ridgeway meat grnder', "'meat grinder method", { fresh: true }),
  c('typos', 'Inchion landing', "The now famous Inch'on landing", { fresh: true }),
  c('typos', 'armistise', 'the armistice was only a military agreement', { fresh: true }),
  c('abbreviations', 'P.O.W.', 'held in POW camps', { fresh: true }),
  c('abbreviations', 'USSR delegate ceasefire', 'the Soviet delegate, proposed a cease-fire', { fresh: true }),
  c('designations', 'Yak-9 fighter plane', 'Yakovlev Yak 9 fighter', { fresh: true }),
  c('designations', 'B 29 bombers', 'slow moving U.S. B-29s', { fresh: true }),
  c('numbers', '3194 other forces', 'with about 3,194 among other forces', { fresh: true }),
  c('numbers', '500000 soldiers', 'about 500,000 North Korean soldiers', { fresh: true }),
  c('decades', '1990s', "during the '80s and '90s", { fresh: true }),
  c('hangul', '항쟁 제주', '제주 4·3 민중항쟁', { fresh: true }),
  c('hangul', '인천', "The now famous Inch'on landing", { fresh: true }),
  c('kind-intent', 'Jeju uprising film', 'Video on the Jeju uprising', { fresh: true }),
  c('kind-intent', 'photo of Mao and his son', 'Mao and his favorite son, Anying', { fresh: true }),
  c('kind-intent', 'Korean War every day video', 'The Korean War: Every Day', { fresh: true }),
  c('questions', 'how many troops did the UN countries send', '16 countries provided troops', { fresh: true }),
  c('questions', 'when did Seoul fall', 'Within days Seoul fell', { fresh: true }),
  c('prefixes', 'Porkch', 'Porkchop Hill', { fresh: true }),
  c('prefixes', 'Shuib', 'filmmaker Shuibo Wang', { fresh: true }),
  c('plain', 'Browning machine guns', 'Chinese troops with American .30 caliber Browning', { fresh: true }),
  c('plain', 'Japanese officer samurai', 'samurai sword acts as an interpreter', { fresh: true }),
  c('plain', 'Oscar nominated filmmaker', 'Oscar-nominated filmmaker Shuibo Wang', { fresh: true }),

  // Third batch, run once without tuning: 34 of 36 hit. One miss was a test typo (a double space
  // the archive normalises); the other, "50's", led to a general decade rule (1950's = 50's = '50s),
  // so it is not counted as untuned.
  c('romanisation', 'Cheju island', 'on Jeju Island', { fresh: true }),
  c('romanisation', 'Kyongsong', 'Seoul before the war', { fresh: true }),
  c('romanisation', 'Yosu rebellion', 'Sunchon Rebellion', { fresh: true }),
  c('romanisation', 'Pak Heon-yeong communist', 'Pak Hon-Yong, an ardent Communist', { fresh: true }),
  c('apostrophes', "P'yongyang government", 'set up their own government in P', { fresh: true }),
  c('hyphen-space', 'Mao Tse-tung son', 'Mao and his favorite son', { fresh: true }),
  c('hyphen-space', 'harebrained idea', 'seemed a harebrained idea', { fresh: true }),
  c('hyphen-space', 'hare-brained idea', 'seemed a harebrained idea', { fresh: true }),
  c('typos', 'Pusann perimiter', 'known as the Pusan Perimeter', { fresh: true }),
  c('typos', 'Chosin Resevoir', 'The Chosin Reservoir Campaign', { fresh: true }),
  c('typos', 'Ted Wiliams', 'John Glenn,Ted Williams', { fresh: true }),
  c('typos', 'Shuibo Wong', 'filmmaker Shuibo Wang', { fresh: true }),
  c('typos', 'Tiananmin Square', 'Sunrise Over Tiananmen Square', { fresh: true }),
  c('abbreviations', 'U.S.S.R.', 'The Soviet Union agreed to it in 1945', { fresh: true }),
  c('abbreviations', 'DMZ 4 km', 'four-km-wide Demilitarized Zone', { fresh: true }),
  c('designations', 'Yakovlev Yak-9', 'Yakovlev Yak 9 fighter', { fresh: true }),
  c('designations', 'MiG-15s Sabre', 'cannon-equipped MiG 15s', { fresh: true }),
  c('numbers', '71 student soldiers', 'group of 71 undertrained', { fresh: true }),
  c('numbers', '1,300 aircraft shot down', '1,300 American aircraft', { fresh: true }),
  c('numbers', '14000 killed Jeju', 'An estimated 14,~30,000', { fresh: true }),
  c('decades', "50's", "The Forgettable '50s"),
  c('hangul', '포항', "south of P'ohang", { fresh: true }),
  c('hangul', '장진호', 'The Chosin Reservoir Campaign', { fresh: true }),
  c('kind-intent', 'Chosin Reservoir movie', 'The Chosin Reservoir Campaign: Frozen Chosin', { fresh: true }),
  c('kind-intent', 'image Kim Il sung armistice', 'Kim Il sung signing the armistice', { fresh: true }),
  c('kind-intent', 'They Chose China documentary', 'They chose China', { fresh: true }),
  c('questions', 'who was Kim Il Sung born as', 'born as Kim Song ju', { fresh: true }),
  c('questions', 'how old was Kim when he took power', 'was 33 years old at the time', { fresh: true }),
  c('questions', 'which famous Americans served in the Korean war', 'Famous American veterans of the Korean War', {
    fresh: true,
  }),
  c('questions', 'what did Truman fear', 'Truman, fearing this would lead to World War III', { fresh: true }),
  c('prefixes', 'Pyong', "met in 1946 (P'yongyang)", { fresh: true }),
  c('prefixes', 'Manch', 'returning from Manchuria', { fresh: true }),
  c('prefixes', 'Kim Song j', 'born as Kim Song ju', { fresh: true }),
  c('plain', 'Sino-Korean border Mig Alley', "'Mig Alley' corridor", { fresh: true }),
  c('plain', 'Geneva 1954 negotiations', 'negotiations were started in Geneva', { fresh: true }),
  c('plain', 'Ferdinand Marcos', 'former President Ferdinand Marcos', { fresh: true }),
];

/** Queries that must never throw (and never report an internal error). */
export const HOSTILE: string[] = [
  '',
  ' ',
  '\t\n',
  'title:',
  'caption:',
  'media:',
  'text:',
  'kind:',
  'kind:nothing',
  'kind:media',
  '-kind:media',
  '~',
  '~2',
  'a~2',
  '+',
  '-',
  '+-',
  '-+',
  '--',
  '++',
  '*',
  'a*',
  '*a',
  '**',
  '"',
  '""',
  '"""',
  '"unclosed',
  ':',
  '::',
  'title:"',
  'title:title:',
  '+title:',
  '-title:x',
  'foo:bar',
  '^',
  'a^2',
  '((',
  ')',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '/',
  '?',
  'AND OR NOT',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'prototype',
  '\u0000',
  'a\u0000b',
  '\u0000\u0000\u0000',
  '😀',
  '👨‍👩‍👧',
  '🇰🇷 flag',
  '\ud800',
  'a\udc00b',
  '\u200b',
  '\ufeff',
  'x'.repeat(10_000),
  '🙂'.repeat(5_000),
  'Pusan '.repeat(2_000),
  '"a '.repeat(3_000),
  '-'.repeat(10_000),
  '제'.repeat(10_000),
  'ㄱㄴㄷ',
  'ᄀᄁ',
  '١٢٣',
  'Ω≈ç√∫',
  'ﬁ',
  'İstanbul',
  'ǅ',
  '<script>alert(1)</script>',
  "'",
  "''",
  "'50",
  "'s",
  'U.',
  '.',
  '...',
  'U.N.U.N.U.N.',
  '1,',
  ',000',
  '1,000,000,000,000,000,000',
  '9'.repeat(400),
];
