/**
 * The archive's variant table (manifest `variants`): groups of spellings that mean the same thing,
 * such as romanisations (Pusan, Busan) or old and new names. Forms may be several words.
 *
 * Every form of a group is analysed with the base analyzer; the first form is the canonical one.
 * Wherever a form's words occur in the text (index or query side alike), they are replaced by the
 * canonical form's tokens, which take the span of the words as written, so highlighting still
 * falls on what the page says. Matching is on folded, unstemmed words, longest form first, and
 * the words of a multi-word form may be separated only by spaces or hyphens.
 *
 * When the written form and the canonical one have the same number of words (Yun Bo-seon → Yun
 * Po-sun) each written word simply takes its canonical term. When they differ ("United States" →
 * `us`, "Republic of Korea" → `rok`), the written words are kept too, as non-primary tokens, so a
 * single word of the form ("Republic") still finds the text; the two readings are told apart by
 * `seq` (see tokens.ts).
 */
import type { VariantGroup } from '../../model/archive';
import type { DetailedToken } from './tokens';

interface Form {
  raws: string[];
  /** The form is the canonical form itself: nothing to replace. */
  identity: boolean;
  canonical: CanonicalToken[];
  canonicalPrimaries: number;
}

/**
 * The forms as a trie of their words: matching at a position walks it once, to the longest form,
 * so a table of 100,000 groups (even all sharing their first word) costs the same per word as one.
 */
interface FormNode {
  /** The form made of the words on the way here, if there is one. */
  form: Form | null;
  next: Map<string, FormNode> | null;
}

interface CanonicalToken {
  token: DetailedToken;
  /** Canonical primaries covered, inclusive. */
  from: number;
  to: number;
}

/** Between the words of a multi-word form: spaces, hyphens, dashes, middle dots, at most 3 characters. */
const WORD_GAP = /^[\s\-\u2010-\u2015\u00b7\u30fb.]{0,3}$/u;

/** Matches the forms of an archive's variant groups in token streams (see the module doc). */
export class VariantTable {
  /** Forms by their first word. */
  private readonly forms = new Map<string, FormNode>();
  private seq = 0;

  /** `base` is the analyzer without variants (tokenize, designations, joins; no stemming yet). */
  constructor(groups: readonly VariantGroup[], base: (text: string) => DetailedToken[]) {
    for (const group of groups ?? []) {
      if (!Array.isArray(group) || group.length < 2) continue;
      const written = group.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
      if (written.length < 2) continue;
      const canonTokens = base(written[0]!);
      const canonPrimaries = canonTokens.filter((t) => t.primary);
      if (canonPrimaries.length === 0) continue;
      const canonical: CanonicalToken[] = canonTokens.map((token) => {
        const covered = canonPrimaries
          .map((p, i) => (p.start >= token.start && p.end <= token.end ? i : -1))
          .filter((i) => i >= 0);
        return { token, from: covered[0] ?? 0, to: covered[covered.length - 1] ?? canonPrimaries.length - 1 };
      });
      for (const [n, form] of written.entries()) {
        const raws = (n === 0 ? canonPrimaries : base(form).filter((t) => t.primary)).map((t) => t.raw);
        if (raws.length === 0) continue;
        let node = this.forms.get(raws[0]!);
        if (!node) this.forms.set(raws[0]!, (node = { form: null, next: null }));
        for (const raw of raws.slice(1)) {
          node.next ??= new Map();
          let child: FormNode | undefined = node.next.get(raw);
          if (!child) node.next.set(raw, (child = { form: null, next: null }));
          node = child;
        }
        // The same words in an earlier group keep that group's meaning.
        if (node.form) continue;
        const identity = raws.join('\u0000') === canonPrimaries.map((t) => t.raw).join('\u0000');
        node.form = { raws, identity, canonical, canonicalPrimaries: canonPrimaries.length };
      }
    }
  }

  get size(): number {
    return this.forms.size;
  }

  /** Folded first words of all forms that start with `prefix` mapped to their canonical terms (for as-you-type). */
  formsStartingWith(prefix: string, limit: number): DetailedToken[][] {
    const out: DetailedToken[][] = [];
    if (limit <= 0) return out;
    for (const [first, node] of this.forms) {
      if (!first.startsWith(prefix) || !node.form) continue;
      out.push(node.form.canonical.map((c) => c.token));
      if (out.length >= limit) return out;
    }
    return out;
  }

  /** The longest form whose words start at primaries[i], separated only by WORD_GAP. */
  private longestForm(text: string, primaries: readonly DetailedToken[], i: number): Form | undefined {
    let node = this.forms.get(primaries[i]!.raw);
    let matched = node?.form ?? undefined;
    for (let k = i + 1; node?.next && k < primaries.length; k++) {
      if (!WORD_GAP.test(text.slice(primaries[k - 1]!.end, primaries[k]!.start))) break;
      node = node.next.get(primaries[k]!.raw);
      if (node?.form) matched = node.form;
    }
    return matched;
  }

  /** Replaces every occurrence of a form in `tokens` (sorted by start) by its canonical tokens. */
  apply(text: string, tokens: DetailedToken[]): DetailedToken[] {
    if (this.forms.size === 0) return tokens;
    const primaries = tokens.filter((t) => t.primary);
    const replaced: { start: number; end: number; tokens: DetailedToken[] }[] = [];
    // Tokens are sorted by start and replacements come in text order: `scan` only moves forward.
    let scan = 0;
    for (let i = 0; i < primaries.length;) {
      const matched = this.longestForm(text, primaries, i);
      if (!matched) {
        i++;
        continue;
      }
      if (matched.identity) {
        // Already canonical; consuming the words keeps shorter forms from matching inside.
        i += matched.raws.length;
        continue;
      }
      const words = primaries.slice(i, i + matched.raws.length);
      const start = words[0]!.start;
      const end = words[words.length - 1]!.end;
      const oneToOne = matched.canonicalPrimaries === words.length;
      const canonSeq = oneToOne ? undefined : ++this.seq;
      const out: DetailedToken[] = matched.canonical.map(({ token, from, to }) => {
        const t: DetailedToken = {
          ...token,
          start: oneToOne ? words[from]!.start : start,
          end: oneToOne ? words[to]!.end : end,
        };
        if (canonSeq !== undefined) t.seq = canonSeq;
        return t;
      });
      if (!oneToOne) {
        const writtenSeq = ++this.seq;
        while (scan < tokens.length && tokens[scan]!.start < start) scan++;
        for (let k = scan; k < tokens.length && tokens[k]!.start < end; k++) {
          const t = tokens[k]!;
          if (t.end <= end) out.push({ ...t, primary: false, seq: writtenSeq });
        }
      }
      replaced.push({ start, end, tokens: out });
      i += matched.raws.length;
    }
    if (replaced.length === 0) return tokens;
    // `replaced` is in text order and its spans do not overlap: one pass drops what they cover.
    const kept: DetailedToken[] = [];
    let r = 0;
    for (const t of tokens) {
      while (r < replaced.length && replaced[r]!.end <= t.start) r++;
      let covered = false;
      for (let k = r; k < replaced.length && replaced[k]!.start < t.end; k++) {
        if (t.start < replaced[k]!.end && t.end > replaced[k]!.start) {
          covered = true;
          break;
        }
      }
      if (!covered) kept.push(t);
    }
    for (const rep of replaced) for (const t of rep.tokens) kept.push(t);
    return kept;
  }
}
