/**
 * The kiosk's API methods through dispatch, on a real pack and a real bookmark store: the featured
 * passages, a session's start and end (wiped, counted), usage events checked by the server, and the
 * PIN-guarded admin actions.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchiveContext, type ArchiveContext } from '../../main/api/archive-context';
import type { ApiMethod, ApiResponses } from '../../main/api/contract';
import { dispatch } from '../../main/api/dispatch';
import type { ApiContext } from '../../main/api/handlers';
import { buildPack } from '../../main/archive/writer/build-pack';
import { openKioskRuntime } from '../../main/kiosk/open-kiosk';
import type { KioskRuntime } from '../../main/kiosk/kiosk-runtime';
import { resolveKioskSetup } from '../../main/kiosk/kiosk-settings';
import { tempDir } from '../helpers/temp';

const dir = tempDir('folio-kiosk-api-');
const fixture = join(__dirname, '..', 'fixtures', 'curated-mini');
const plainPack = join(dir, 'mini.folio');
buildPack(fixture, plainPack);

let opened: { archive: ArchiveContext; kiosk: KioskRuntime | null }[] = [];
let n = 0;
afterEach(() => {
  for (const o of opened) {
    o.archive.close();
    o.kiosk?.close();
  }
  opened = [];
});

function open(
  pack: string,
  flags: Parameters<typeof resolveKioskSetup>[1],
  transport = { statsByDefault: true, canExit: false },
): { ctx: (profile: string) => ApiContext; kiosk: KioskRuntime | null; dataDir: string } {
  const dataDir = join(dir, `data-${n++}`);
  const kiosk = openKioskRuntime(resolveKioskSetup(dataDir, flags, transport), dataDir);
  const archive = openArchiveContext({ archivePath: pack, dataDir: kiosk?.storeDir ?? dataDir });
  opened.push({ archive, kiosk });
  return { ctx: (profile) => ({ ...archive.context(profile), kiosk }), kiosk, dataDir };
}

function call<M extends ApiMethod>(method: M, payload: unknown, ctx: ApiContext): ApiResponses[M] {
  const result = dispatch(method, payload, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as ApiResponses[M];
}

describe('kiosk.config', () => {
  it('says "off" in the ordinary reader', () => {
    const { ctx } = open(plainPack, { kiosk: false, stats: false });
    expect(call('kiosk.config', {}, ctx('p'))).toMatchObject({ enabled: false, stats: false, featured: [] });
    expect(dispatch('kiosk.start', {}, ctx('p'))).toMatchObject({
      ok: false,
      error: { message: 'Kiosk mode is off.' },
    });
  });

  it('features pictured captions when the manifest names none', () => {
    const { ctx } = open(plainPack, { kiosk: true, idle: 3 });
    const config = call('kiosk.config', {}, ctx('p'));
    expect(config).toMatchObject({ enabled: true, idleSeconds: 3, countdownSeconds: 15, osk: true, stats: true });
    expect(config.featured.map((p) => p.text)).toEqual(['A crane on the quay']);
  });

  it("features the passages the manifest's kiosk.featured names, in its order", () => {
    const plain = openArchiveContext({ archivePath: plainPack, dataDir: join(dir, 'probe') });
    const ids = plain.pack
      .sections()
      .flatMap((s) => plain.pack.passagesOfSection(s.id))
      .filter((p) => p.kind === 'text');
    plain.close();
    const wanted = [ids[2]?.id ?? '', ids[0]?.id ?? ''];
    const source = join(dir, 'featured-source');
    cpSync(fixture, source, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(source, 'folio.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(source, 'folio.json'),
      JSON.stringify({ ...manifest, kiosk: { featured: [...wanted, 'p000000000000'] } }),
    );
    const pack = join(dir, 'featured.folio');
    buildPack(source, pack);
    const { ctx } = open(pack, { kiosk: true });
    expect(call('kiosk.config', {}, ctx('p')).featured.map((p) => p.id)).toEqual(wanted);
  });
});

describe('a visitor session', () => {
  it('starts with the kiosk defaults, and ends wiped and counted', () => {
    const { ctx, kiosk } = open(plainPack, { kiosk: true });
    const visitor = ctx('kiosk-visitor-1');
    expect(call('kiosk.start', {}, visitor)).toEqual({
      fontSize: 22,
      theme: 'light',
      readingPosition: null,
      language: null,
    });
    const passageId = call('search.query', { query: 'crane' }, visitor).results[0]?.passageId ?? '';
    call('bookmarks.set', { passageId, note: 'for my class' }, visitor);
    call('settings.set', { theme: 'dark', fontSize: 30, readingPosition: passageId, language: 'ko' }, visitor);
    expect(call('bookmarks.list', {}, visitor)).toHaveLength(1);

    expect(call('kiosk.end', {}, visitor)).toEqual({ ended: true });
    expect(call('bookmarks.list', {}, visitor)).toEqual([]);
    expect(call('settings.get', {}, visitor)).toEqual({
      fontSize: 22,
      theme: 'light',
      readingPosition: null,
      language: null,
    });
    expect(kiosk?.ledger?.summary().sessions.count).toBe(1);
    // Ending again counts nothing more.
    expect(call('kiosk.end', {}, visitor)).toEqual({ ended: false });
    expect(kiosk?.ledger?.summary().sessions.count).toBe(1);
  });

  it("records a search with the searcher's own total, and only this archive's passages", () => {
    const { ctx, kiosk } = open(plainPack, { kiosk: true });
    const v = ctx('kiosk-v');
    call('kiosk.record', { event: 'search', query: 'Pusan' }, v);
    call('kiosk.record', { event: 'search', query: 'Jejoo' }, v);
    call('kiosk.record', { event: 'bookmark' }, v);
    expect(call('kiosk.record', { event: 'passage', passageId: 'p000000000000' }, v)).toEqual({ recorded: false });
    const usage = kiosk?.ledger?.summary();
    expect(usage?.zeroResultQueries).toEqual([{ query: 'jejoo', count: 1 }]);
    expect(usage?.searches).toBe(2);
    expect(usage?.topPassages).toEqual([]);
    expect(usage?.bookmarksMade).toBe(1);
  });

  it('counts nothing with --no-stats', () => {
    const { ctx, kiosk } = open(plainPack, { kiosk: true, stats: false });
    expect(call('kiosk.record', { event: 'bookmark' }, ctx('v'))).toEqual({ recorded: false });
    expect(kiosk?.ledger).toBeNull();
  });
});

describe('kiosk.admin', () => {
  it('unlocks with the PIN, rate-limits wrong ones, and offers Exit only in the desktop app', () => {
    const served = open(plainPack, { kiosk: true, pin: '2468' }).ctx('v');
    expect(call('kiosk.admin', { pin: '1111', action: 'unlock' }, served)).toMatchObject({
      ok: false,
      reason: 'wrong',
    });
    expect(call('kiosk.admin', { pin: '2468', action: 'usage' }, served)).toMatchObject({
      ok: true,
      usage: { searches: 0 },
    });
    expect(dispatch('kiosk.admin', { pin: '2468', action: 'exit' }, served)).toMatchObject({ ok: false });
    call('kiosk.admin', { pin: '1', action: 'unlock' }, served);
    call('kiosk.admin', { pin: '2', action: 'unlock' }, served);
    expect(call('kiosk.admin', { pin: '3', action: 'unlock' }, served)).toMatchObject({ ok: false, reason: 'locked' });
    expect(call('kiosk.admin', { pin: '2468', action: 'unlock' }, served)).toMatchObject({
      ok: false,
      reason: 'locked',
    });

    const desktop = open(plainPack, { kiosk: true, pin: '2468' }, { statsByDefault: false, canExit: true }).ctx(
      'local',
    );
    expect(call('kiosk.admin', { pin: '2468', action: 'exit' }, desktop)).toEqual({
      ok: true,
      usage: null,
      exit: true,
    });
  });
});
