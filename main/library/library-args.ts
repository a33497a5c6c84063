/** The packs named on a command line (`npm start -- --archive a.folio --archive b.folio --library DIR`). */
export interface LibraryArgs {
  archives: string[];
  libraries: string[];
}

/** Every `--archive <file>` / `--archive=<file>` and `--library <folder>` / `--library=<folder>`, in order. */
export function libraryArgs(argv: readonly string[]): LibraryArgs {
  const out: LibraryArgs = { archives: [], libraries: [] };
  const options = { '--archive': out.archives, '--library': out.libraries } as const;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    for (const [name, list] of Object.entries(options)) {
      if (arg === name && argv[i + 1] !== undefined) list.push(argv[++i]!);
      else if (arg.startsWith(`${name}=`) && arg.length > name.length + 1) list.push(arg.slice(name.length + 1));
    }
  }
  return out;
}
