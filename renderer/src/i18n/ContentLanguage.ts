/**
 * The archive's own language (its manifest's first), for the elements that show its text: they carry it as
 * `lang`, so the interface can be Korean while an English archive is read (and spoken) as English.
 */
import { createContext, useContext } from 'react';

export const ContentLanguage = createContext<string | undefined>(undefined);

export const useContentLanguage = (): string | undefined => useContext(ContentLanguage);
