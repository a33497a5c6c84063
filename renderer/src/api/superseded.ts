import type { SupersededMessage } from '../../../main/api/contract';

/** The contract's SUPERSEDED message; the type makes the compiler hold this copy to it. */
const SUPERSEDED_MESSAGE: SupersededMessage = 'Superseded by a newer search.';

/**
 * True when a search was dropped because a newer one overtook it. Checked by message because the error
 * crosses IPC or HTTP, where its class is lost.
 */
export function isSuperseded(error: unknown): boolean {
  return error instanceof Error && error.message.includes(SUPERSEDED_MESSAGE);
}
