/**
 * A small, bounded HTTP load loop for bench/serve.ts: `connections` clients, each sending its next
 * request as soon as the last is answered, over keep-alive sockets (a server that closes each
 * connection gets a new one, as a browser would), until `seconds` pass or `maxRequests` are sent.
 * Latency is measured per request, from send to the last byte of the answer.
 */
import { Agent, request as httpRequest } from 'node:http';

export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadResult {
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

export async function runLoad(options: {
  host: string;
  port: number;
  connections: number;
  seconds: number;
  maxRequests: number;
  next: () => LoadRequest;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies = new Float64Array(options.maxRequests);
  let done = 0;
  let issued = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;

  const send = (r: LoadRequest): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: options.host,
          port: options.port,
          method: r.method,
          path: r.path,
          agent,
          headers: { ...r.headers, ...(r.body !== undefined ? { 'content-length': Buffer.byteLength(r.body) } : {}) },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(r.body);
    });

  const client = async (): Promise<void> => {
    while (performance.now() < deadline && issued < options.maxRequests) {
      issued++;
      const t0 = performance.now();
      try {
        const status = await send(options.next());
        if (status >= 200 && status < 300) latencies[done++] = performance.now() - t0;
        else errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.subarray(0, done).sort();
  const at = (q: number): number => (done ? Math.round(sorted[Math.min(done - 1, Math.floor(done * q))]!) : 0);
  return {
    requests: done + errors,
    errors,
    requestsPerSecond: Math.round(done / elapsed),
    p50: at(0.5),
    p99: at(0.99),
  };
}
