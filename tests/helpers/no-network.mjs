// Preloaded (node --import) into a Folio process under test: any attempt to reach the network
// (a TCP/UDP connection to anything but loopback, a DNS lookup, fetch) is written to stderr and fails.
import dgram from 'node:dgram';
import dns from 'node:dns';
import net from 'node:net';

const loopback = (host) =>
  !host || host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '::ffff:127.0.0.1';
const report = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network access attempted: ${what}`);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const options = typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  if (!options.path && !loopback(options.host)) report(`connect ${options.host}:${options.port}`);
  return connect.apply(this, args);
};
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) {
  dns[name] = (host) => report(`dns.${name} ${host}`);
  dns.promises[name] = async (host) => report(`dns.promises.${name} ${host}`);
}
dgram.Socket.prototype.send = () => report('udp send');
globalThis.fetch = async (url) => report(`fetch ${url}`);
