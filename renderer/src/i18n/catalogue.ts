/**
 * The shape every catalogue has: the English catalogue's keys, each a string. Plural forms are the language's
 * own: English needs `_one` and `_other`, Korean only `_other`, so a key's `_one` form may be left out.
 */
import type { en } from './en';

type Shape<T> = {
  [K in keyof T as K extends `${string}_one` ? never : K]: T[K] extends string ? string : Shape<T[K]>;
} & { [K in keyof T as K extends `${string}_one` ? K : never]?: string };

export type Catalogue = Shape<typeof en>;
