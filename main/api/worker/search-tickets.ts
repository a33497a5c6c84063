/**
 * Cancelling a search the core worker is already running, when a newer as-you-type search from the
 * same client (a window, a browser tab) overtakes it. The worker cannot read messages while a search
 * runs, so the main thread writes into memory both threads share: each client has a slot holding
 * the ticket of its newest search. A search carries its own ticket, and the searcher polls between
 * steps whether its slot still holds it (SearchControl); when not, it stops and the call answers
 * `superseded`, which callers drop.
 */

/** Clients with a slot at once; the least recently used one without a search in flight gives its slot up. */
const SLOTS = 1024;

/** What a search.query message carries to be cancellable: its client's slot and its own ticket. */
export interface SearchTicket {
  slot: number;
  ticket: number;
}

interface ClientSlot {
  slot: number;
  /** The newest search's seq: an older seq arriving later is overtaken at once. */
  seq: number;
  inFlight: number;
}

/** The main thread's side: hands out tickets and overtakes older ones. */
export class SearchTickets {
  /** Shared with the worker (workerData). */
  readonly buffer = new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
  private readonly slots = new Int32Array(this.buffer);
  /** By client, least recently used first. */
  private readonly clients = new Map<string, ClientSlot>();
  private free = Array.from({ length: SLOTS }, (_, i) => SLOTS - 1 - i);
  private last = 0;

  /**
   * A ticket for a search with this `seq` from `client`; it overtakes the client's earlier ones.
   * Null when every slot is busy (the search then runs to its end, as before).
   */
  issue(client: string, seq: number): SearchTicket | null {
    const entry = this.slotOf(client);
    if (!entry) return null;
    this.last = this.last >= 0x7fffffff ? 1 : this.last + 1;
    const ticket = this.last;
    entry.inFlight++;
    if (seq >= entry.seq) {
      entry.seq = seq;
      Atomics.store(this.slots, entry.slot, ticket);
    }
    return { slot: entry.slot, ticket };
  }

  /** The search with this ticket was answered. */
  settle(client: string): void {
    const entry = this.clients.get(client);
    if (entry && entry.inFlight > 0) entry.inFlight--;
  }

  private slotOf(client: string): ClientSlot | null {
    let entry = this.clients.get(client);
    if (entry) {
      this.clients.delete(client);
    } else {
      const slot = this.free.pop() ?? this.reclaim();
      if (slot === undefined) return null;
      entry = { slot, seq: -1, inFlight: 0 };
    }
    this.clients.set(client, entry);
    return entry;
  }

  private reclaim(): number | undefined {
    for (const [client, entry] of this.clients) {
      if (entry.inFlight > 0) continue;
      this.clients.delete(client);
      return entry.slot;
    }
    return undefined;
  }
}

/** The worker's side: whether a search's ticket was overtaken. */
export function overtaken(slots: Int32Array, ticket: SearchTicket): boolean {
  return Atomics.load(slots, ticket.slot) !== ticket.ticket;
}
