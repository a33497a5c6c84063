import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openPack } from '../../main/archive/pack';
import { verifyPack } from '../../main/archive/verify';
import { tempDir } from '../helpers/temp';

const fixtures = join(__dirname, '..', 'fixtures');
const dir = tempDir();

describe('curated source (Markdown with directives)', () => {
  const out = join(dir, 'mini.folio');
  const result = buildPack(join(fixtures, 'curated-mini'), out);
  const pack = openPack(out);
  const passages = pack.sections().flatMap((s) => pack.passagesOfSection(s.id));

  it('types every passage and keeps the text verbatim', () => {
    expect(passages.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Harbour days'],
      ['text', 'The port of Pusan was busy in 1950. Ships came from Japan every day.'],
      ['caption', 'A crane on the quay'],
      ['caption', 'A crane on the quay'],
      ['media', 'Harbour film A short film about the quay.'],
      ['text', 'The port of Pusan was busy in 1950. Ships came from Japan every day.'],
      ['heading', 'Later years'],
      ['text', 'Trade grew after the war.'],
    ]);
    expect(result.passages).toBe(8);
  });

  it('makes sections from page headings and from metadata directives', () => {
    expect(pack.sections().map((s) => [s.title, s.titleIsMetadata, s.passageCount])).toEqual([
      ['Harbour days', false, 5],
      ['Repeated paragraph', true, 1],
      ['Later years', false, 2],
    ]);
  });

  it('marks a word-for-word repeat and keeps both in reading order', () => {
    const [, first, , , , second] = passages;
    expect(first?.repeatOf).toBeNull();
    expect(second?.repeatOf).toBe(first?.id);
    expect(second?.id).not.toBe(first?.id);
    // Both are found by id, without reading any other passage.
    expect(pack.passage(second!.id)?.ordinal).toBe(second?.ordinal);
    expect(pack.passage(first!.id)?.ordinal).toBe(first?.ordinal);
    for (const bad of ['p000000000000', `${first!.id}-1`, `${first!.id}-02`, 'nonsense', '', 'p' + 'f'.repeat(40)])
      expect(pack.passage(bad)).toBeUndefined();
    // The same caption text twice is a repeat too, whatever picture it sits under.
    expect(passages[3]?.repeatOf).toBe(passages[2]?.id);
  });

  it('records provenance as line ranges in the record', () => {
    expect(passages[1]?.provenance).toEqual({ file: 'record/page.txt', lines: [3, 4] });
    expect(passages[7]?.provenance).toEqual({ file: 'record/page.txt', lines: [17, 17] });
  });

  it('stores media files that exist and marks the rest as not included', () => {
    const image = passages[2]?.media;
    expect(image).toMatchObject({ type: 'image', present: true, mime: 'image/png', source: 'media/crane.png' });
    expect(pack.mediaBlob(image!.id)?.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(passages[3]?.media).toMatchObject({ type: 'image', present: false, source: null });
    expect(passages[4]).toMatchObject({
      title: 'Harbour film',
      media: { type: 'video', present: true, mime: 'video/webm' },
    });
  });

  it('verifies clean', () => {
    expect(verifyPack(out).ok).toBe(true);
  });

  it('gives the same pack, byte for byte, when built twice', () => {
    const again = buildPack(join(fixtures, 'curated-mini'), join(dir, 'mini-again.folio'));
    expect(again.contentSha256).toBe(result.contentSha256);
    expect(again.indexSha256).toBe(result.indexSha256);
    expect(readFileSync(again.outFile).equals(readFileSync(out))).toBe(true);
  });
});

describe('plain website folder (HTML import)', () => {
  const out = join(dir, 'site.folio');
  const result = buildPack(join(fixtures, 'html-site'), out);
  const pack = openPack(out);
  const passages = pack.sections().flatMap((s) => pack.passagesOfSection(s.id));
  const byText = (text: string) => passages.find((p) => p.text === text);

  it('takes the manifest from the folder and the first page', () => {
    expect(pack.manifest).toMatchObject({ id: 'html-site', title: 'Harbour Museum', languages: ['en'] });
    expect(pack.sections().map((s) => s.title)).toEqual(['Harbour Museum', 'Boats of the harbour']);
  });

  it('maps headings, paragraphs, list items, figures, images, video and audio to passage kinds', () => {
    expect(byText('The Harbour Museum')).toMatchObject({ kind: 'heading', level: 1 });
    expect(byText('The museum keeps the log books of the harbour master from 1890 to 1950.')?.kind).toBe('text');
    expect(byText('Opening hours: ten to four')?.kind).toBe('text');
    expect(byText('Entry is free')?.kind).toBe('text');
    expect(byText('The steam crane on the north quay, 1921')).toMatchObject({
      kind: 'caption',
      media: { present: true, source: 'img/crane.png' },
    });
    expect(byText('The museum stamp')).toMatchObject({ kind: 'caption', media: { present: true } });
    expect(passages.find((p) => p.kind === 'media' && p.title === 'Spring tide at the quay')).toMatchObject({
      media: { type: 'video', present: true, mime: 'video/webm' },
    });
    expect(passages.find((p) => p.title === 'Foghorn recording')).toMatchObject({
      kind: 'media',
      media: { type: 'audio', present: false },
    });
    expect(byText('Loose text in a division is kept.')?.kind).toBe('text');
    expect(byText('Pilot cutters')).toMatchObject({ kind: 'heading', level: 2 });
    expect(byText('A fast sailing boat with one mast.')?.kind).toBe('text');
  });

  it('never indexes scripts, styles, navigation or hidden parts', () => {
    const all = passages.map((p) => p.text).join('\n');
    expect(all).not.toContain('never indexed');
    expect(all).not.toContain('color: red');
    expect(all).not.toContain('Hidden text');
    expect(all).not.toMatch(/Boats · Home/u);
  });

  it('keeps remote and out-of-folder images as references, never reading outside the folder', () => {
    expect(byText('A remote picture that is not in the folder')?.media).toMatchObject({
      present: false,
      source: 'https://example.invalid/remote.png',
    });
    expect(byText('A path that climbs out of the folder')?.media).toMatchObject({ present: false });
    expect(result.media.included).toBe(3);
  });

  it('stores one image once even when two pages show it', () => {
    const ids = passages.filter((p) => p.media?.source === 'img/crane.png').map((p) => p.media?.id);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
  });

  it('records provenance as the page and its lines', () => {
    expect(byText('Pilot cutters guided ships past the sand bars.')?.provenance).toEqual({
      file: 'guide/boats.html',
      lines: [7, 7],
    });
  });
});
