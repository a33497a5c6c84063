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
  private readonly forms = new Map<string, Form[]>();
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
      for (const form of written) {
        const raws = base(form)
          .filter((t) => t.primary)
          .map((t) => t.raw);
        if (raws.length === 0) continue;
        const list = this.forms.get(raws[0]!) ?? [];
        if (list.some((f) => f.raws.join(' ') === raws.join(' '))) continue;
        const identity = raws.join('\u0000') === canonPrimaries.map((t) => t.raw).join('\u0000');
        list.push({ raws, identity, canonical, canonicalPrimaries: canonPrimaries.length });
        list.sort((a, b) => b.raws.length - a.raws.length);
        this.forms.set(raws[0]!, list);
      }
    }
  }

  get size(): number {
    return this.forms.size;
  }

  /** Folded first words of all forms that start with `prefix` mapped to their canonical terms (for as-you-type). */
  formsStartingWith(prefix: string, limit: number): DetailedToken[][] {
    const out: DetailedToken[][] = [];
    for (const [first, forms] of this.forms) {
      if (!first.startsWith(prefix)) continue;
      for (const f of forms) {
        if (f.raws.length === 1) out.push(f.canonical.map((c) => c.token));
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** Replaces every occurrence of a form in `tokens` (sorted by start) by its canonical tokens. */
  apply(text: string, tokens: DetailedToken[]): DetailedToken[] {
    if (this.forms.size === 0) return tokens;
    const primaries = tokens.filter((t) => t.primary);
    const replaced: { start: number; end: number; tokens: DetailedToken[] }[] = [];
    for (let i = 0; i < primaries.length;) {
      const candidates = this.forms.get(primaries[i]!.raw);
      let matched: Form | undefined;
      if (candidates) {
        for (const form of candidates) {
          if (i + form.raws.length > primaries.length) continue;
          let ok = true;
          for (let k = 0; k < form.raws.length && ok; k++) {
            const p = primaries[i + k]!;
            if (p.raw !== form.raws[k]) ok = false;
            else if (k > 0 && !WORD_GAP.test(text.slice(primaries[i + k - 1]!.end, p.start))) ok = false;
          }
          if (ok) {
            matched = form;
            break;
          }
        }
      }
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
        for (const t of tokens) {
          if (t.start >= start && t.end <= end) out.push({ ...t, primary: false, seq: writtenSeq });
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
    for (const rep of replaced) kept.push(...rep.tokens);
    return kept;
  }
}
