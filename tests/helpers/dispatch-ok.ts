/** A call through the API's handler table that must succeed: its value, or its failure thrown as one line. */
import type { ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext } from '../../main/api/handlers';

export function dispatchOk<M extends keyof ApiResponses>(method: M, request: object, ctx: ApiContext): ApiResponses[M] {
  const result = dispatch(method, request, ctx);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ApiResponses[M];
}
