// Electron's install.js exits 1 when its binary download fails, which fails `npm install` as a whole
// on machines without access to GitHub. Folio's tests and CLI need no Electron binary, so a failed
// download becomes a warning here; `npm start` checks for the binary and says what to do.
'use strict';
const upstream = require('@electron/get-upstream');

module.exports = {
  ...upstream,
  downloadArtifact(options) {
    return upstream.downloadArtifact(options).catch((error) => {
      process.stderr.write(
        `\nfolio: Electron's binary could not be downloaded (${error && error.message}).\n` +
          'folio: the tests and the `folio` command work without it; `npm start` needs it and will say how to get it.\n\n',
      );
      process.exit(0);
    });
  },
};
