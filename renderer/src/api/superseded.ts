import { ApiCallError } from './api-call-error';

/** True when a search was dropped because a newer one overtook it: its code says so over IPC and HTTP alike. */
export function isSuperseded(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'superseded';
}
