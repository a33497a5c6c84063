/**
 * Electron entry: one hardened window on the app:// protocol, IPC as one allowlisted channel per API
 * method, and the archive (pack, search, bookmarks) in a worker thread via CoreHost. This is the only
 * code importing electron; it stays thin, all logic lives in main/api and main/bookmarks.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type MenuItemConstructorOptions,
} from 'electron';
import { API_METHODS, ipcChannel } from '../api/contract';
import { CoreHost } from '../api/worker/host';
import { mediaResponse, parseMediaPath } from '../api/media-response';
import { libraryArgs } from '../library/library-args';
import { packsInFolder } from '../library/library-folder';
import type { LibrarySource } from '../library/library';
import { STATIC_TYPES } from '../api/web-policy';
import { applyPackagedEnvironment } from './environment';
import { APP_CSP, APP_ENTRY, APP_HOST, APP_SCHEME, isAllowedRequest, isTrustedSender, kioskArg } from './security';
import { applyKioskLockdown, exitIfGranted } from './kiosk-lockdown';
import { kioskFlagsFromArgv } from '../kiosk/kiosk-argv';
import { resolveKioskSetup, type KioskSetup } from '../kiosk/kiosk-settings';
import { makeVisitorStoreDir, removeVisitorStoreDir } from '../kiosk/open-kiosk';

// An installed app first drops the development-only variables and points the worker (created below,
// with a copy of this environment) at its own resources: nothing after this line sees them.
if (app.isPackaged) applyPackagedEnvironment(process.env, process.resourcesPath);

const here = dirname(fileURLToPath(import.meta.url));
const rendererDir = resolve(here, '..', 'renderer');
const preloadPath = join(here, '..', 'preload', 'index.cjs');
const devServer = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
/** DevTools only in development: the electron-vite dev server, or FOLIO_DEVTOOLS=1 on an unpackaged build. */
const devTools = !app.isPackaged && (!!devServer || process.env.FOLIO_DEVTOOLS === '1');
/** Kiosk mode (museums): full screen, no menu, no Open archive…, no DevTools. */
const kiosk = kioskArg(process.argv);

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
  },
]);

const core = new CoreHost({ workerPath: join(here, 'core-worker.js') });
let mainWindow: BrowserWindow | null = null;
const HEADERS = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain', ...HEADERS } });
}

async function serveApp(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return notFound();
  if (url.pathname.startsWith('/media/')) {
    const media = parseMediaPath(url.pathname.slice('/media/'.length));
    if (!media) return notFound();
    const blob = await core.media(media.mediaId, media.archiveId);
    if (!blob) return notFound();
    const out = mediaResponse(blob, request.headers.get('range'));
    return new Response(new Uint8Array(out.body), { status: out.status, headers: out.headers });
  }
  let relative: string;
  try {
    relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
  } catch {
    return notFound();
  }
  const file = normalize(join(rendererDir, relative));
  if (relative.includes('\0') || !file.startsWith(rendererDir + sep) || !existsSync(file) || !statSync(file).isFile())
    return notFound();
  return new Response(readFileSync(file), {
    headers: { 'Content-Type': STATIC_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', ...HEADERS },
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // No filter: every request of every scheme passes through here.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServer) });
  });
  ses.setProxy({ mode: 'direct' }).catch(() => undefined);
  protocol.handle(APP_SCHEME, (request) => serveApp(request).catch(() => notFound()));
}

function registerIpc(): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, payload: unknown) => {
      // Fiddle-style sender check: only our own top-level page may call.
      const frame = event.senderFrame;
      if (
        !frame ||
        frame.parent !== null ||
        !isTrustedSender(frame.url, devServer) ||
        event.sender !== mainWindow?.webContents
      ) {
        return { ok: false, error: { code: 'bad-request', message: 'Calls are accepted from the Folio window only.' } };
      }
      const result = await core.call(method, payload, 'local', `wc-${event.sender.id}`);
      if (kiosk) exitIfGranted(method, result);
      return result;
    });
  }
}

/** The packs of the command line: every --archive (required), then every pack of every --library folder. */
function commandLineSources(): LibrarySource[] {
  const { archives, libraries } = libraryArgs(process.argv);
  return [
    ...archives.map((path) => ({ path: resolve(path), required: true })),
    ...libraries.flatMap((dir) => packsInFolder(dir)).map((path) => ({ path, required: false })),
  ];
}

