// Electron's install.js exits 1 when its binary download fails, which fails `npm install` as a whole
// on machines without access to GitHub. Folio's tests and CLI need no Electron binary, so a failed
// download becomes a warning here; `npm start` and `npm run dist` check for the binary and say what to do.
// @electron/get 5 is an ES module; Electron's install.js loads this one with require() (Node >= 20.19).
import * as upstream from '@electron/get-upstream';

export * from '@electron/get-upstream';

export async function downloadArtifact(options) {
  try {
    return await upstream.downloadArtifact(options);
  } catch (error) {
    process.stderr.write(
      `\nfolio: Electron's binary could not be downloaded (${error && error.message}).\n` +
        'folio: the tests and the `folio` command work without it; `npm start` needs it and will say how to get it.\n\n',
    );
    process.exit(0);
  }
}
