/**
 * A printout's links inside the archive, as notes: in print each link of the passages carries a number
 * (print.css counts them in page order) and this list, printed after the passages, gives each number its
 * target: the section it leads to and its full address. It is not shown on screen.
 */
import { useTranslation } from 'react-i18next';
import type { Passage } from '../../../../main/model/archive';
import type { Block, Inline, LinkTarget, ListItem, Row } from '../../../../main/model/passage-content';
import type { ArchiveInfo } from '../../../../main/api/contract';
import { SECTION_IDS_PER_REQUEST, useSections } from '../../hooks/useSections';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { linkHref } from './PassageContent';

type InternalLink = Extract<LinkTarget, { section: string }>;

/** The internal links of inline content, in the order PassageContent renders them. */
function inlineLinks(nodes: readonly Inline[], out: InternalLink[]): void {
  for (const node of nodes) {
    if (typeof node === 'string' || node[0] === 'br' || node[0] === 'img') continue;
    if (node[0] === 'a') {
      if ('section' in node[1]) out.push(node[1]);
      inlineLinks(node.slice(2) as Inline[], out);
    } else if (node[0] === 'lang') inlineLinks(node.slice(2), out);
    else inlineLinks(node.slice(1), out);
  }
}

/** The internal links of a block, in the order PassageContent renders them (a table's caption first). */
function blockLinks(block: Block, out: InternalLink[]): void {
  switch (block[0]) {
    case 'p':
    case 'pre':
    case 'figure':
    case 'dt':
      return inlineLinks(block.slice(1), out);
    case 'h':
      return inlineLinks(block.slice(2) as Inline[], out);
    case 'ul':
    case 'ol':
      for (const item of block.slice(block[0] === 'ul' ? 1 : 2) as ListItem[])
        for (const inner of item) blockLinks(inner, out);
      return;
    case 'table':
      inlineLinks(block[1].caption ?? [], out);
      for (const row of block.slice(2) as Row[]) for (const cell of row) inlineLinks(cell.slice(3) as Inline[], out);
      return;
    case 'quote':
    case 'dd':
      for (const inner of block.slice(1) as Block[]) blockLinks(inner, out);
      return;
    case 'note':
      for (const inner of block.slice(2) as Block[]) blockLinks(inner, out);
  }
}

/**
 * The links the reading shows, in order: those of text and heading passages shown with their structure (a
 * passage opened from a search, `plain`, shows its plain text and so no link; captions and media show none).
 */
export function printedLinks(passages: readonly Passage[], plain: string | null): InternalLink[] {
  const out: InternalLink[] = [];
  for (const p of passages)
    if (p.content && p.id !== plain && (p.kind === 'text' || p.kind === 'heading')) blockLinks(p.content, out);
  return out;
}

export function PrintLinks({ info, links }: { info: ArchiveInfo; links: readonly InternalLink[] }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  // Only the sections the links lead to are read, not the contents of a 35,000-section archive (past
  // what one request may name, the rest print without their titles).
  const ids = [...new Set(links.map((link) => link.section))].slice(0, SECTION_IDS_PER_REQUEST);
  const { sections } = useSections(ids.length > 0 ? info : null, { ids });
  if (links.length === 0) return null;
  const titles = new Map((sections ?? []).map((s) => [s.id, s.title]));
  const base = `${location.origin}${location.pathname}`;
  return (
    <section className="print-only print-links" aria-labelledby="print-links-title">
      <h2 id="print-links-title">{t('printLinks.title')}</h2>
      <ol>
        {links.map((link, i) => {
          const title = titles.get(link.section);
          return (
            <li key={i}>
              {title && (
                <>
                  <span lang={lang}>{title}</span>
                  {' — '}
                </>
              )}
              <span className="print-link-url">{`${base}${linkHref(link)}`}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