/** Opens packs (the first is the default archive), the embedded archive always last; `keepOpen` adds to the library. */
async function openArchive(
  sources: () => LibrarySource[],
  win: BrowserWindow | null,
  keepOpen = false,
): Promise<boolean> {
  win?.setProgressBar(2); // indeterminate while the pack opens (or the embedded pack is built)
  if (win) win.setTitle('Folio: opening the archive…');
  try {
    kioskSetup ??= kioskSetupFor(app.getPath('userData'));
    const opened = await core.openLibrary({
      sources: sources(),
      embedded: true,
      keepOpen,
      dataDir: app.getPath('userData'),
      kiosk: kioskSetup,
    });
    win?.setTitle(`${opened.info.manifest.title} · Folio`);
    // A reset bookmarks file is shown by the renderer (ArchiveInfo.notices), as under `folio serve`.
    return true;
  } catch (error) {
    dialog.showErrorBox('The archive could not be opened', (error as Error).message);
    return false;
  } finally {
    win?.setProgressBar(-1);
  }
}

/** Kiosk mode and the usage ledger: the command line, then the data folder's kiosk.json (main/kiosk). */
let kioskSetup: KioskSetup | null = null;
function kioskSetupFor(dataDir: string): KioskSetup {
  const setup = resolveKioskSetup(dataDir, kioskFlagsFromArgv(process.argv), { statsByDefault: false, canExit: true });
  return setup.enabled ? { ...setup, storeDir: makeVisitorStoreDir() } : setup;
}

async function chooseArchive(): Promise<void> {
  if (!mainWindow) return;
  const result = await dialog.showOpenDialog(mainWindow, {
    title: 'Open archive',
    properties: ['openFile'],
    filters: [{ name: 'Folio archive', extensions: ['folio'] }],
  });
  const file = result.filePaths[0];
  if (result.canceled || !file) return;
  const win = mainWindow;
  const opening = openArchive(() => [{ path: file, required: true }], win, true);
  // Reload at once: the page waits (showing "Opening the archive…") for calls queued behind the open.
  win.loadURL(`${devServer ?? APP_ENTRY}#/`).catch(() => undefined);
  if (!(await opening)) win.loadURL(`${devServer ?? APP_ENTRY}#/`).catch(() => undefined);
}

function buildMenu(): void {
  if (kiosk) {
    Menu.setApplicationMenu(null);
    return;
  }
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open archive…', accelerator: 'CmdOrCtrl+O', click: () => void chooseArchive() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? ([{ role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 480,
    minHeight: 400,
    show: false,
    kiosk,
    autoHideMenuBar: kiosk,
    title: 'Folio',
    backgroundColor: '#f7f3ea',
    webPreferences: {
      // Reviewed (Electronegativity PRELOAD_JS_CHECK, "review the use of preload scripts"): the sandboxed
      // preload exposes through contextBridge only window.folio.call, for an allowlist of API methods
      // each on its own channel, and mediaUrl; no ipcRenderer, no Node module, nothing else.
      /* eng-disable PRELOAD_JS_CHECK */ preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      webviewTag: false,
      spellcheck: false,
      // No middle-click (auxclick) navigation: new windows are denied anyway; this closes the path too.
      disableBlinkFeatures: 'Auxclick',
      devTools: devTools && !kiosk,
    },
  });
  win.once('ready-to-show', () => win.show());
  return win;
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
});

app.enableSandbox();
// One window, one worker: a second launch focuses the first instead.
if (!app.requestSingleInstanceLock()) app.exit(0);

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

app
  .whenReady()
  .then(async () => {
    hardenSession();
    registerIpc();
    buildMenu();
    mainWindow = createWindow();
    mainWindow.on('closed', () => (mainWindow = null));
    if (kiosk) applyKioskLockdown(mainWindow, devServer ?? APP_ENTRY);
    // The worker handles messages in order, so the renderer's first calls wait behind the open: the
    // window shows "Opening the archive…" (and the taskbar progress) while a slow pack opens.
    const opening = openArchive(commandLineSources, mainWindow);
    mainWindow.loadURL(devServer ?? APP_ENTRY).catch(() => undefined);
    if (!(await opening)) {
      await core.close();
      app.exit(2);
    }
  })
  .catch((error: unknown) => {
    // Startup itself failed (not the archive, which openArchive reports): say so rather than hang windowless.
    dialog.showErrorBox('Folio could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

app.on('window-all-closed', () => {
  void core.close().finally(() => {
    removeVisitorStoreDir(kioskSetup?.storeDir);
    app.quit();
  });
});
