/** Whether the page runs as a kiosk, for the few shared views that differ there (no import or export). */
import { createContext, useContext } from 'react';
import type { KioskConfig } from '../../../main/api/contract';

export const KioskModeContext = createContext<KioskConfig | null>(null);

/** The kiosk's configuration, or null in the ordinary reader. */
export function useKioskMode(): KioskConfig | null {
  return useContext(KioskModeContext);
}
