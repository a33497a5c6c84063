/**
 * The kiosk's methods of the handler table: its configuration, a visitor session's start and end, usage
 * events for the ledger, and the PIN-guarded admin actions. Outside kiosk mode only `kiosk.config`
 * (which says so) and `kiosk.record` (when the ledger is on) do anything.
 */
import { ApiFailure } from '../api/api-error';
import type { ApiRequest, ApiResponses } from '../api/contract';
import type { PackReader } from '../archive/pack-reader-types';
import type { BookmarkStore } from '../bookmarks/store';
import type { KioskConfig } from '../model/kiosk';
import type { SearchRequest, SearchResponse } from '../model/search-result';
import type { KioskRuntime } from './kiosk-runtime';

/** The part of the handler context (api/handlers.ts's ApiContext) these handlers use. */
interface ApiContext {
  pack: PackReader;
  searcher: { search(request: SearchRequest): SearchResponse };
  bookmarks: BookmarkStore;
  profileId: string;
  kiosk?: KioskRuntime | null;
}

type KioskMethod = 'kiosk.config' | 'kiosk.start' | 'kiosk.end' | 'kiosk.record' | 'kiosk.admin';
type KioskHandlers = { [M in KioskMethod]: (request: ApiRequest<M>, ctx: ApiContext) => ApiResponses[M] };

const OFF: Omit<KioskConfig, 'stats'> = {
  enabled: false,
  idleSeconds: 0,
  countdownSeconds: 0,
  osk: false,
  canExit: false,
  hasPin: false,
  defaults: { theme: 'light', fontSize: 18, language: null },
  featured: [],
};

function requireKiosk(ctx: ApiContext): KioskRuntime {
  if (!ctx.kiosk?.setup.enabled) throw new ApiFailure('bad-request', 'Kiosk mode is off.');
  return ctx.kiosk;
}

export const kioskHandlers: KioskHandlers = {
  'kiosk.config': (_req, ctx) => ctx.kiosk?.config(ctx.pack) ?? { ...OFF, stats: false },

  'kiosk.start': (_req, ctx) => {
    requireKiosk(ctx).start(ctx.profileId, ctx.bookmarks, ctx.pack.manifest.id);
    return ctx.bookmarks.getSettings(ctx.profileId, ctx.pack.manifest.id);
  },

  'kiosk.end': (_req, ctx) => ({
    ended: requireKiosk(ctx).end(ctx.profileId, ctx.bookmarks, ctx.pack.manifest.id),
  }),

  'kiosk.record': (req, ctx) => {
    const ledger = ctx.kiosk?.ledger;
    if (!ledger) return { recorded: false };
    // The total is the searcher's own, not the client's word.
    if (req.event === 'search') ledger.searched(req.query, ctx.searcher.search({ query: req.query, limit: 1 }).total);
    else if (req.event === 'passage') {
      // Only passages of this archive are counted: the ledger never holds arbitrary text from a client.
      if (!ctx.pack.passage(req.passageId)) return { recorded: false };
      ledger.passageOpened(req.passageId);
    } else ledger.bookmarkMade();
    return { recorded: true };
  },

  'kiosk.admin': (req, ctx) => {
    const kiosk = requireKiosk(ctx);
    const verdict = kiosk.gate.check(req.pin);
    if (!verdict.ok) return { ok: false, reason: verdict.reason, retryInSeconds: verdict.retryInSeconds };
    if (req.action === 'usage')
      return { ok: true, usage: kiosk.ledger?.summary(req.since ?? null) ?? null, exit: false };
    if (req.action === 'exit') {
      if (!kiosk.setup.canExit) throw new ApiFailure('bad-request', 'Only the desktop app can leave kiosk mode.');
      return { ok: true, usage: null, exit: true };
    }
    return { ok: true, usage: null, exit: false };
  },
};
