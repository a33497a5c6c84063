/**
 * `node folio-first.mjs <pack> <querySet>`: the whole-process measurement of Folio's open to first
 * result (start, import, open the pack, answer the set's first query, exit), timed by bench/run.ts
 * from outside, like kiwix-search. Imports only what answering needs.
 */
import { openPack } from '../main/archive/pack';
import { createAnalyzer } from '../main/search/analyzer/index';
import { answer } from './drivers';
import { KOREAN_WAR_QUERIES, PYTHON_QUERIES } from './queries';

const [packPath, set] = process.argv.slice(2);
const pack = openPack(packPath!);
const analyzer = createAnalyzer({ variants: pack.manifest.variants, languages: pack.manifest.languages });
const q = (set === 'python' ? PYTHON_QUERIES : KOREAN_WAR_QUERIES)[0]!;
const refs = answer(pack.searchEngine(), analyzer, q);
process.stdout.write(JSON.stringify({ hits: refs.length }) + '\n');
pack.close();
