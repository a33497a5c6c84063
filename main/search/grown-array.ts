/** Typed arrays made longer with what they hold kept: the indexer's tables and the engine's scratch grow as they fill. */

/** A copy of `array` with room for `size` entries (the first ones kept). */
export function grown<A extends Int32Array | Uint8Array | Float64Array>(array: A, size: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(size);
  bigger.set(array);
  return bigger;
}
