/** A passage's content as its kind shows it: heading, paragraph, captioned figure or media card. */
import type { Passage } from '../../../../main/model/archive';
import { Highlighted, type Ranges } from '../../components/Highlighted';
import { CaptionFigure } from './CaptionFigure';
import { MediaCard } from './MediaCard';
import { PassageHeading } from './PassageHeading';

export function PassageBody({
  passage: p,
  asTitle,
  highlights,
}: {
  passage: Passage;
  asTitle: boolean;
  highlights: Ranges;
}) {
  switch (p.kind) {
    case 'heading':
      return (
        <PassageHeading level={p.level} asTitle={asTitle}>
          <Highlighted text={p.text} ranges={highlights} markClass="hit" />
        </PassageHeading>
      );
    case 'caption':
      return <CaptionFigure passage={p} highlights={highlights} />;
    case 'media':
      return <MediaCard passage={p} highlights={highlights} />;
    case 'text':
      return (
        <p>
          <Highlighted text={p.text} ranges={highlights} markClass="hit" />
        </p>
      );
  }
}
