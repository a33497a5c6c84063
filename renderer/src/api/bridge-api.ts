/**
 * The FolioApi over Electron IPC: the preload's `window.folio` bridge answers plain results, and
 * errors become ApiCallErrors here, with their codes, exactly as over HTTP.
 */
import type { ApiMethod, ApiRequest, ApiResponses, FolioApi, FolioBridge } from '../../../main/api/contract';
import { unwrapResult } from './api-call-error';

export function bridgeApi(bridge: FolioBridge): FolioApi {
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponses[M]> {
      return unwrapResult(await bridge.invoke(method, request));
    },
    mediaUrl: (mediaId, archiveId) => bridge.mediaUrl(mediaId, archiveId),
  };
}
