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

const KIND_OF_WORD = new Map<string, PassageKind>([
  ...MEDIA_WORDS.map((word) => [word, 'media'] as const),
  ...CAPTION_WORDS.map((word) => [word, 'caption'] as const),
]);

/** The kind a word (as written, folded) asks for, if any. */
export function kindIntent(word: string): PassageKind | undefined {
  return KIND_OF_WORD.get(word);
}
