/**
 * Caption tracks: a WebVTT file beside a film (`clip.vtt`, `clip.ko.vtt`) or named by a saved page's
 * `<track>` is stored in the pack as its own media item (text/vtt), and the film's media names it with
 * its kind, language and label. Caption files are contained like every other source file: one that leads
 * outside the source folder is refused (a curated source) or left out with a warning (a saved website).
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPack } from '../../main/archive/pack';
import { verifyPack } from '../../main/archive/verify';
import { mediaChecksum, type MediaRow } from '../../main/archive/row-checks';
import { buildPack } from '../../main/archive/writer/build-pack';
import type { MediaRef } from '../../main/model/archive';
import { SourceError } from '../../main/model/errors';
import { openDatabase } from '../../main/sqlite';
import { fixtureCopier } from '../helpers/fixture-copy';
import { tempDir } from '../helpers/temp';

const dir = tempDir();
const secret = join(dir, 'secret.vtt');
writeFileSync(secret, 'WEBVTT\n\n00:00.000 --> 00:01.000\nroot:x:0:0:the secret line\n');

const vtt = (line: string): string => `WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n${line}\n`;

/** A fresh copy of a fixture folder, changed by `change`. */
const fixture = fixtureCopier(dir);
let builds = 0;

/** Builds `folder` and returns the pack's path and the warnings. */
function build(folder: string): { out: string; warnings: string[] } {
  const out = join(dir, `out-${builds++}.folio`);
  const warnings: string[] = [];
  buildPack(folder, out, { onWarning: (w) => warnings.push(w) });
  return { out, warnings };
}

/** The film's media as the reader sees it, and each caption track's stored file (its type and text). */
function film(out: string, title: string): { media: MediaRef; files: { mime: string; text: string }[] } {
  const pack = openPack(out);
  try {
    const passage = pack
      .sections()
      .flatMap((s) => pack.passagesOfSection(s.id))
      .find((p) => p.kind === 'media' && p.title === title);
    const media = passage!.media!;
    const files = (media.captions ?? []).map((t) => {
      const blob = pack.mediaBlob(t.mediaId)!;
      return { mime: blob.mime, text: blob.bytes.toString('utf8') };
    });
    return { media, files };
  } finally {
    pack.close();
  }
}

