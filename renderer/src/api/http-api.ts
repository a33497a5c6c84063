/**
 * The FolioApi over HTTP, for `folio serve` in a browser. Inside Electron the preload's `window.folio`
 * takes its place; nothing else in the renderer differs.
 */
import type { ApiError, ApiMethod, ApiRequest, ApiResponses, ApiResult, FolioApi } from '../../../main/api/contract';
import { visitorSession } from './visitor-session';

export class ApiCallError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** The server did not answer at all (stopped, or the network between is gone): not an answer from the archive. */
export class ServerUnreachable extends ApiCallError {
  constructor() {
    super('unavailable', 'The Folio server cannot be reached.');
  }
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function httpApi(base = ''): FolioApi {
  // Identifies this tab, so the server drops only this tab's stale as-you-type searches.
  const client = randomId();
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponses[M]> {
      let response: Response;
      const session = visitorSession();
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'X-Folio-Client': client,
            ...(session ? { 'X-Folio-Session': session } : {}),
          },
          body: JSON.stringify(request),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        throw new ServerUnreachable();
      }
      let result: ApiResult<M>;
      try {
        result = (await response.json()) as ApiResult<M>;
      } catch {
        throw new ApiCallError('internal', `The Folio server answered ${response.status} without data.`);
      }
      if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
      return result.value;
    },
    mediaUrl: (mediaId) => `${base}/media/${encodeURIComponent(mediaId)}`,
  };
}
