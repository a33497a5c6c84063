/**
 * How calls from outside reach the handler table. IPC (main/electron) and HTTP (main/serve), both
 * through the worker (worker/), and the tests call `dispatch`, which checks the method name against
 * the contract's allowlist and the payload against its zod schema before any handler runs.
 */
import type { z } from 'zod';
import { toApiError } from './api-error';
import {
  API_METHODS,
  archiveSelector,
  requestSchemas,
  type ApiMethod,
  type ApiResponses,
  type ApiResult,
} from './contract';
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

function unknownMethod(method: unknown): ApiResult<ApiMethod> {
  const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : typeof method;
  return { ok: false, error: { code: 'bad-request', message: `Unknown API method ${shown}.` } };
}

/** The handler context for the archive a call names, or for the default archive (undefined); undefined when not open. */
export type ContextFor = (archiveId: string | undefined) => ApiContext | undefined;

/**
 * Validates and runs one call against a library: the payload's `archiveId` (contract.ts's
 * archiveSelector) picks the archive and is taken off before the method's own schema checks the rest.
 */
export function dispatchIn(contextFor: ContextFor, method: unknown, payload: unknown): ApiResult<ApiMethod> {
  if (!isApiMethod(method)) return unknownMethod(method);
  let archiveId: string | undefined;
  let rest = payload;
  if (payload !== null && typeof payload === 'object' && !Array.isArray(payload) && 'archiveId' in payload) {
    const { archiveId: given, ...others } = payload as Record<string, unknown>;
    const parsed = archiveSelector.safeParse({ archiveId: given });
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'bad-request', message: `Invalid request for ${method}: ${describeZodError(parsed.error)}` },
      };
    }
    archiveId = parsed.data.archiveId;
    rest = others;
  }
  const ctx = contextFor(archiveId);
  if (!ctx) {
    return { ok: false, error: { code: 'not-found', message: `No archive "${archiveId ?? ''}" is open.` } };
  }
  return dispatch(method, rest, ctx);
}

/** Validates and runs one call. */
export function dispatch(method: unknown, payload: unknown, ctx: ApiContext): ApiResult<ApiMethod> {
  if (!isApiMethod(method)) return unknownMethod(method);
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
