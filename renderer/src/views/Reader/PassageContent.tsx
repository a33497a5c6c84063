/**
 * A passage's structure (main/model/passage-content.ts) as React elements: code exact and in
 * monospace, tables with their header, lists with their bullets, notes, quotes, links that move
 * within the reader (hash routes, so back and forward work), and `lang` where the language
 * changes. The page's HTML never reaches the reader: only this model does.
 */
import type { ReactNode } from 'react';
import type { Block, Cell, Inline, LinkTarget, ListItem, Row, TableInfo } from '../../../../main/model/passage-content';
import { hrefFor, passageHref } from '../../route';
import { useTranslation } from 'react-i18next';

export function linkHref(target: Extract<LinkTarget, { section: string }>): string {
  return target.passage ? passageHref(target.passage) : hrefFor({ view: 'section', sectionId: target.section });
}

/** Inline content; `key` prefixes the children's keys. */
export function InlineContent({ nodes }: { nodes: readonly Inline[] }): ReactNode {
  return nodes.map((node, i) => renderInline(node, i));
}

/** An image in running text, shown by its alt text (the interface's word "Image" when it has none). */
function InlineImage({ alt }: { alt: string }) {
  const { t } = useTranslation();
  return (
    <span className="inline-image" role="img" aria-label={alt || t('content.image')}>
      {alt ? `[${alt}]` : '▫'}
    </span>
  );
}

/** "(continued)" after the caption of a long table's later parts: the interface's words, in its language. */
function Continued() {
  const { t, i18n } = useTranslation();
  return <span lang={i18n.language}>{` ${t('content.continued')}`}</span>;
}

function renderInline(node: Inline, key: number): ReactNode {
  if (typeof node === 'string') return node;
  switch (node[0]) {
    case 'br':
      return <br key={key} />;
    case 'img':
      return <InlineImage key={key} alt={node[1]} />;
    case 'a': {
      const target = node[1];
      const children = <InlineContent nodes={node.slice(2) as Inline[]} />;
      // Folio is offline: a link that leaves the archive is shown with its URL, never opened.
      if ('url' in target)
        return (
          <span key={key} className="external-link">
            {children} <span className="link-url">{`<${target.url}>`}</span>
          </span>
        );
      return (
        <a key={key} href={linkHref(target)}>
          {children}
        </a>
      );
    }
    case 'lang':
      return (
        <span key={key} lang={node[1]}>
          <InlineContent nodes={node.slice(2)} />
        </span>
      );
    default: {
      const Tag = node[0];
      return (
        <Tag key={key}>
          <InlineContent nodes={node.slice(1)} />
        </Tag>
      );
    }
  }
}

function CellContent({ cell }: { cell: Cell }) {
  const [tag, colspan, rowspan] = cell;
  const Tag = tag;
  return (
    <Tag colSpan={colspan > 1 ? colspan : undefined} rowSpan={rowspan > 1 ? rowspan : undefined}>
      <InlineContent nodes={cell.slice(3) as Inline[]} />
    </Tag>
  );
}

function Table({ info, rows }: { info: TableInfo; rows: Row[] }) {
  const head = rows.slice(0, info.head);
  const body = rows.slice(info.head);
  return (
    <div className="table-scroll">
      <table>
        {info.caption && (
          <caption>
            <InlineContent nodes={info.caption} />
            {info.continued && <Continued />}
          </caption>
        )}
        {head.length > 0 && (
          <thead>
            {head.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <CellContent key={c} cell={cell} />
                ))}
              </tr>
            ))}
          </thead>
        )}
        <tbody>
          {body.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => (
                <CellContent key={c} cell={cell} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Items({ items }: { items: ListItem[] }) {
  return items.map((item, i) => (
    <li key={i}>
      <Blocks blocks={item} />
    </li>
  ));
}

function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return blocks.map((block, i) => <BlockContent key={i} block={block} />);
}

/** One block of a passage. */
export function BlockContent({ block }: { block: Block }): ReactNode {
  switch (block[0]) {
    case 'p':
    case 'figure':
      return (
        <p>
          <InlineContent nodes={block.slice(1)} />
        </p>
      );
    case 'pre':
      return (
        <pre className="preformatted">
          <code>
            <InlineContent nodes={block.slice(1)} />
          </code>
        </pre>
      );
    case 'h':
      return (
        <p className="inner-heading">
          <InlineContent nodes={block.slice(2) as Inline[]} />
        </p>
      );
    case 'ul':
      return (
        <ul>
          <Items items={block.slice(1) as ListItem[]} />
        </ul>
      );
    case 'ol':
      return (
        <ol start={block[1]}>
          <Items items={block.slice(2) as ListItem[]} />
        </ol>
      );
    case 'table':
      return <Table info={block[1]} rows={block.slice(2) as Row[]} />;
    case 'quote':
      return (
        <blockquote>
          <Blocks blocks={block.slice(1) as Block[]} />
        </blockquote>
      );
    case 'note':
      return (
        <aside className="note">
          {block[1] && <p className="note-label">{block[1]}</p>}
          <Blocks blocks={block.slice(2) as Block[]} />
        </aside>
      );
    case 'dt':
      return (
        <dl>
          <dt>
            <InlineContent nodes={block.slice(1)} />
          </dt>
        </dl>
      );
    case 'dd':
      return (
        <dl>
          <dd>
            <Blocks blocks={block.slice(1) as Block[]} />
          </dd>
        </dl>
      );
  }
}

/** The language spans of a block's inline text, in order: `[lang, text]`. */
function langSpans(block: Block): [string, string][] {
  const out: [string, string][] = [];
  const walk = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node[0] === 'lang') {
        const text = node
          .slice(2)
          .filter((n): n is string => typeof n === 'string')
          .join('');
        if (text) out.push([node[1], text]);
      } else if (node[0] === 'a') walk(node.slice(2) as Inline[]);
      else if (node[0] !== 'br' && node[0] !== 'img') walk(node.slice(1));
    }
  };
  if (block[0] === 'figure' || block[0] === 'p') walk(block.slice(1));
  return out;
}

/** Plain text with the language spans its structure marks (a Korean name in an English caption). */
export function LangText({ text, content }: { text: string; content: Block | undefined }): ReactNode {
  const spans = content ? langSpans(content) : [];
  if (spans.length === 0) return text;
  const out: ReactNode[] = [];
  let at = 0;
  for (const [lang, span] of spans) {
    const i = text.indexOf(span, at);
    if (i < 0) continue;
    if (i > at) out.push(text.slice(at, i));
    out.push(
      <span key={i} lang={lang}>
        {span}
      </span>,
    );
    at = i + span.length;
  }
  out.push(text.slice(at));
  return out;
}
