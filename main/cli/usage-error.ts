/** A usage error from commander as `folio` prints it: one line, with what to do next. */
export function usageError(text: string, hint: string): string {
  const message = text
    .replace(/^error: /u, '')
    .replace(/\s*\n\s*/gu, ' ')
    .trim();
  return `folio: ${message} (${hint})\n`;
}
