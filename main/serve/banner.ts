/**
 * What `folio serve` prints when it starts: the address for this machine, every address other
 * devices can open (one per network address, with its interface), and a QR code of the first, drawn
 * in the terminal, for a classroom of phones.
 */
import type { RunningServer } from './server';
import { qrTerminal } from './qr-code';

export interface BannerOptions {
  /** Draw the QR code (only on a terminal: piped into a log it is noise). */
  qr: boolean;
}

export function serveBanner(
  server: Pick<RunningServer, 'url' | 'shareAddresses' | 'lan'>,
  options: BannerOptions,
): string {
  const lines: string[] = [];
  const shared = server.shareAddresses();
  if (!server.lan) {
    lines.push(
      `Folio is serving at ${server.url}`,
      '(only this machine can open it; --host 0.0.0.0 shares it on the local network)',
    );
  } else if (shared.length === 0) {
    lines.push(
      `Folio is serving at ${server.url}`,
      'No network address was found: join the hotspot or network first, then restart to get an address for other devices.',
    );
  } else {
    lines.push(`Folio is serving on the local network. Open on a phone or another computer:`);
    for (const { url, interfaceName } of shared) lines.push(`  ${url}${interfaceName ? `   (${interfaceName})` : ''}`);
    lines.push(`On this machine: ${server.url}`);
    if (options.qr) lines.push('', `Scan to open ${shared[0]!.url}`, qrTerminal(shared[0]!.url).trimEnd());
  }
  lines.push('(press Ctrl+C to stop)');
  return `${lines.join('\n')}\n`;
}
