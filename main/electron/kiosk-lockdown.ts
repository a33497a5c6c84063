/**
 * Kiosk lockdown for the desktop app: one full-screen window, always on top, no menu, no DevTools; the
 * shortcuts that would close, reload, leave full screen or open files do nothing; a crashed renderer
 * reloads to the attract screen; and the window closes only when the admin's PIN said "Exit kiosk".
 */
import { app, type BrowserWindow } from 'electron';
import type { ApiMethod, ApiResponses, ApiResult } from '../api/contract';
import { isBlockedShortcut } from '../kiosk/blocked-shortcuts';

let exiting = false;

export function applyKioskLockdown(win: BrowserWindow, entryUrl: string): void {
  win.setMenu(null);
  win.setKiosk(true);
  win.setFullScreen(true);
  win.setAlwaysOnTop(true, 'screen-saver');
  const contents = win.webContents;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedShortcut(input)) event.preventDefault();
  });
  contents.on('devtools-opened', () => contents.closeDevTools());
  // No pinch or keyboard zoom: the text-size control is the zoom.
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  contents.on('zoom-changed', () => contents.setZoomLevel(0));
  contents.on('render-process-gone', () => {
    if (!exiting) contents.loadURL(`${entryUrl}#/`).catch(() => undefined);
  });
  contents.on('unresponsive', () => {
    if (!exiting) contents.forcefullyCrashRenderer();
  });
  win.on('close', (event) => {
    if (!exiting) event.preventDefault();
  });
  win.on('leave-full-screen', () => !exiting && win.setFullScreen(true));
}

/** After every IPC call: an admin "Exit kiosk" that the PIN allowed closes the app. */
export function exitIfGranted(method: ApiMethod, result: ApiResult<ApiMethod>): void {
  if (method !== 'kiosk.admin' || !result.ok) return;
  const value = result.value as ApiResponses['kiosk.admin'];
  if (value.ok && value.exit) {
    exiting = true;
    app.quit();
  }
}

/** Whether the app is on its way out through the admin exit (the window may close). */
export const kioskExiting = (): boolean => exiting;
