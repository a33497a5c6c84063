/**
 * The text of a PDF that Chromium printed, read by PDF.js (Mozilla's reader, its Node build): every page's
 * text in the order it was painted, a new line wherever PDF.js sees one end. Ligatures (ﬁ) come out as their
 * letters (NFKC). Chromium paints positioned boxes after the others, so a test compares pieces, not the whole
 * page in sequence.
 */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The document's text: one string, lines separated by newlines. */
export async function pdfText(pdf: Buffer): Promise<string> {
  // No fonts are loaded or drawn (text only), and PDF.js keeps warnings about fonts it cannot draw to itself.
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: VerbosityLevel.ERRORS,
  }).promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!('str' in item)) continue; // a marked-content boundary, not text
        text += item.str;
        if (item.hasEOL) text += '\n';
      }
      text += '\n';
    }
    return text.normalize('NFKC');
  } finally {
    await doc.destroy();
  }
}
