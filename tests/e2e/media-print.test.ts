/// <reference lib="dom" />
// Callbacks passed to page.evaluate run in the browser page, so this file also sees DOM types.
/**
 * Media the pack holds play in place, with the captions the pack has, and what it lacks shows no player
 * (issue 14, point 8); links inside the archive print as numbered notes listed at the end (point 3). A pack
 * built for the test from real files: a WebM film that Chromium itself records from a canvas, with a WebVTT
 * file beside it, a WAV recording written sample by sample, a PNG.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../main/archive/writer/build-pack';
import { writeCuratedSource } from '../helpers/curated-source';
import { pdfText } from '../helpers/pdf-text';
import { CHROMIUM, CHROMIUM_ARGS, chromiumMissing, servedReader } from './harness';

/** One second of a 440 Hz tone: a 16-bit mono PCM WAV file. */
function toneWav(): Buffer {
  const rate = 8000;
  const samples = Buffer.alloc(rate * 2);
  for (let i = 0; i < rate; i++)
    samples.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** Two seconds of a moving square, recorded by Chromium's MediaRecorder as WebM (VP8). */
async function recordedWebm(): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 60_000 });
  try {
    const page = await browser.newPage();
    const base64 = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      document.body.append(canvas);
      const g = canvas.getContext('2d')!;
      const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: 'video/webm;codecs=vp8' });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      recorder.start(100);
      const t0 = performance.now();
      await new Promise<void>((resolve) => {
        const frame = (): void => {
          const t = performance.now() - t0;
          g.fillStyle = '#123';
          g.fillRect(0, 0, 160, 120);
          g.fillStyle = '#fc0';
          g.fillRect((t / 20) % 140, 40, 20, 20);
          if (t < 2000) requestAnimationFrame(frame);
          else resolve();
        };
        frame();
      });
      recorder.stop();
      await stopped;
      const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
      let binary = '';
      for (const b of bytes) binary += String.fromCharCode(b);
      return btoa(binary);
    });
    return Buffer.from(base64, 'base64');
  } finally {
    await browser.close();
  }
}

const QUAY = `# The quay

Boats came in with the tide. The films are listed under [Films and songs](020-films.md), and the
[lost reel](020-films.md#the-lost-reel) is described there too.

::: caption image=media/missing-1.jpg
Nets drying on the harbour wall, 1952
:::

::: caption image=media/missing-2.jpg
The fish market at dawn
:::

::: caption image=media/missing-3.jpg
Children on the breakwater
:::

![The lighthouse at the harbour mouth, painted white and red](media/lighthouse.png)

The harbour master kept a log of every boat. See also [the films](020-films.md) once more.
`;

