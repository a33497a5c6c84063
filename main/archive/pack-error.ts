/** A pack that is missing, unreadable, damaged or of another format. The message is one line, fit for a user. */
export class PackError extends Error {
  override name = 'PackError';
}
