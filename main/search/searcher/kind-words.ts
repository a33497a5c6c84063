/**
 * Words that ask for a kind of passage: video, film, trailer… → media; photo, picture, image… →
 * caption. A passage of that kind counts as matching such a word, and is lifted ×INTENT_FACTOR.
 */
import type { PassageKind } from '../../model/passage-kind';

export const INTENT_FACTOR = 1.5;

const MEDIA_WORDS = [
  'video',
  'videos',
  'film',
  'films',
  'documentary',
  'documentaries',
  'footage',
  'trailer',
  'trailers',
  'movie',
  'movies',
  'clip',
  'clips',
  'newsreel',
  'newsreels',
];

const CAPTION_WORDS = [
  'photo',
  'photos',
  'photograph',
  'photographs',
  'picture',
  'pictures',
  'image',
  'images',
  'caption',
  'captions',
  'pic',
  'pics',
];

const KIND_OF_WORD: Record<string, PassageKind> = {};
for (const word of MEDIA_WORDS) KIND_OF_WORD[word] = 'media';
for (const word of CAPTION_WORDS) KIND_OF_WORD[word] = 'caption';

/** The kind a word (as written, folded) asks for, if any. */
export function kindIntent(word: string): PassageKind | undefined {
  return KIND_OF_WORD[word];
}
