/**
 * What the indexer sees of each passage.
 *
 * - `title`: the section title, plus the heading text for heading passages.
 * - `text`: the text of text and heading passages, and the description of media passages.
 * - `caption`: the text of caption passages.
 * - `media`: the title of media passages.
 * Passages that repeat an earlier one (`repeatOf`) are not indexed: search returns the first only.
 */
import type { Passage, Section } from '../model/archive';
import type { IndexDocument } from './types';

/** Media passages: the description is the text after the title prefix. */
function mediaDescription(p: Passage): string {
  const title = p.title ?? '';
  if (title && p.text.startsWith(title)) return p.text.slice(title.length).trim();
  return title ? p.text.replace(title, '').trim() : p.text;
}

/** Index documents for `passages`, in order, without repeats. */
export function toIndexDocuments(passages: Passage[], sections: Section[]): IndexDocument[] {
  const sectionTitles = new Map(sections.map((s) => [s.id, s.title]));
  const docs: IndexDocument[] = [];
  for (const p of passages) if (!p.repeatOf) docs.push(toIndexDocument(p, sectionTitles.get(p.sectionId) ?? ''));
  return docs;
}

/** The index document of one passage that repeats none, under the title of its section. */
export function toIndexDocument(p: Passage, section: string): IndexDocument {
  const fields = { title: section, text: '', caption: '', media: '' };
  switch (p.kind) {
    case 'heading':
      {
        const heading = p.title ?? p.text;
        fields.title = heading === section ? section : `${section} ${heading}`.trim();
        fields.text = p.text;
      }
      break;
    case 'text':
      fields.text = p.text;
      break;
    case 'caption':
      fields.caption = p.text;
      break;
    case 'media':
      fields.media = p.title ?? p.text;
      fields.text = p.title ? mediaDescription(p) : '';
      break;
  }
  return { id: p.id, kind: p.kind, fields };
}
