/** What `share.info` answers for a running server: its share URLs, its own URL, and the first URL as a QR code. */
import type { ShareInfo } from '../model/share';
import { shareAddresses, type InterfaceTable } from './network-addresses';
import { qrSvg } from './qr-code';

const svgCache = new Map<string, string>();

export function shareInfo(bindHost: string, port: number, localUrl: string, interfaces?: InterfaceTable): ShareInfo {
  const urls = shareAddresses(bindHost, port, interfaces).map((a) => a.url);
  const first = urls[0];
  let svg: string | null = null;
  if (first) {
    svg = svgCache.get(first) ?? qrSvg(first);
    svgCache.set(first, svg);
  }
  return { urls, localUrl, qrSvg: svg };
}
