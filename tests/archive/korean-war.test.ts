import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import type { Passage } from '../../main/model/archive';
import { tempDir } from '../helpers/temp';

const source = join(__dirname, '..', '..', 'archive', 'korean-war');
const seed = join(__dirname, '..', '..', '..', 'shared', 'seed', '000_3cad97d6913d1958.txt');
const out = join(tempDir(), 'korean-war.folio');
const built = buildPack(source, out);
const pack = openPack(out);
const passages: Passage[] = pack.sections().flatMap((s) => pack.passagesOfSection(s.id));
const words = (text: string) => text.split(/\s+/u).filter(Boolean);
const find = (kind: Passage['kind'], start: string) =>
  passages.find((p) => p.kind === kind && p.text.startsWith(start));

describe('the embedded Korean War archive', () => {
  it('keeps the original page as its source of record, byte for byte', () => {
    const record = readFileSync(join(source, 'record', 'page.txt'));
    let original: Buffer;
    try {
      original = readFileSync(seed);
    } catch {
      return; // the shared seed is not beside every clone; the record itself is the reference then
    }
    expect(record.equals(original)).toBe(true);
  });

  it('reproduces the whole page, in order, when its passages are joined (whitespace aside)', () => {
    const record = readFileSync(join(source, 'record', 'page.txt'), 'utf8');
    expect(words(passages.map((p) => p.text).join(' '))).toEqual(words(record));
  });

  it('has every kind, with the examples a reader knows', () => {
    expect(find('caption', 'Crowd at Seoul Station the day after the Japanese surrender')).toBeDefined();
    expect(find('caption', '1947 Korean Won')).toBeDefined();
    for (const title of [
      'Korean War in Color',
      'Weapons of Victory 19 - Yakovlev Yak 9 fighter',
      'Into the Fire',
      'The Chosin Reservoir Campaign: Frozen Chosin',
      'They chose China',
    ]) {
      expect(
        passages.find((p) => p.kind === 'media' && p.title?.startsWith(title)),
        title,
      ).toBeDefined();
    }
    expect(passages.find((p) => p.kind === 'media' && p.title?.startsWith('Into the Fire'))?.text).toContain(
      'Watch trailer',
    );
    expect(find('heading', 'Korean War June 25, 1950')).toBeDefined();
    expect(find('text', 'At the Cairo Conference of 1943')).toBeDefined();
  });

  it('joins the captions the page broke in two', () => {
    expect(
      find(
        'caption',
        'Painting of Kim Il sung directing anti-aircraft guns. Kim did lead troops in battle during the war and was wounded.',
      ),
    ).toBeDefined();
    expect(
      find(
        'caption',
        'The smaller South Korean army and remaining US troops were quickly overwhelmed by the larger North Korean Army',
      ),
    ).toBeDefined();
  });

  it('keeps both copies of the repeated paragraph and marks the second', () => {
    const copies = passages.filter((p) => p.text.startsWith('The artificial split of the country'));
    expect(copies).toHaveLength(2);
    expect(copies[0]?.repeatOf).toBeNull();
    expect(copies[1]?.repeatOf).toBe(copies[0]?.id);
  });

  it('shows media and captions as references not included in this archive', () => {
    const refs = passages.filter((p) => p.kind === 'caption' || p.kind === 'media');
    expect(refs.length).toBeGreaterThan(20);
    for (const p of refs) expect(p.media).toMatchObject({ present: false });
  });

  it("records each passage's line range in the page", () => {
    const cairo = find('text', 'At the Cairo Conference of 1943');
    expect(cairo?.provenance).toEqual({ file: 'record/page.txt', lines: [12, 12] });
    const painting = find('caption', 'Painting of Kim Il sung');
    expect(painting?.provenance.lines).toEqual([66, 68]);
  });

  it("groups passages into navigable sections, using the page's own headings", () => {
    const sections = pack.sections();
    expect(sections.length).toBeGreaterThanOrEqual(6);
    const titles = sections.map((s) => s.title);
    expect(titles).toContain('Russian involvement in the Korean War');
    expect(titles).toContain("The Forgettable '50s");
    for (const s of sections.filter((x) => !x.titleIsMetadata)) {
      expect(passages.some((p) => p.kind === 'heading' && p.text === s.title)).toBe(true);
    }
  });

  it('titles each section for what it holds, keeping the page title as the first passage', () => {
    const [first] = pack.sections();
    // The page's title names the war, but section 1 holds photographs of 1945: its title is the curator's.
    expect(first).toMatchObject({ title: 'After the Japanese surrender, 1945', titleIsMetadata: true });
    const opening = pack.passagesOfSection(first!.id);
    expect(opening[0]).toMatchObject({ kind: 'heading', level: 1, text: 'Korean War June 25, 1950 – July 27, 1953' });
    expect(opening.slice(1).every((p) => p.kind === 'caption' && /1945|surrender|returning/u.test(p.text))).toBe(true);
    expect(pack.sections().map((s) => s.title)).not.toContain('Korean War June 25, 1950 – July 27, 1953');
  });

  it('lists the neighbouring pages of the original site as related topics, with no link that leads nowhere', () => {
    const last = pack.sections().at(-1)!;
    expect(last).toMatchObject({ title: 'Related topics on the original site', titleIsMetadata: true });
    const topics = pack.passagesOfSection(last.id);
    expect(topics.map((p) => p.text)).toEqual(['Japanese colony', 'Post War', 'South Korea']);
    for (const p of topics) {
      expect(p.content?.[0]).toBe('ul');
      expect(JSON.stringify(p.content)).not.toContain('"a"');
    }
    expect(pack.sections().map((s) => s.title)).not.toContain('Neighbouring pages');
  });

  it('has a manifest with languages, source, licence and a variant table', () => {
    expect(pack.manifest.languages).toEqual(['en', 'ko']);
    expect(pack.manifest.source.length).toBeGreaterThan(10);
    expect(pack.manifest.licence.length).toBeGreaterThan(10);
    expect(pack.manifest.variants.some((g) => g.includes('Pusan') && g.includes('Busan'))).toBe(true);
    expect(built.passages).toBe(passages.length);
  });
});
