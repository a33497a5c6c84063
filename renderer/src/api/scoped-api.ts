/** The API of one archive of the library: every call and media URL names it (null: the default archive). */
import type { ApiMethod, ApiRequest, ApiResponses, FolioApi } from '../../../main/api/contract';

export function scopedApi(api: FolioApi, archiveId: string | null): FolioApi {
  if (archiveId === null) return api;
  return {
    call: <M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponses[M]> =>
      api.call(method, { ...request, archiveId }),
    mediaUrl: (mediaId) => api.mediaUrl(mediaId, archiveId),
  };
}