const FILMS = `# Films and songs

::: media video src=media/crossing.webm
The Crossing

A short film of a square crossing the harbour.
:::

::: media audio src=media/songs.wav
Quay Songs

One note, held for a second.
:::

### The lost reel

::: media video
The Lost Reel

A film of the 1953 regatta that no copy of survives.
:::
`;

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!!chromiumMissing)(
  `media that plays, and links that print${chromiumMissing ? ` (skipped: ${chromiumMissing})` : ''}`,
  () => {
    const h = servedReader(async () => {
      const root = writeCuratedSource(
        mkdtempSync(join(tmpdir(), 'folio-e2e-media-')),
        {
          id: 'quay-media',
          title: 'The Quay in Pictures and Sound',
          description: 'A test archive with a film, a recording and a picture.',
          source: 'Written for Folio’s tests.',
          licence: 'CC0 1.0',
          version: '2026-11-30',
        },
        { '010-quay.md': QUAY, '020-films.md': FILMS },
      );
      mkdirSync(join(root, 'media'));
      copyFileSync(
        join(process.cwd(), 'tests', 'e2e', 'fixture', 'media', 'lighthouse.png'),
        join(root, 'media', 'lighthouse.png'),
      );
      writeFileSync(join(root, 'media', 'songs.wav'), toneWav());
      writeFileSync(join(root, 'media', 'crossing.webm'), await recordedWebm());
      // Captions beside the film, in English: the builder finds them by name and stores them with it.
      writeFileSync(
        join(root, 'media', 'crossing.en.vtt'),
        'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA square sets out across the harbour.\n\n00:00:01.000 --> 00:00:02.000\nIt reaches the far quay.\n',
      );
      const pack = join(root, 'quay.folio');
      buildPack(root, pack);
      return pack;
    });
    const open = (): Promise<Page> => h.openPage();

    it('plays a film (with its captions) and a recording in place, and shows no player where the pack has no file', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/section/films-and-songs`);
      const film = page.locator('.media-card', { hasText: 'The Crossing' });
      const video = film.locator('video');
      await video.waitFor();
      expect(await video.getAttribute('controls')).not.toBeNull();
      expect(await video.getAttribute('src')).toMatch(/^\/media\//);
      expect(await film.locator('.placeholder').count()).toBe(0);

      // A click on the film (the reader's gesture) starts it, in the card: the page stays where it is.
      const hash = await page.evaluate(() => location.hash);
      await video.click();
      await video.evaluate((v: HTMLVideoElement) => v.play());
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 })
        .toBeGreaterThan(0.2);
      expect(await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight, v.error])).toEqual([
        160,
        120,
        null,
      ]);
      expect(await page.evaluate(() => location.hash)).toBe(hash);
      await video.evaluate((v: HTMLVideoElement) => v.pause());

      // Its captions: one English track, showing from the start, its cues read from the pack.
      const track = await video.locator('track').getAttribute('src');
      expect(track).toMatch(/^\/media\//);
      const served = await page.evaluate(async (src) => {
        const response = await fetch(src!);
        return [response.status, response.headers.get('content-type')];
      }, track);
      expect(served).toEqual([200, 'text/vtt']);
      await expect
        .poll(() => video.evaluate((v: HTMLVideoElement) => v.textTracks[0]?.cues?.length ?? 0), { timeout: 15_000 })
        .toBe(2);
      expect(
        await video.evaluate((v: HTMLVideoElement) =>
          Array.from(v.textTracks, (t) => ({
            kind: t.kind,
            language: t.language,
            label: t.label,
            mode: t.mode,
            cues: Array.from(t.cues ?? [], (c) => [c.startTime, c.endTime, (c as VTTCue).text]),
          })),
        ),
      ).toEqual([
        {
          kind: 'captions',
          language: 'en',
          label: 'English',
          mode: 'showing',
          cues: [
            [0, 1, 'A square sets out across the harbour.'],
            [1, 2, 'It reaches the far quay.'],
          ],
        },
      ]);

      const songs = page.locator('.media-card', { hasText: 'Quay Songs' });
      const audio = songs.locator('audio');
      await audio.waitFor();
      await audio.evaluate((a: HTMLAudioElement) => a.play());
      await expect
        .poll(() => audio.evaluate((a: HTMLAudioElement) => a.currentTime), { timeout: 15_000 })
        .toBeGreaterThan(0.1);
      expect(await audio.evaluate((a: HTMLAudioElement) => a.duration)).toBeCloseTo(1, 1);

      // The lost reel: one quiet line, no player, nothing to press.
      const lost = page.locator('.media-card', { hasText: 'The Lost Reel' });
      await lost.locator('.placeholder').getByText('Video not included in this archive').waitFor();
      expect(await lost.locator('video, audio, button').count()).toBe(0);
      expect(await lost.getByText('▶').count()).toBe(0);
    });

    it('folds the quay’s three missing pictures into one line, beside the picture it has', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/section/the-quay`);
      const run = page.getByRole('button', { name: '3 images not included in this archive' });
      await run.waitFor();
      expect(await page.locator('.reading .placeholder').count()).toBe(1);
      const picture = page.getByRole('img', { name: /^The lighthouse at the harbour mouth/ });
      await expect
        .poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
      await run.click();
      await expect.poll(() => page.locator('.reading figure .placeholder').count()).toBe(3);
    });

    it('prints links inside the archive as numbered notes, listed with their targets at the end (PDF)', async () => {
      const page = await open();
      await page.goto(`${h.server.url}#/section/the-quay`);
      await page.getByRole('button', { name: '3 images not included in this archive' }).waitFor();
      const links = page.locator('.reading .passage-body a');
      expect(await links.allTextContents()).toEqual(['Films and songs', 'lost reel', 'the films']);
      await page.emulateMedia({ media: 'print' });
      const text = await pdfText(await page.pdf({ format: 'A4' }));
      const flat = text.replace(/\s+/g, ' ');
      // Each link carries its number where it stands (a superscript: its own run of text in the PDF).
      const solid = flat.replace(/\s/g, '');
      for (const mark of ['listedunderFilmsandsongs[1],', 'thelostreel[2]isdescribed', 'Seealsothefilms[3]oncemore'])
        expect(solid).toContain(mark);
      // And the list at the end gives each number its section and full address, in the same order (a long
      // address may wrap anywhere, so the list is compared without spaces).
      const notes = flat.slice(flat.indexOf('Links in this section')).replace(/\s/g, '');
      const films = `${h.server.url}#/section/films-and-songs`;
      const list = new RegExp(
        `^Linksinthissection1\\.Filmsandsongs—${escape(films)}2\\.Filmsandsongs—${escape(`${h.server.url}#/passage/`)}(p[0-9a-f]{12})3\\.Filmsandsongs—${escape(films)}Citeas:`,
      );
      expect(notes).toMatch(list);
      // The address of the passage a link names is whole: it opens that passage.
      const passage = list.exec(notes)?.[1];
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${h.server.url}#/passage/${passage}`);
      await page.locator('.passage.target').getByRole('heading', { name: 'The lost reel' }).waitFor();

      // Archive title, section and citation are printed; the app around them is not.
      expect(flat.trim().startsWith('The Quay in Pictures and Sound')).toBe(true);
      expect(flat).toContain('The quay');
      expect(flat).toContain('Cite as: The quay. In The Quay in Pictures and Sound, version 2026-11-30.');
      for (const chrome of ['Print section', 'Bookmarks', 'Settings', 'Everything here is read from the archive file'])
        expect(flat, chrome).not.toContain(chrome);
    });
  },
);
