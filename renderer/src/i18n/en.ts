/**
 * The English catalogue: every word the interface shows, by key. Components ask i18next for a key (`t('nav.bookmarks')`),
 * never write text themselves; the Korean catalogue (ko.ts) has the same keys, checked by the compiler.
 * `{{name}}` is filled in by i18next; `_one`/`_other` are plural forms (Intl.PluralRules picks one by `count`);
 * `{{n, number}}` formats a number for the interface language. The archive's own text is never in here.
 */
export const en = {
  kind: {
    /** One passage's kind, as its badge names it. */
    label: { text: 'Text', caption: 'Caption', media: 'Media', heading: 'Heading' },
    /** Passages of a kind, as the home page counts them. */
    counted: { text: 'Text passages', caption: 'Captions', media: 'Media', heading: 'Headings' },
    /** A search filter. */
    filter: { text: 'Text', caption: 'Captions', media: 'Media' },
  },
  media: {
    word: { image: 'Image', audio: 'Audio', video: 'Video' },
    /** Shown where the pack has no file for a picture, film or recording. */
    missing: {
      image: 'Image not included in this archive',
      audio: 'Audio not included in this archive',
      video: 'Video not included in this archive',
    },
    /** The name of a media card without a title. */
    /** A caption track's name in the player when the archive gives it neither a name nor a language. */
    captions: 'Captions',
    untitled: 'Media',
  },
  app: {
    skipLink: 'Skip to content',
    brand: 'Folio',
    brandSub: 'Folio offline archive',
    /** The document's title (tabs, history): the page, then the archive. */
    documentTitle: '{{page}} — {{archive}}',
    /** A deep link's page: the passage, then its section. */
    passageTitle: '{{passage}} — {{section}}',
    opening: 'Opening the archive…',
    loadError: 'The archive could not be opened',
    version: 'Version {{version}}',
    offline: 'Everything here is read from the archive file on this device. Nothing is fetched from the network.',
  },
  nav: {
    label: 'Main',
    contents: 'Contents',
    bookmarks: 'Bookmarks',
    settings: 'Settings',
    library: 'Library',
    share: 'Share',
    menu: 'Menu',
  },
  notices: { title: 'Please note', dismiss: 'Dismiss' },
  search: {
    label: 'Search the archive',
    placeholder: 'Search',
    placeholderCount_one: 'Search {{count, number}} passage',
    placeholderCount_other: 'Search {{count, number}} passages',
    hint: 'Results appear as you type. Use the up and down arrows to move through them, Enter to open one, Escape to clear.',
    filters: 'Show',
    lastKind: 'At least one kind is always shown.',
    searching: 'Searching…',
    failed: 'Search failed: {{message}}',
    none: 'No results for “{{query}}”.',
    count_one: '{{count, number}} result',
    count_other: '{{count, number}} results',
    countShowing_one: '{{count, number}} result, showing the first {{shown}}',
    countShowing_other: '{{count, number}} results, showing the first {{shown}}',
    emptyHint: 'Try fewer words, another spelling, or turn on more kinds above.',
    results: 'Search results',
    loadingMore: 'Loading…',
    more_one: 'Show more results ({{count, number}} more)',
    more_other: 'Show more results ({{count, number}} more)',
  },
  home: {
    eyebrow: 'Offline archive',
    counts: 'Passages in this archive',
    start: 'Start reading',
    resume: 'Continue where you left off',
    contents: 'Contents',
    passages_one: '{{count, number}} passage',
    passages_other: '{{count, number}} passages',
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
    backToContents: 'Back to the contents',
    sections: 'Sections',
    contents: 'Contents',
    /** The button that folds or unfolds the sections under one in the contents. */
    fold: 'Sections under {{title}}',
    sectionOf: 'Section {{n}} of {{total}}',
    pager: 'Previous and next section',
    previous: 'Previous',
    next: 'Next',
  },
  passage: {
    bookmark: 'Bookmark: {{name}}',
    bookmarkAdd: 'Bookmark this passage',
    bookmarkRemove: 'Remove bookmark',
    link: 'Link to this passage: {{name}}',
    linkTitle: 'Link to this passage',
    noteAdd: 'Add note: {{name}}',
    noteEdit: 'Edit note: {{name}}',
    noteLabel: 'Note for “{{name}}”',
  },
  note: { save: 'Save note', cancel: 'Cancel' },
  bookmarks: {
    title: 'Bookmarks',
    summary_one: '{{count, number}} passage saved in {{archive}}.',
    summary_other: '{{count, number}} passages saved in {{archive}}.',
    empty: 'No bookmarks yet. Use the bookmark button beside any passage to keep it here.',
    transfer: 'Export and import',
    exportJson: 'Export JSON',
    exportMarkdown: 'Export Markdown',
    importJson: 'Import JSON…',
    importLabel: 'Import bookmarks from a JSON file',
    exported_one: 'Exported {{count, number}} bookmark as {{filename}}.',
    exported_other: 'Exported {{count, number}} bookmarks as {{filename}}.',
    exportFailed: 'Export failed: {{message}}',
    imported: 'Imported from {{file}}: {{added}} added, {{updated}} updated, {{unchanged}} already here.',
    importedRejected:
      'Imported from {{file}}: {{added}} added, {{updated}} updated, {{unchanged}} already here, {{rejected}} skipped as invalid.',
    importFailed: 'Import failed: {{message}}',
    orphaned: 'Orphaned',
    saved: 'Saved',
    gone: 'This passage is no longer in this archive',
    orphanNote:
      'This passage is no longer in this archive: it was updated and the passage is gone. The bookmark and its note are kept; remove it when you no longer need it.',
    quoted: '“{{excerpt}}”',
    note: 'Note',
    noteAdd: 'Add note',
    noteEdit: 'Edit note',
    goTo: 'Go to passage',
    remove: 'Remove',
  },
  settings: {
    title: 'Settings',
    lede: 'Remembered on this device for this archive.',
    textSize: 'Text size',
    pixels: '{{n}} pixels',
    px: '{{n}} px',
    sample: 'The quick brown fox reads the archive by lamplight.',
    theme: 'Theme',
    themes: { light: 'Light', dark: 'Dark', system: 'Match the system' },
    language: 'Language',
    languageHint: 'The language of the interface. The archive is always shown as it was written.',
    languageDefault: 'The system’s language',
    keyboard: 'Keyboard',
    or: 'or',
    keySearch: 'Search',
    keyResults: 'Move through results and open one',
    keyClear: 'Clear the search',
  },
  cite: {
    open: 'Cite or link: {{name}}',
    openTitle: 'Cite or link to this passage',
    label: 'Cite this passage',
    link: 'Link to this passage',
    copyLink: 'Copy link',
    linkCopied: 'Link copied.',
    format: 'Citation',
    formats: { chicago: 'Chicago', bibtex: 'BibTeX', csl: 'CSL-JSON' },
    copy: 'Copy citation',
    copied: 'Citation copied.',
    copyFailed: 'Could not copy: select the text and copy it.',
    close: 'Close',
  },
  print: {
    section: 'Print section',
    cite: 'Cite as: {{citation}}',
  },
  // The archive in a reader's words, its About page, folded placeholders and printed links (issue 14: pt 3, 8, 9).
  /** What an archive holds, counted as a reader counts (home page and About). */
  holdings: {
    /** "68 passages in 11 sections". */
    summary: '{{passages}} in {{sections}}',
    passages_one: '{{count, number}} passage',
    passages_other: '{{count, number}} passages',
    sections_one: '{{count, number}} section',
    sections_other: '{{count, number}} sections',
    /** Caption passages: each names a picture. */
    pictures_one: '{{count, number}} picture',
    pictures_other: '{{count, number}} pictures',
    /** Media passages: films, videos and recordings. */
    films_one: '{{count, number}} film or recording',
    films_other: '{{count, number}} films and recordings',
  },
  about: {
    /** The link in the main navigation, the home page and the footer. */
    link: 'About',
    linkLong: 'About this archive',
    title: 'About this archive',
    source: 'Source',
    licence: 'Licence',
    version: 'Version',
    languages: 'Written in',
    holdings: 'Holds',
    sections: 'Sections',
    sectionsLede:
      'A section’s title is either a heading of the original or, where the original has none that fits, the curator’s.',
    fromPage: 'Heading of the original',
    curators: 'Curator’s title',
    /** A curator's title over a section that opens with a heading of the original. */
    pageHeading: 'Opens with the original’s heading “{{heading}}”',
    lines: 'From {{file}}, lines {{from}}–{{to}}',
    line: 'From {{file}}, line {{from}}',
  },
  /** Runs of pictures the pack does not contain, folded into one line. */
  missingRun: {
    images_one: '{{count, number}} image not included in this archive',
    images_other: '{{count, number}} images not included in this archive',
  },
  /** A printout's links inside the archive, as numbered notes listed at its end. */
  printLinks: {
    title: 'Links in this section',
    note: 'Link {{n}}',
  },
  undo: {
    label: 'Undo',
    undo: 'Undo',
    dismiss: 'Dismiss',
    hint: 'Undo is offered at the bottom of the page.',
    bookmarkRemoved: 'Bookmark removed.',
    noteCleared: 'Note cleared.',
    bookmarkRestored: 'Bookmark restored.',
    noteRestored: 'Note restored.',
    failed: 'Could not undo: {{message}}',
  },
  errors: {
    notFoundTitle: 'Not found',
    notFound:
      'There is no such page in this archive. The link may be mistyped, or the archive may have changed since it was made.',
    failedTitle: 'This page could not be opened',
    unreachable: 'The Folio server cannot be reached. It may have been stopped; start it again, then reload this page.',
  },
  announce: {
    bookmarkSaved: 'Bookmark saved.',
    noteSaved: 'Note saved.',
    toggleFailed: 'Could not change the bookmark: {{message}}',
    noteFailed: 'Could not save the note: {{message}}',
    removeFailed: 'Could not remove the bookmark: {{message}}',
    settingFailed: 'Could not save the setting: {{message}}',
  },
};
