/**
 * The message to show for a failed call, in the reader's words where the reader has words for it (a server
 * that cannot be reached); other API errors arrive as Errors with the archive's own one-line message.
 */
import { ApiCallError, ServerUnreachable } from './api/api-call-error';
import { i18n } from './i18n/i18n';

export const messageOf = (error: unknown): string => {
  if (error instanceof ServerUnreachable) return i18n.t('errors.unreachable');
  return error instanceof Error ? error.message : String(error);
};

/** True when the archive answered that what was asked for is not in it. */
export const isNotFound = (error: unknown): boolean => error instanceof ApiCallError && error.code === 'not-found';
