/**
 * Builds the embedded archive's pack when it is missing or stale. It loads the builder, so the lean
 * `folio search` bundle (search-entry.ts) must not import this file: it hands over to the full command.
 */
export async function buildEmbeddedPack(): Promise<string> {
  const { embeddedPackPath } = await import('../archive/embedded');
  return embeddedPackPath();
}
