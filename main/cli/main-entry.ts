/** Entry of the full `folio` command, bundled to out/cli/main.mjs (scripts/bundle-cli.mjs). */
import { main } from './program';

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`folio: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
