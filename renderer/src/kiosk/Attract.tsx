/**
 * The attract screen, at start and after every reset: the featured passages one after another (title,
 * text, picture), and "Touch to explore". A touch anywhere starts a visitor's session. With
 * prefers-reduced-motion nothing fades or slides (kiosk.css), and the passages change half as often.
 */
import { useEffect, useState } from 'react';
import type { ArchiveInfo, KioskConfig } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { useTranslation } from 'react-i18next';
import { useSections } from '../hooks/useSections';

const STEP_MS = 8000;
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export function Attract({
  info,
  config,
  onStart,
}: {
  info: ArchiveInfo | null;
  config: KioskConfig;
  onStart: () => void;
}) {
  const api = useApi();
  const [index, setIndex] = useState(0);
  const featured = config.featured;
  useEffect(() => {
    if (featured.length < 2) return;
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const timer = setInterval(() => setIndex((i) => (i + 1) % featured.length), reduced ? STEP_MS * 2 : STEP_MS);
    return () => clearInterval(timer);
  }, [featured.length]);
  const passage = featured[index % Math.max(1, featured.length)];
  // Only the featured passage's section is read, for its title.
  const { sections } = useSections(passage ? info : null, { ids: passage ? [passage.sectionId] : [] });
  const section = passage && sections?.find((s) => s.id === passage.sectionId);
  const image = passage?.media?.type === 'image' && passage.media.present ? passage.media : null;
  const { t } = useTranslation();
  const lang = info?.manifest.languages[0];

  return (
    <main className="attract" onPointerDown={onStart}>
      {/* The archive's own words carry its language; the interface's are in the visitor's. */}
      <h1 className="attract-title" lang={info ? lang : undefined}>
        {info?.manifest.title ?? t('app.brand')}
      </h1>
      {passage && (
        <figure key={passage.id} className="attract-card" aria-label={t('kiosk.attract.featured')}>
          {image && <img src={api.mediaUrl(image.id)} alt="" className="attract-image" />}
          <figcaption lang={lang}>
            {(passage.title ?? section?.title) && <h2>{passage.title ?? section?.title}</h2>}
            <p>{clip(passage.text, 320)}</p>
          </figcaption>
        </figure>
      )}
      <button type="button" className="attract-start" onClick={onStart}>
        {t('kiosk.attract.start')}
      </button>
      <p className="attract-hint" aria-hidden="true">
        {t('kiosk.attract.hint')}
      </p>
    </main>
  );
}
