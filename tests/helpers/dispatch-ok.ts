/**
 * Calls through the API's handler table: one that must succeed, and a file's context on a pack its
 * test builds (once, before the file's tests) with such calls on it.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openArchiveContext, type ArchiveContext } from '../../main/api/archive-context';
import type { ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext } from '../../main/api/handlers';
import { tempDir } from './temp';

/** A call that must succeed: its value, or its failure thrown as one line. */
export function dispatchOk<M extends keyof ApiResponses>(method: M, request: object, ctx: ApiContext): ApiResponses[M] {
  const result = dispatch(method, request, ctx);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as ApiResponses[M];
}

export interface PackCalls {
  archive(this: void): ArchiveContext;
  /** Profile p1's handler context. */
  ctx(this: void): ApiContext;
  ok<M extends keyof ApiResponses>(this: void, method: M, request: object): ApiResponses[M];
}

/** Opens the pack `makePack` writes into a new folder (it returns the pack's path) before the file's tests, and closes it after them. */
export function packCalls(prefix: string, makePack: (dir: string) => string): PackCalls {
  let archive: ArchiveContext | undefined;
  let ctx: ApiContext | undefined;
  beforeAll(() => {
    const dir = tempDir(prefix);
    archive = openArchiveContext({ archivePath: makePack(dir), dataDir: join(dir, 'data') });
    ctx = archive.context('p1');
  }, 60_000);
  afterAll(() => archive?.close());
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('packCalls: asked outside a test');
    return value;
  };
  return {
    archive: () => opened(archive),
    ctx: () => opened(ctx),
    ok: (method, request) => dispatchOk(method, request, opened(ctx)),
  };
}
