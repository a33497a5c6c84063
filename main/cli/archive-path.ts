/**
 * Which pack a command opens: the one given, else the embedded archive's. Only a missing or stale
 * embedded pack calls `buildEmbedded`, which loads the builder (and may hand the command over: null),
 * so this file imports nothing heavy: the lean `folio search` bundle includes it.
 */
export async function archivePath<T extends string | null>(
  given: string | undefined,
  buildEmbedded: () => Promise<T>,
): Promise<string | T> {
  if (given) return given;
  const { embeddedPackStatus } = await import('../archive/embedded-location');
  const status = embeddedPackStatus();
  if (!status.stale) return status.path;
  return buildEmbedded();
}
