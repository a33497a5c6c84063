/**
 * Which Host and Origin headers `folio serve` answers: its defence against DNS rebinding (a page on
 * evil.example whose name is re-pointed at this machine) and against cross-site calls.
 *
 * Allowed host names: localhost and the loopback addresses, always; on a network bind also the
 * machine's interface addresses, its host name and `<hostname>.local` (mDNS); the name or address it
 * was bound to; and every `--allow-host` name. A Host outside the list gets 421 whatever the bind, and
 * the port must be the server's. An Origin is allowed exactly when it is `http://` plus an allowed Host.
 */
import { hostname as osHostname } from 'node:os';
import { SetupError } from '../model/errors';
import {
  interfaceAddresses,
  isLoopbackAddress,
  isWildcardAddress,
  urlHost,
  type InterfaceTable,
} from './network-addresses';

export interface HostPolicyOptions {
  /** The address or name the server listens on. */
  bindHost: string;
  port: number;
  /** Extra names (`--allow-host`), e.g. a name the hotspot's DNS gives the laptop. */
  allowHosts?: readonly string[];
  /** The machine's host name (default: the system's). */
  hostname?: string;
  /** The interface table (default: the system's, re-read when an unknown Host may be a new address). */
  interfaces?: () => InterfaceTable;
}

/** A DNS name or an IP address, as `--allow-host` takes it: no port, scheme or path. */
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

/** Normalises an `--allow-host` value (lowercase, no trailing dot, IPv6 in brackets), or throws SetupError. */
export function allowedHostName(value: string): string {
  const name = value.trim().toLowerCase().replace(/\.$/, '');
  const bare = name.replace(/^\[|\]$/g, '');
  if (bare.includes(':')) {
    if (/^[0-9a-f:.]+$/.test(bare)) return `[${bare}]`;
  } else if (HOST_NAME.test(name)) {
    return name;
  }
  throw new SetupError(`--allow-host "${value}" is not a host name or an IP address (give the name alone, no port)`);
}

/** Splits a Host header into a lowercase name (IPv6 in brackets, no trailing dot) and a port (null when absent). */
export function parseHostHeader(value: string): { name: string; port: number | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]\s/@]+)(?::(\d{1,5}))?$/.exec(value.trim().toLowerCase());
  if (!match) return null;
  const name = match[1]!.replace(/\.$/, '');
  return { name, port: match[2] === undefined ? null : Number(match[2]) };
}

export class HostPolicy {
  private readonly fixed = new Set<string>();
  private readonly lan: boolean;
  private readonly interfaces: (() => InterfaceTable) | undefined;
  private addresses = new Set<string>();
  private addressesReadAt = 0;

  constructor(private readonly options: HostPolicyOptions) {
    const bind = options.bindHost.toLowerCase();
    this.lan = isWildcardAddress(bind) || !(isLoopbackAddress(bind) || bind === 'localhost');
    this.interfaces = options.interfaces;
    this.fixed.add('localhost');
    if (!isWildcardAddress(bind)) this.fixed.add(urlHost(bind.replace(/^\[|\]$/g, '')));
    for (const name of options.allowHosts ?? []) this.fixed.add(allowedHostName(name));
    if (this.lan) {
      const host = (options.hostname ?? osHostname()).toLowerCase().replace(/\.$/, '');
      if (host) {
        this.fixed.add(host);
        if (!host.endsWith('.local')) this.fixed.add(`${host.split('.')[0]}.local`);
      }
      this.readAddresses();
    }
  }

  /** Whether a request's Host header names this server. */
  allowsHost(header: string | undefined): boolean {
    const parsed = header === undefined ? null : parseHostHeader(header);
    if (!parsed || (parsed.port ?? 80) !== this.options.port) return false;
    return this.allowsName(parsed.name);
  }

  /** Whether an Origin header is exactly one of this server's own origins. */
  allowsOrigin(origin: string): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // "null" (sandboxed frames, file: pages) and garbage are never ours
    }
    if (url.protocol !== 'http:' || `${url.protocol}//${url.host}` !== origin.toLowerCase()) return false;
    return this.allowsHost(url.host);
  }

  private allowsName(name: string): boolean {
    if (this.fixed.has(name) || isLoopbackAddress(name)) return true;
    if (!this.lan) return false;
    if (this.addresses.has(name)) return true;
    // Perhaps an address the hotspot handed out since: look again, at most once a second.
    if (Date.now() - this.addressesReadAt < 1000) return false;
    this.readAddresses();
    return this.addresses.has(name);
  }

  private readAddresses(): void {
    this.addressesReadAt = Date.now();
    const table = this.interfaces?.();
    this.addresses = new Set(interfaceAddresses(table).map((a) => urlHost(a.address).toLowerCase()));
  }
}