describe('caption files beside a film', () => {
  it('are stored with it, each with its language, and only files named for it', () => {
    const folder = fixture('curated-mini', (f) => {
      writeFileSync(join(f, 'media', 'harbour.vtt'), vtt('Boats come in.'));
      writeFileSync(join(f, 'media', 'harbour.ko.vtt'), vtt('배가 들어온다.'));
      // Not this film's: another name, and a middle part that is no language.
      writeFileSync(join(f, 'media', 'harbourside.vtt'), vtt('Elsewhere.'));
      writeFileSync(join(f, 'media', 'harbour.draft copy.vtt'), vtt('A draft.'));
    });
    const { out, warnings } = build(folder);
    expect(warnings).toEqual([]);
    const { media, files } = film(out, 'Harbour film');
    expect(media.present).toBe(true);
    expect(media.captions?.map(({ kind, lang, label }) => ({ kind, lang, label }))).toEqual([
      { kind: 'captions', lang: 'ko', label: null },
      { kind: 'captions', lang: null, label: null },
    ]);
    expect(files).toEqual([
      { mime: 'text/vtt', text: vtt('배가 들어온다.') },
      { mime: 'text/vtt', text: vtt('Boats come in.') },
    ]);
    expect(verifyPack(out).ok).toBe(true);
  });

  it('a film with no caption file has no captions', () => {
    const { out } = build(fixture('curated-mini', () => {}));
    expect(film(out, 'Harbour film').media.captions).toBeUndefined();
  });

  it('one that leads outside the source folder is refused, named, without quoting it', () => {
    const folder = fixture('curated-mini', (f) => symlinkSync(secret, join(f, 'media', 'harbour.en.vtt')));
    let error: unknown;
    try {
      build(folder);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toBe(
      'media/harbour.en.vtt: leads outside the source folder (a symbolic link); refused',
    );
  });
});

describe('a saved page’s <track>s', () => {
  const withTracks = (f: string, tracks: string): void => {
    const page = join(f, 'index.html');
    const html = readFileSync(page, 'utf8').replace(
      '<video src="media/tide.webm" title="Spring tide at the quay" controls>',
      `<video src="media/tide.webm" title="Spring tide at the quay" controls>${tracks}`,
    );
    writeFileSync(page, html);
  };

  it('are stored with their kind, language and label, before the files found beside the film', () => {
    const folder = fixture('html-site', (f) => {
      withTracks(
        f,
        '<track kind="subtitles" src="media/tide-subs.vtt" srclang="ko" label="한국어 자막">' +
          '<track kind="chapters" src="media/tide-chapters.vtt" srclang="en">' +
          '<track src="media/tide-words.vtt" srclang="en" label="  English   words ">',
      );
      writeFileSync(join(f, 'media', 'tide-subs.vtt'), vtt('밀물.'));
      writeFileSync(join(f, 'media', 'tide-chapters.vtt'), vtt('Chapter one.'));
      writeFileSync(join(f, 'media', 'tide-words.vtt'), vtt('The tide.'));
      writeFileSync(join(f, 'media', 'tide.en.vtt'), vtt('[Waves] The tide comes in.'));
    });
    const { out, warnings } = build(folder);
    expect(warnings.filter((w) => w.includes('.vtt'))).toEqual([]);
    const { media, files } = film(out, 'Spring tide at the quay');
    expect(media.captions?.map(({ kind, lang, label }) => ({ kind, lang, label }))).toEqual([
      { kind: 'subtitles', lang: 'ko', label: '한국어 자막' },
      { kind: 'subtitles', lang: 'en', label: 'English words' },
      { kind: 'captions', lang: 'en', label: null },
    ]);
    expect(files.map((f) => f.text)).toEqual([vtt('밀물.'), vtt('The tide.'), vtt('[Waves] The tide comes in.')]);
    expect(verifyPack(out).ok).toBe(true);
  });

  it('one that leads outside, or is missing, is left out with a warning; the site still builds', () => {
    const folder = fixture('html-site', (f) => {
      withTracks(
        f,
        '<track kind="captions" src="media/tide-linked.vtt" srclang="en">' +
          '<track kind="captions" src="media/tide-gone.vtt" srclang="fr">' +
          '<track kind="captions" src="media/tide.srt" srclang="de">',
      );
      symlinkSync(secret, join(f, 'media', 'tide-linked.vtt'));
      writeFileSync(join(f, 'media', 'tide.srt'), '1\n00:00:00,000 --> 00:00:02,000\nEbbe.\n');
    });
    const { out, warnings } = build(folder);
    expect(warnings).toContain(
      'media/tide-linked.vtt: leads outside the source folder (a symbolic link); not included',
    );
    expect(warnings).toContain('media/tide-gone.vtt: caption file not found; not included');
    expect(warnings).toContain('media/tide.srt: is not a WebVTT (.vtt) caption file; not included');
    for (const w of warnings) expect(w).not.toMatch(/root:x|secret line/u);
    expect(film(out, 'Spring tide at the quay').media.captions).toBeUndefined();
  });
});

describe('a pack whose caption tracks are wrong', () => {
  it('verify names the film whose tracks name no caption file', () => {
    const folder = fixture('curated-mini', (f) => writeFileSync(join(f, 'media', 'harbour.vtt'), vtt('Boats.')));
    const { out } = build(folder);
    const filmId = film(out, 'Harbour film').media.id;
    // Rewritten with a sound row checksum: only the check of what the tracks name can find it.
    const db = openDatabase(out);
    const row = db
      .prepare('SELECT id, type, mime, source, present, bytes, sha256, data_checksum, captions FROM media WHERE id = ?')
      .get(filmId) as MediaRow;
    const captions = JSON.stringify([{ mediaId: 'm000000000000', kind: 'captions', lang: null, label: null }]);
    db.prepare('UPDATE media SET captions = ?, checksum = ? WHERE id = ?').run(
      captions,
      mediaChecksum({ ...row, captions }),
      filmId,
    );
    db.close();
    const report = verifyPack(out);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'media files')?.detail).toBe(`damaged: ${filmId} (its caption tracks)`);
  });
});
