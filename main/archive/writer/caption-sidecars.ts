/**
 * WebVTT files beside a film or recording: `clip.vtt`, or `clip.ko.vtt` for a language, next to
 * `clip.webm`. Found by name only; each is checked like any other source file before it is stored
 * (media-files.ts).
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';

/** What may stand between the film's name and `.vtt`: a BCP 47 language tag (`ko`, `en-GB`, `zh-Hant`). */
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/iu;

export interface CaptionSidecar {
  /** The file's path (beside the film's, not resolved). */
  path: string;
  lang: string | null;
}

/** The caption files beside `mediaPath`, in name order (so a rebuild stores the same tracks in the same order). */
export function captionSidecars(mediaPath: string): CaptionSidecar[] {
  const dir = dirname(mediaPath);
  const stem = basename(mediaPath, extname(mediaPath));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // the film was checked; a folder that cannot be listed just has no captions found
  }
  const found: CaptionSidecar[] = [];
  for (const name of names.sort()) {
    if (!name.startsWith(`${stem}.`) || extname(name).toLowerCase() !== '.vtt') continue;
    const middle = name.slice(stem.length + 1, -'.vtt'.length);
    if (middle === '') found.push({ path: join(dir, name), lang: null });
    else if (LANGUAGE_TAG.test(middle)) found.push({ path: join(dir, name), lang: middle });
  }
  return found;
}
