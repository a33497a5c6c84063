/** `folio kiosk-pin <digits>`: stores the kiosk admin PIN, as a scrypt hash only, in the data folder's kiosk.json. */
import type { Command } from 'commander';
import { fail } from './failure';
import { kioskPin } from './kiosk-options';

export function addKioskPinCommand(program: Command): void {
  program
    .command('kiosk-pin')
    .description("set the kiosk admin PIN (stored as a hash in the data folder's kiosk.json)")
    .argument('<digits>', '4 to 12 digits', kioskPin)
    .option('--data-dir <folder>', 'the data folder')
    .action(async (pin: string, options: { dataDir?: string }) => {
      try {
        const { defaultDataDir } = await import('../data-dir');
        const { writeKioskPin } = await import('../kiosk/kiosk-settings');
        const file = writeKioskPin(options.dataDir ?? defaultDataDir(), pin);
        process.stdout.write(`The kiosk PIN is set (its hash is in ${file}).\n`);
      } catch (error) {
        fail(error);
      }
    });
}
