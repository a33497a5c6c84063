/**
 * A film's or recording's caption tracks, as `<track>`s of its player. One shows from the start: the
 * track in the interface's language, else the one in the archive's, else the first; the player's own
 * menu turns it off or picks another.
 */
import { useTranslation } from 'react-i18next';
import type { CaptionTrack } from '../../../../main/model/archive';
import { useApi } from '../../api/ApiContext';
import { useContentLanguage } from '../../i18n/ContentLanguage';

/** The primary language subtag (`ko` of `ko-KR`), lower case, for comparing tags. */
const primary = (tag: string | null | undefined): string => (tag ?? '').split('-')[0]!.toLowerCase();

export function CaptionTracks({ tracks }: { tracks: readonly CaptionTrack[] | undefined }) {
  const api = useApi();
  const { t, i18n } = useTranslation();
  const contentLang = useContentLanguage();
  if (!tracks || tracks.length === 0) return null;
  const shown =
    tracks.find((track) => track.lang && primary(track.lang) === primary(i18n.language)) ??
    tracks.find((track) => track.lang && primary(track.lang) === primary(contentLang)) ??
    tracks[0];
  const names = new Intl.DisplayNames([i18n.language], { type: 'language', fallback: 'code' });
  const label = (track: CaptionTrack): string => {
    if (track.label) return track.label;
    if (!track.lang) return t('media.captions');
    try {
      return names.of(track.lang) ?? track.lang;
    } catch {
      return track.lang; // not a tag Intl knows
    }
  };
  return tracks.map((track) => (
    <track
      key={track.mediaId}
      kind={track.kind}
      src={api.mediaUrl(track.mediaId)}
      srcLang={track.lang ?? undefined}
      label={label(track)}
      default={track === shown}
    />
  ));
}
