/**
 * The load generator of bench-inquiry.ts, in a process of its own so that it does not share the server's
 * event loop: autocannon against one base URL, the paths taken in turn from a fixed list (random persons
 * and years, drawn by the parent from a seed), a bearer token on every request. Reads its settings as JSON
 * from stdin and prints one JSON line with the figures.
 */
import autocannon from 'autocannon';

interface LoadSettings {
  url: string;
  token: string;
  paths: string[];
  connections: number;
  durationSeconds: number;
}

let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const settings = JSON.parse(input) as LoadSettings;
let next = 0;
const result = await autocannon({
  url: settings.url,
  connections: settings.connections,
  duration: settings.durationSeconds,
  headers: { authorization: `Bearer ${settings.token}`, accept: 'application/json' },
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => {
        request.path = settings.paths[next]!;
        next = (next + 1) % settings.paths.length;
        return request;
      },
    },
  ],
});

console.log(
  JSON.stringify({
    rps: result.requests.average,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.average,
    maxMs: result.latency.max,
    bytesPerSec: result.throughput.average,
    bytes: result.throughput.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }),
);
