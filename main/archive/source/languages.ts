/**
 * The language of each passage, and of the whole archive.
 *
 * A passage takes the language its page declares (`lang`, `xml:lang`) where it sits, checked
 * against its script: text in a Korean page with no Hangul in it is the English the translators
 * left, a passage that is mostly Hangul in an English archive is Korean. Where nothing is declared,
 * the script decides: Hangul is Korean, kana Japanese, Han alone Chinese (or Japanese in an
 * archive that is Japanese), anything else English, as it has always been for undeclared pages.
 * The archive's languages are the ones its passages hold, by amount of text, main language first.
 */
import type { Block, Inline } from '../../model/passage-content';
import type { PassageBlock } from './blocks';

const HANGUL = /\p{Script=Hangul}/gu;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

interface ScriptCounts {
  hangul: number;
  kana: number;
  han: number;
  latin: number;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/** Any letter of the CJK scripts; any Latin letter. */
const CJK_LETTER = /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/**
 * The letters of each script in `text`. Most text holds no CJK letter, and then the Latin count
 * only says whether there is any (detectLanguage compares it with none and with zero CJK letters):
 * 1 stands for "some", sparing a match per letter of every passage of a large site.
 */
function scripts(text: string): ScriptCounts {
  if (!CJK_LETTER.test(text)) return { hangul: 0, kana: 0, han: 0, latin: LATIN_LETTER.test(text) ? 1 : 0 };
  return { hangul: count(text, HANGUL), kana: count(text, KANA), han: count(text, HAN), latin: count(text, LATIN) };
}

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/u)[0] ?? '';
}

/** Letters a language's own script gives it (for the CJK languages, where script says most). */
function ownLetters(language: string, s: ScriptCounts): number | null {
  switch (primary(language)) {
    case 'ko':
      return s.hangul + s.han;
    case 'ja':
      return s.kana + s.han;
    case 'zh':
      return s.han;
    default:
      return null;
  }
}

/** The language of a passage's `text`, given what its page declares there (null: nothing) and the archive's CJK default. */
export function detectLanguage(text: string, declared: string | null, hanLanguage = 'zh'): string {
  const s = scripts(text);
  const cjk = s.hangul + s.kana + s.han;
  if (declared) {
    const own = ownLetters(declared, s);
    // Untranslated text in a CJK page: none of the page's script, some Latin.
    if (own === 0 && s.latin > 0) return 'en';
    if (own !== null || cjk <= s.latin) return declared;
  } else if (cjk === 0 || cjk <= s.latin) return 'en';
  if (s.kana > 0) return 'ja';
  if (s.hangul >= s.han) return 'ko';
  return hanLanguage;
}

/** Runs of CJK text (spaces, digits and punctuation allowed inside): "제주 4·3 민중항쟁". */
const CJK_RUN =
  /[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}](?:[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\s\p{N}\p{P}]*[\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])?/gu;

/** Splits text into runs, wrapping CJK runs in language spans. */
function spansOf(text: string, hanLanguage: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  CJK_RUN.lastIndex = 0;
  for (let m = CJK_RUN.exec(text); m !== null; m = CJK_RUN.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(['lang', detectLanguage(m[0], null, hanLanguage), m[0]]);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function markInlines(inlines: Inline[], hanLanguage: string): Inline[] {
  const out: Inline[] = [];
  for (const node of inlines) {
    if (typeof node === 'string') for (const span of spansOf(node, hanLanguage)) out.push(span);
    else if (node[0] === 'lang' || node[0] === 'br' || node[0] === 'img') out.push(node);
    else if (node[0] === 'a') out.push(['a', node[1], ...markInlines(node.slice(2) as Inline[], hanLanguage)]);
    else out.push([node[0], ...markInlines(node.slice(1), hanLanguage)]);
  }
  return out;
}

/** The block with the CJK text of a passage in another language marked as spans of its own language. */
function markBlock(block: Block, hanLanguage: string): Block {
  switch (block[0]) {
    case 'p':
    case 'figure':
    case 'dt':
      return [block[0], ...markInlines(block.slice(1), hanLanguage)];
    case 'h':
      return ['h', block[1], ...markInlines(block.slice(2) as Inline[], hanLanguage)];
    case 'quote':
    case 'dd':
      return [block[0], ...(block.slice(1) as Block[]).map((b) => markBlock(b, hanLanguage))];
    case 'note':
      return ['note', block[1], ...(block.slice(2) as Block[]).map((b) => markBlock(b, hanLanguage))];
    default:
      // Code, lists and tables keep their shape; their CJK words are rare and their language clear.
      return block;
  }
}

/**
 * Gives every passage its language (see the module doc); `fallback` stands where a page declares
 * none (curated sources: the manifest's main language; null: by script alone). CJK words inside a
 * passage in another language (a Korean name in English text) become spans of their own language,
 * so the reader can mark them.
 */
export function assignLanguages(blocks: PassageBlock[], fallback: string | null): void {
  const hanLanguage = fallback && primary(fallback) === 'ja' ? 'ja' : 'zh';
  for (const block of blocks) {
    block.lang = detectLanguage(block.text, block.lang ?? fallback, hanLanguage);
    if (ownLetters(block.lang, scripts('')) !== null) continue;
    CJK_RUN.lastIndex = 0;
    if (!CJK_RUN.test(block.text)) continue;
    const content: Block =
      block.content ??
      (block.kind === 'heading'
        ? ['h', block.level ?? 1, block.text]
        : block.kind === 'caption' || block.kind === 'media'
          ? ['figure', block.text]
          : ['p', block.text]);
    block.content = markBlock(content, hanLanguage);
  }
}

/** A language holding less than this share of an archive's text is not listed. */
const MIN_SHARE = 0.02;

/**
 * The languages passages hold, most text first (the site's declared language first, when it holds
 * some: a Korean manual may still be mostly untranslated English); those under 2% of the text are
 * left out. `amounts` is the text (UTF-16 units) each language holds.
 */
export function rankLanguages(amounts: ReadonlyMap<string, number>, declared: string | null = null): string[] {
  let total = 0;
  for (const n of amounts.values()) total += n;
  const ranked = [...amounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = ranked.filter(([, n], i) => i === 0 || n >= total * MIN_SHARE).map(([lang]) => lang);
  const own = declared ? kept.findIndex((l) => primary(l) === primary(declared)) : -1;
  if (own > 0) kept.unshift(...kept.splice(own, 1));
  return kept.length > 0 ? kept : ['en'];
}

/** Clears the language of passages in the archive's main language: absent means main. */
export function relativeToMain(blocks: PassageBlock[], main: string): void {
  const mainTag = main.toLowerCase();
  for (const block of blocks) if (block.lang && block.lang.toLowerCase() === mainTag) block.lang = null;
}
