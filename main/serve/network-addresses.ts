/**
 * The machine's network addresses, as `folio serve` shows them to readers (share URLs) and trusts
 * them in Host headers. Read from the operating system each time: a hotspot can hand out a new
 * address while the server runs.
 */
import { isIP } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

export type InterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;

export interface InterfaceAddress {
  /** The interface's name (wlan0, en0, …), so a teacher can tell the hotspot's address from others. */
  interfaceName: string;
  address: string;
  family: 'IPv4' | 'IPv6';
}

/** Addresses that are this machine and nothing else: 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(a) === 4) return a.startsWith('127.');
  return a === '::1' || /^::ffff:127\.\d+\.\d+\.\d+$/.test(a);
}

/** Wildcard binds (every interface). */
export function isWildcardAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';
}

/** An address as the host part of a URL: IPv6 in brackets. */
export function urlHost(address: string): string {
  return isIP(address) === 6 ? `[${address}]` : address;
}

/** Non-loopback addresses of the machine's interfaces, IPv6 without zone (a URL cannot carry one). */
export function interfaceAddresses(table: InterfaceTable = networkInterfaces()): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const [interfaceName, infos] of Object.entries(table)) {
    for (const info of infos ?? []) {
      if (info.internal || isLoopbackAddress(info.address)) continue;
      out.push({ interfaceName, address: info.address.replace(/%.*$/, ''), family: info.family });
    }
  }
  return out;
}

/** Private-range IPv4 first (a hotspot's), then other IPv4, then global IPv6; link-local last. */
function rank(a: InterfaceAddress): number {
  if (a.family === 'IPv4') {
    if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a.address)) return 0;
    return a.address.startsWith('169.254.') ? 3 : 1;
  }
  return /^fe[89ab]/i.test(a.address) ? 4 : 2;
}

/**
 * The URLs other devices can open for a server bound to `bindHost`: for a wildcard bind one per
 * reachable interface address (IPv6 ones only when the bind is IPv6's "::", and never link-local
 * IPv6, which needs a zone no URL can carry); for one address, that address; none for loopback.
 */
export function shareAddresses(
  bindHost: string,
  port: number,
  table: InterfaceTable = networkInterfaces(),
): { url: string; interfaceName: string | null }[] {
  const url = (host: string): string => `http://${urlHost(host)}:${port}/`;
  if (!isWildcardAddress(bindHost)) {
    return isLoopbackAddress(bindHost) || bindHost.toLowerCase() === 'localhost'
      ? []
      : [{ url: url(bindHost.replace(/^\[|\]$/g, '')), interfaceName: null }];
  }
  const ipv6 = bindHost.includes(':');
  return interfaceAddresses(table)
    .filter((a) => a.family === 'IPv4' || (ipv6 && rank(a) !== 4))
    .sort((a, b) => rank(a) - rank(b))
    .map((a) => ({ url: url(a.address), interfaceName: a.interfaceName }));
}
