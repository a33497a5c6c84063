/**
 * The hostile client of bench/serve.ts, in a process of its own so that it does not slow the load
 * loop: `node --import tsx bench/serve-abuser.ts PORT SECONDS`. Holds 200 sockets open without a
 * request (reopening any the server closes) and sends 10 MB bodies to the API in two loops, one with
 * Content-Length and one chunked, stopping each upload once answered, as curl or a browser would.
 * Loopback only; stops after SECONDS and prints {"refused": N, "idleOpen": N}.
 */
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';

const HOST = '127.0.0.1';
const port = Number(process.argv[2]);
const seconds = Math.min(120, Number(process.argv[3]) || 10);
const IDLE = 200;
const deadline = Date.now() + seconds * 1000;
let refused = 0;
const sockets = new Set<Socket>();

const open = (): void => {
  if (Date.now() >= deadline) return;
  const socket = connect(port, HOST);
  socket.on('error', () => undefined);
  socket.on('close', () => {
    sockets.delete(socket);
    setTimeout(open, 50);
  });
  sockets.add(socket);
};
for (let i = 0; i < IDLE; i++) open();

const body = Buffer.alloc(10 * 1024 * 1024, 0x20);
const send = (chunked: boolean): Promise<void> =>
  new Promise((done) => {
    const req = httpRequest(
      {
        host: HOST,
        port,
        method: 'POST',
        path: '/api/search.query',
        headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': body.length }) },
      },
      (res) => {
        if (res.statusCode === 413) refused++;
        res.resume();
        req.destroy();
        done();
      },
    );
    req.on('error', () => done());
    req.on('close', () => done());
    let at = 0;
    const write = (): void => {
      while (at < body.length && !req.destroyed) {
        const ok = req.write(body.subarray(at, (at += 64 * 1024)));
        if (!ok) {
          req.once('drain', write);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    write();
  });

await Promise.all(
  [false, true].map(async (chunked) => {
    while (Date.now() < deadline) await send(chunked);
  }),
);
const idleOpen = sockets.size;
for (const s of sockets) s.destroy();
process.stdout.write(`${JSON.stringify({ refused, idleOpen })}\n`);
process.exit(0);
