/**
 * How calls from outside reach the handler table. IPC (main/electron) and HTTP (main/serve), both
 * through the worker (worker/), and the tests call `dispatch`, which checks the method name against
 * the contract's allowlist and the payload against its zod schema before any handler runs.
 */
import type { z } from 'zod';
import { toApiError } from './api-error';
import { API_METHODS, requestSchemas, type ApiMethod, type ApiResponses, type ApiResult } from './contract';
import { handlers, type ApiContext } from './handlers';

const METHOD_SET: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && METHOD_SET.has(method);
}

/** One line per zod issue, at most three, with the field path: fit for a reader, no internals. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : 'payload';
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > 3) parts.push(`and ${error.issues.length - 3} more`);
  return parts.join('; ');
}

/** Validates and runs one call. */
export function dispatch(method: unknown, payload: unknown, ctx: ApiContext): ApiResult<ApiMethod> {
  if (!isApiMethod(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : typeof method;
    return { ok: false, error: { code: 'bad-request', message: `Unknown API method ${shown}.` } };
  }
  const schema = requestSchemas[method];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad-request', message: `Invalid request for ${method}: ${describeZodError(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[method] as (req: unknown, ctx: ApiContext) => ApiResponses[ApiMethod];
    return { ok: true, value: handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}
