/**
 * The key chords a kiosk visitor could use to close, reload, zoom, leave full screen, go back, open
 * DevTools or open and save files. The desktop app's lockdown swallows them before the page sees them
 * (Alt+F4 too, where the system delivers it as a key rather than closing the window itself).
 */
export interface KeyChord {
  key: string;
  control: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
}

const WITH_CTRL = new Set(['w', 'r', 'o', 'q', 'n', 't', 'p', 's', 'f4', '+', '-', '=', '0']);
const WITH_CTRL_SHIFT = new Set(['i', 'j', 'c']);
const ALONE = new Set(['f5', 'f11', 'f12']);
const WITH_ALT = new Set(['f4', 'arrowleft', 'arrowright', 'home']);

export function isBlockedShortcut(chord: KeyChord): boolean {
  const key = chord.key.toLowerCase();
  const mod = chord.control || chord.meta;
  return (
    ALONE.has(key) ||
    (chord.alt && WITH_ALT.has(key)) ||
    (mod && WITH_CTRL.has(key)) ||
    (mod && chord.shift && WITH_CTRL_SHIFT.has(key))
  );
}
