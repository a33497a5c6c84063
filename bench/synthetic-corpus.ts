/**
 * A deterministic, realistic-looking corpus of index documents for the engine equivalence test and
 * quick benchmarks: Zipf-distributed words from a vocabulary of real English words plus generated
 * syllable words (so that many terms share prefixes), a few accented and Hangul words, section
 * titles shared by runs of passages, occasional captions and media titles, and optionally some long
 * passages.
 */
import type { IndexDocument } from '../main/search/types';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENGLISH = `the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will more can out up
who them some into only time other than then its also two these may new like over such our years first
any after most made where through back war army korea korean seoul pusan perimeter inchon landing chosin
reservoir marines division regiment battalion front line river bridge hill village city winter summer
soldiers refugees general command forces united nations chinese north south attack defence retreat
photograph film video caption station crowd surrender currency won map ceasefire armistice prisoners
function module class method object string list dictionary tuple python import return value argument
exception error type file path socket thread process async await generator iterator decorator syntax
library standard documentation tutorial reference example version release changed added deprecated
부산 서울 전쟁 한국전쟁 café naïve über`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = [
  'ka',
  'ri',
  'to',
  'mon',
  'sel',
  'an',
  'tra',
  'pe',
  'lo',
  'chu',
  'sin',
  'ba',
  'de',
  'ko',
  'ma',
  'ne',
  'st',
  'ar',
  'ion',
  'us',
  'el',
  'pa',
  're',
  'co',
];

export interface CorpusOptions {
  docs: number;
  seed?: number;
  /** Use refs like "17" (array-index-like) for some documents, to exercise V8's key order. */
  numericRefs?: boolean;
  /** One text passage in this many is long (300–400 words): field lengths past one byte. */
  longEvery?: number;
}

export function syntheticCorpus(options: CorpusOptions): IndexDocument[] {
  const rnd = mulberry32(options.seed ?? 42);
  const vocab = [...ENGLISH];
  const seen = new Set(vocab);
  while (vocab.length < 6000) {
    const n = 2 + Math.floor(rnd() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    if (!seen.has(w)) {
      seen.add(w);
      vocab.push(w);
    }
  }
  // Zipf: word rank r has weight 1/(r+1)^1.05.
  const cum: number[] = [];
  let total = 0;
  for (let r = 0; r < vocab.length; r++) {
    total += 1 / Math.pow(r + 1, 1.05);
    cum.push(total);
  }
  const word = (): string => {
    const x = rnd() * total;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return vocab[lo]!;
  };
  const sentence = (min: number, max: number): string => {
    const n = min + Math.floor(rnd() * (max - min + 1));
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(word());
    const s = words.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  const docs: IndexDocument[] = [];
  const ids = new Set<string>();
  let section = '';
  for (let i = 0; i < options.docs; i++) {
    if (i % 20 === 0) section = sentence(2, 5).replace(/\.$/, '');
    const r = rnd();
    const kind = r < 0.08 ? 'caption' : r < 0.12 ? 'media' : r < 0.18 ? 'heading' : 'text';
    const fields = { title: section, text: '', caption: '', media: '' };
    if (kind === 'text')
      fields.text =
        options.longEvery && i % options.longEvery === 0
          ? sentence(300, 400)
          : `${sentence(5, 30)} ${rnd() < 0.5 ? sentence(3, 20) : ''}`.trim();
    if (kind === 'heading') {
      fields.title = `${section} ${sentence(1, 4)}`;
      fields.text = sentence(1, 4);
    }
    if (kind === 'caption') fields.caption = sentence(3, 12);
    if (kind === 'media') {
      fields.media = sentence(2, 6);
      fields.text = rnd() < 0.5 ? sentence(4, 15) : '';
    }
    const id =
      options.numericRefs && rnd() < 0.3
        ? String(Math.floor(rnd() * 1_000_000))
        : `p${i.toString(16).padStart(6, '0')}`;
    if (ids.has(id)) continue;
    ids.add(id);
    docs.push({ id, kind, fields });
  }
  return docs;
}
