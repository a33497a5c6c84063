/**
 * The FolioApi over HTTP, for `folio serve` in a browser. Inside Electron the preload's `window.folio`
 * takes its place; nothing else in the renderer differs.
 */
import type { ApiMethod, ApiRequest, ApiResponses, ApiResult, FolioApi } from '../../../main/api/contract';
import { ApiCallError, ServerUnreachable, unwrapResult } from './api-call-error';
import { visitorSession } from './visitor-session';

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
      return unwrapResult(result);
    },
    mediaUrl: (mediaId) => `${base}/media/${encodeURIComponent(mediaId)}`,
  };
}
