/**
 * A passage's content as its kind shows it: heading, paragraph (or its structure: code, table, list,
 * note…), captioned figure or media card. A passage reached from a search shows its plain text, where
 * the matched words are marked.
 */
import type { Passage } from '../../../../main/model/archive';
import type { Inline } from '../../../../main/model/passage-content';
import { Highlighted, type Ranges } from '../../components/Highlighted';
import { CaptionFigure } from './CaptionFigure';
import { MediaCard } from './MediaCard';
import { BlockContent, InlineContent } from './PassageContent';
import { PassageHeading } from './PassageHeading';

export function PassageBody({
  passage: p,
  asTitle,
  highlights,
  placeholder = true,
}: {
  passage: Passage;
  asTitle: boolean;
  highlights: Ranges;
  /** Whether a caption shows the placeholder of a missing picture (false inside a folded run). */
  placeholder?: boolean;
}) {
  const content = highlights.length === 0 ? p.content : undefined;
  switch (p.kind) {
    case 'heading':
      return (
        <PassageHeading level={p.level} asTitle={asTitle}>
          {content?.[0] === 'h' ? (
            <InlineContent nodes={content.slice(2) as Inline[]} />
          ) : (
            <Highlighted text={p.text} ranges={highlights} markClass="hit" />
          )}
        </PassageHeading>
      );
    case 'caption':
      return <CaptionFigure passage={p} highlights={highlights} placeholder={placeholder} />;
    case 'media':
      return <MediaCard passage={p} highlights={highlights} />;
    case 'text':
      if (content) return <BlockContent block={content} />;
      return (
        <p>
          <Highlighted text={p.text} ranges={highlights} markClass="hit" />
        </p>
      );
  }
}
