/**
 * Every word the renderer shows, in one place: components take their text from here, never from literals,
 * so a translation is one more table of this shape. Kinds are typed against the model, so a new passage kind
 * fails to compile until it has its labels.
 */
import type { MediaType } from '../../main/model/archive';
import type { ImportSummary, Settings } from '../../main/model/bookmark';
import type { PassageKind } from '../../main/model/passage-kind';

/** The kinds a search can be narrowed to: headings come with every search, not as a filter of their own. */
export type FilterKind = Exclude<PassageKind, 'heading'>;

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

export const strings = {
  kind: {
    /** One passage's kind, as its badge names it. */
    label: { text: 'Text', caption: 'Caption', media: 'Media', heading: 'Heading' } satisfies Record<
      PassageKind,
      string
    >,
    /** Passages of a kind, as the home page counts them. */
    counted: { text: 'Text passages', caption: 'Captions', media: 'Media', heading: 'Headings' } satisfies Record<
      PassageKind,
      string
    >,
    /** A search filter. */
    filter: { text: 'Text', caption: 'Captions', media: 'Media' } satisfies Record<FilterKind, string>,
  },
  media: {
    word: { image: 'Image', audio: 'Audio', video: 'Video' } satisfies Record<MediaType, string>,
    /** Shown where the pack has no file for a picture, film or recording. */
    missing: (word: string) => `${word} not included in this archive`,
    /** The name of a media card without a title. */
    untitled: 'Media',
  },
  app: {
    skipLink: 'Skip to content',
    brand: 'Folio',
    brandSub: 'Folio offline archive',
    documentTitle: (archive: string) => `${archive} · Folio`,
    opening: 'Opening the archive…',
    loadError: 'The archive could not be opened',
    version: (version: string) => `Version ${version}`,
    offline: 'Everything here is read from the archive file on this device. Nothing is fetched from the network.',
  },
  nav: { label: 'Main', contents: 'Contents', bookmarks: 'Bookmarks', settings: 'Settings' },
  notices: { title: 'Please note', dismiss: 'Dismiss' },
  search: {
    label: 'Search the archive',
    placeholder: (passages: number | null) =>
      passages === null ? 'Search' : `Search ${passages.toLocaleString()} passages`,
    hint: 'Results appear as you type. Use the up and down arrows to move through them, Enter to open one, Escape to clear.',
    filters: 'Show',
    searching: 'Searching…',
    failed: (message: string) => `Search failed: ${message}`,
    none: (query: string) => `No results for “${clip(query)}”.`,
    count: (total: number, shown: number) =>
      `${plural(total, 'result', 'results')}${total > shown ? `, showing the first ${shown}` : ''}`,
    emptyHint: 'Try fewer words, another spelling, or turn on more kinds above.',
    results: 'Search results',
    loadingMore: 'Loading…',
    more: (remaining: number) => `Show more results (${remaining} more)`,
  },
  home: {
    eyebrow: 'Offline archive',
    counts: 'Passages in this archive',
    start: 'Start reading',
    resume: 'Continue where you left off',
    contents: 'Contents',
    passages: (n: number) => `${n} ${n === 1 ? 'passage' : 'passages'}`,
    about: 'About this archive',
    source: 'Source',
    licence: 'Licence',
    languages: 'Languages',
    passageCount: 'Passages',
  },
  content: {
    /** An image in running text that has no alt text. */
    image: 'Image',
    /** After the caption of the second and later parts of a long table. */
    continued: '(continued)',
  },
  reader: {
    loading: 'Loading…',
    notFound: 'Not found',
    backToContents: 'Back to the contents',
    sections: 'Sections',
    contents: 'Contents',
    /** The button that folds or unfolds the sections under one in the contents. */
    fold: (title: string) => `Sections under ${clip(title)}`,
    sectionOf: (n: number, total: number) => `Section ${n} of ${total}`,
    pager: 'Previous and next section',
    previous: 'Previous',
    next: 'Next',
  },
  passage: {
    bookmark: (name: string) => `Bookmark: ${name}`,
    bookmarkTitle: (bookmarked: boolean) => (bookmarked ? 'Remove bookmark' : 'Bookmark this passage'),
    link: (name: string) => `Link to this passage: ${name}`,
    linkTitle: 'Link to this passage',
    noteToggle: (hasNote: boolean, name: string) => `${hasNote ? 'Edit note' : 'Add note'}: ${name}`,
    noteLabel: (name: string) => `Note for “${name}”`,
  },
  note: { save: 'Save note', cancel: 'Cancel' },
  bookmarks: {
    title: 'Bookmarks',
    summary: (n: number, archive: string) => `${n} ${n === 1 ? 'passage' : 'passages'} saved in ${archive}.`,
    empty: 'No bookmarks yet. Use the bookmark button beside any passage to keep it here.',
    transfer: 'Export and import',
    exportJson: 'Export JSON',
    exportMarkdown: 'Export Markdown',
    importJson: 'Import JSON…',
    importLabel: 'Import bookmarks from a JSON file',
    exported: (n: number, filename: string) => `Exported ${n} bookmark(s) as ${filename}.`,
    exportFailed: (message: string) => `Export failed: ${message}`,
    imported: (file: string, s: ImportSummary) =>
      `Imported from ${file}: ${s.added} added, ${s.updated} updated, ${s.unchanged} already here` +
      (s.rejected ? `, ${s.rejected} skipped as invalid.` : '.'),
    importFailed: (message: string) => `Import failed: ${message}`,
    orphaned: 'Orphaned',
    saved: 'Saved',
    gone: 'This passage is no longer in this archive',
    orphanNote:
      'This passage is no longer in this archive: it was updated and the passage is gone. The bookmark and its note are kept; remove it when you no longer need it.',
    quoted: (excerpt: string) => `“${excerpt}”`,
    note: 'Note',
    noteToggle: (hasNote: boolean) => (hasNote ? 'Edit note' : 'Add note'),
    goTo: 'Go to passage',
    remove: 'Remove',
  },
  settings: {
    title: 'Settings',
    lede: 'Remembered on this device for this archive.',
    textSize: 'Text size',
    pixels: (n: number) => `${n} pixels`,
    px: (n: number) => `${n} px`,
    sample: 'The quick brown fox reads the archive by lamplight.',
    theme: 'Theme',
    themes: { light: 'Light', dark: 'Dark', system: 'Match the system' } satisfies Record<Settings['theme'], string>,
    keyboard: 'Keyboard',
    or: 'or',
    keySearch: 'Search',
    keyResults: 'Move through results and open one',
    keyClear: 'Clear the search',
  },
  announce: {
    bookmarkSaved: 'Bookmark saved.',
    bookmarkRemoved: 'Bookmark removed.',
    noteSaved: 'Note saved.',
    toggleFailed: (message: string) => `Could not change the bookmark: ${message}`,
    noteFailed: (message: string) => `Could not save the note: ${message}`,
    removeFailed: (message: string) => `Could not remove the bookmark: ${message}`,
    settingFailed: (message: string) => `Could not save the setting: ${message}`,
  },
};

/** Every passage kind, in the order the home page counts them: the keys of the label table. */
export const KINDS = Object.keys(strings.kind.label) as PassageKind[];
/** The search filters, in the order they are shown. */
export const FILTER_KINDS = Object.keys(strings.kind.filter) as FilterKind[];

/** A media reference's type as a word ("Image" when the passage names no media). */
export const mediaWord = (type: MediaType | undefined): string => strings.media.word[type ?? 'image'];
