/** The lockdown's shortcut list: what would leave, reload or open files is blocked; typing is not. */
import { describe, expect, it } from 'vitest';
import { isBlockedShortcut, type KeyChord } from '../../main/kiosk/blocked-shortcuts';

const chord = (key: string, mods: Partial<Omit<KeyChord, 'key'>> = {}): KeyChord => ({
  key,
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('isBlockedShortcut', () => {
  it('blocks Ctrl/Cmd+W, Ctrl+R, F5, F11, Ctrl+Shift+I, Ctrl+O and Alt+F4', () => {
    for (const c of [
      chord('w', { control: true }),
      chord('W', { meta: true }),
      chord('r', { control: true }),
      chord('F5'),
      chord('F11'),
      chord('I', { control: true, shift: true }),
      chord('o', { control: true }),
      chord('F4', { alt: true }),
      chord('ArrowLeft', { alt: true }),
    ])
      expect(isBlockedShortcut(c), JSON.stringify(c)).toBe(true);
  });

  it('lets typing through', () => {
    for (const c of [chord('w'), chord('r'), chord('I', { shift: true }), chord('Backspace'), chord('ㅈ'), chord(' ')])
      expect(isBlockedShortcut(c), JSON.stringify(c)).toBe(false);
  });
});
