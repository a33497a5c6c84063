/**
 * A passage's citation: one CSL-JSON item (the interchange format reference managers read), and from it
 * Chicago-style text and a BibTeX entry. What it holds: the archive's title and version, the section, the
 * passage id and a deep link (the `folio serve` URL in a browser, the app's own link inside the app).
 */

export interface CitedPassage {
  archiveId: string;
  archiveTitle: string;
  version: string;
  section: string;
  passageId: string;
  /** The passage's own words, shortened: its title in the citation. */
  name: string;
  url: string;
  accessed: Date;
}

export const CITE_FORMATS = ['chicago', 'bibtex', 'csl'] as const;
export type CiteFormat = (typeof CITE_FORMATS)[number];

/** The deep link to a passage from this page's address. */
export const passageUrl = (passageId: string): string =>
  `${location.origin}${location.pathname}#/passage/${encodeURIComponent(passageId)}`;

export function cslItem(c: CitedPassage): Record<string, unknown> {
  const d = c.accessed;
  return {
    id: `${c.archiveId}/${c.passageId}`,
    type: 'entry',
    title: c.name,
    'container-title': c.archiveTitle,
    section: c.section,
    version: c.version,
    note: `Passage ${c.passageId}`,
    URL: c.url,
    accessed: { 'date-parts': [[d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]] },
  };
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const longDate = (d: Date): string =>
  d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
/** BibTeX's special characters, escaped so that any passage text is a valid field. */
const tex = (s: string): string => s.replace(/([\\{}])/g, '\\$1').replace(/([%&$#_])/g, '\\$1');

export function formatCitation(format: CiteFormat, c: CitedPassage): string {
  switch (format) {
    case 'chicago':
      return `“${c.name}.” ${c.section}. In ${c.archiveTitle}, version ${c.version}. Passage ${c.passageId}. Accessed ${longDate(c.accessed)}. ${c.url}.`;
    case 'bibtex':
      return [
        `@misc{${`${c.archiveId}-${c.passageId}`.replace(/[^A-Za-z0-9:_-]/g, '-')},`,
        `  title = {${tex(c.name)}},`,
        `  booktitle = {${tex(c.archiveTitle)}},`,
        `  chapter = {${tex(c.section)}},`,
        `  version = {${tex(c.version)}},`,
        `  note = {Passage ${tex(c.passageId)}},`,
        `  url = {${c.url}},`,
        `  urldate = {${iso(c.accessed)}}`,
        '}',
      ].join('\n');
    case 'csl':
      return JSON.stringify([cslItem(c)], null, 2);
  }
}
