/**
 * The environment of an installed app. Variables meant for development are honoured only when the app
 * runs from a checkout (`!app.isPackaged`): in an installed app they could load another page into the
 * window, open DevTools, or load a native module or pack from anywhere. The worker's two paths point
 * into the app's own resources instead, where electron-builder's extraResources put them.
 */
import { join } from 'node:path';
import { NATIVE_BINDING_ENV } from '../sqlite';

/** Read by the pack opener (main/archive/embedded-location.ts): the embedded archive's pack. */
export const EMBEDDED_PACK_ENV = 'FOLIO_EMBEDDED_PACK';

/** Development only: the electron-vite dev server, DevTools, and the paths a checkout builds into out/. */
export const DEVELOPMENT_VARIABLES = [
  'ELECTRON_RENDERER_URL',
  'FOLIO_DEVTOOLS',
  NATIVE_BINDING_ENV,
  EMBEDDED_PACK_ENV,
  'FOLIO_DATA_DIR',
] as const;

/** Inside the installed app's resources folder (electron-builder.js, extraResources). */
export const PACKAGED_RESOURCES = {
  embeddedPack: ['archive', 'korean-war.folio'],
  sqliteBinding: ['native', 'better_sqlite3.node'],
} as const;

/** Drops the development variables from `env` and points the worker at the packaged resources. */
export function applyPackagedEnvironment(env: NodeJS.ProcessEnv, resourcesPath: string): void {
  for (const name of DEVELOPMENT_VARIABLES) delete env[name];
  env[NATIVE_BINDING_ENV] = join(resourcesPath, ...PACKAGED_RESOURCES.sqliteBinding);
  env[EMBEDDED_PACK_ENV] = join(resourcesPath, ...PACKAGED_RESOURCES.embeddedPack);
}
