/** Entry of the bundled `folio` command. */
import { main } from './main';

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`folio: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
  process.exit(2);
});
