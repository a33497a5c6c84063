/**
 * The answer to an as-you-type search that a newer one from the same client replaced. It is not a
 * failure: over HTTP it goes out as a 200, since a browser reports every 4xx/5xx fetch in its console.
 * The renderer recognises it by its message, because an error thrown through Electron's
 * contextBridge keeps only its message. No imports: the renderer bundles this file.
 */
export const SUPERSEDED = { code: 'superseded', message: 'Superseded by a newer search.' } as const;
