/**
 * The renderer's only way to the archive: a FolioApi. Inside Electron that is `window.folio` (IPC
 * through the preload); in a browser it is this HTTP client for `folio serve`. Nothing else differs.
 */
import type {
  ApiError,
  ApiMethod,
  ApiRequest,
  ApiResponses,
  ApiResult,
  FolioApi,
  SupersededMessage,
} from '../../main/api/contract';

/** The contract's SUPERSEDED message; the type makes the compiler hold this copy to it. */
const SUPERSEDED_MESSAGE: SupersededMessage = 'Superseded by a newer search.';

declare global {
  interface Window {
    folio?: FolioApi;
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
  }
}

export function isSuperseded(error: unknown): boolean {
  return error instanceof Error && error.message.includes(SUPERSEDED_MESSAGE);
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
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Folio-Client': client },
          body: JSON.stringify(request),
          credentials: 'same-origin',
          cache: 'no-store',
        });
      } catch {
        throw new ApiCallError('unavailable', 'The Folio server cannot be reached.');
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

export function getApi(): FolioApi {
  return window.folio ?? httpApi('.');
}
