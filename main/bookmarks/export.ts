/** Export files for bookmarks: JSON (re-importable) and Markdown (for people). Pure functions. */
import type { Bookmark } from '../model/bookmark';

export interface ExportMeta {
  archiveId: string;
  archiveTitle: string;
  exportedAt: string;
  /** The archive's version, for citations. */
  version?: string;
  /** The reader's address; each passage's deep link is `<link>#/passage/<id>`. */
  link?: string;
}

export function excerptOf(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function exportJson(meta: ExportMeta, bookmarks: Bookmark[]): string {
  return `${JSON.stringify(
    {
      format: 'folio-bookmarks',
      version: 1,
      archiveId: meta.archiveId,
      archiveTitle: meta.archiveTitle,
      exportedAt: meta.exportedAt,
      bookmarks: bookmarks.map((b) => ({
        passageId: b.passageId,
        note: b.note,
        createdAt: b.createdAt,
        updatedAt: b.updatedAt,
        section: b.passage?.section,
        kind: b.passage?.kind,
        excerpt: b.passage?.excerpt ?? (b.savedExcerpt || undefined),
        orphaned: b.orphaned,
      })),
    },
    null,
    2,
  )}\n`;
}

/** A passage's deep link, when the reader's address is known. */
function deepLink(meta: ExportMeta, passageId: string): string | null {
  return meta.link ? `${meta.link.replace(/#.*$/, '')}#/passage/${encodeURIComponent(passageId)}` : null;
}

/**
 * Markdown is for reading: every user-supplied string is escaped so it cannot inject structure. Each passage
 * is written whole (from `fullText`, the pack's text), with its citation and deep link.
 */
export function exportMarkdown(
  meta: ExportMeta,
  bookmarks: Bookmark[],
  fullText: (passageId: string) => string | undefined = () => undefined,
): string {
  const lines: string[] = [`# Bookmarks: ${mdEscape(meta.archiveTitle)}`, ''];
  lines.push(
    `Exported ${meta.exportedAt} from the archive \`${meta.archiveId}\`. ${bookmarks.length} bookmark(s).`,
    '',
  );
  for (const b of bookmarks) {
    const section = b.passage ? mdEscape(b.passage.section) : 'Passage no longer in this archive';
    lines.push(`## ${section}`, '');
    if (b.passage) {
      const text = fullText(b.passageId) ?? b.passage.excerpt;
      lines.push(...text.split(/\r?\n/).map((l) => `> ${mdEscape(l)}`.trimEnd()), '');
      const link = deepLink(meta, b.passageId);
      const version = meta.version ? `, version ${mdEscape(meta.version)}` : '';
      lines.push(
        `Cite as: “${mdEscape(excerptOf(text, 80))}.” ${section}. In *${mdEscape(meta.archiveTitle)}*${version}. ` +
          `Passage \`${b.passageId.replace(/`/g, '')}\`.${link ? ` <${link}>` : ''}`,
        '',
      );
    } else {
      if (b.savedExcerpt) lines.push(`> ${mdEscape(b.savedExcerpt)}`, '');
      lines.push(`*Orphaned bookmark* (passage id \`${b.passageId.replace(/`/g, '')}\`).`, '');
    }
    if (b.note.trim()) {
      lines.push('**Note:**', '', ...b.note.split(/\r?\n/).map((l) => mdEscape(l)), '');
    }
    lines.push(
      `*Saved ${b.createdAt.slice(0, 10)}${b.updatedAt !== b.createdAt ? `, edited ${b.updatedAt.slice(0, 10)}` : ''}*`,
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function mdEscape(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-!<>|~])/g, '\\$1');
}

export function exportFilename(archiveId: string, format: 'json' | 'markdown', date: string): string {
  const safe = archiveId.replace(/[^a-z0-9-]/gi, '-');
  return `folio-bookmarks-${safe}-${date.slice(0, 10)}.${format === 'json' ? 'json' : 'md'}`;
}
