/** An API call that the archive answered with an error, or that no one answered: the same over IPC and HTTP. */
import type { ApiError, ApiMethod, ApiResponses, ApiResult } from '../../../main/api/contract';

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

/** The value of a result, or its error as an ApiCallError that keeps the error's code. */
export function unwrapResult<M extends ApiMethod>(result: ApiResult<M>): ApiResponses[M] {
  if (!result.ok) throw new ApiCallError(result.error.code, result.error.message);
  return result.value;
}
