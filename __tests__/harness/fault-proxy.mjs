// A fault-injecting reverse proxy for a registry on 127.0.0.1, for tests: forwards everything, but the
// first N requests that match answer 503 (or lose their connection, or hang, or are rate-limited with 429 and
// Retry-After: 1), as a flaky or busy registry does.
import { createServer, request } from 'node:http';

/**
 * @param {{ target: string, faults: number, mode?: '503' | 'drop' | 'hang' | '429', match?: (method: string, url: string) => boolean }} options
 *   target: host:port of the registry; match: which requests count (default: manifest uploads)
 * Resolves with requests() (each `METHOD url`) and log() (each with its User-Agent: docker's, or the action's
 * own client's), besides the host and how many requests were faulted.
 * @returns {Promise<{ host: string, faulted: () => number, requests: () => string[],
 *   log: () => { method: string, url: string, agent: string }[], stop: () => Promise<void> }>}
 */
export async function startFaultProxy({
  target,
  faults,
  mode = '503',
  match = (method, url) => method === 'PUT' && url.includes('/manifests/'),
}) {
  let faulted = 0;
  /** @type {{ method: string, url: string, agent: string }[]} */
  const log = [];
  const server = createServer((incoming, outgoing) => {
    const method = incoming.method ?? 'GET';
    const url = incoming.url ?? '/';
    log.push({ method, url, agent: incoming.headers['user-agent'] ?? '' });
    if (faulted < faults && match(method, url)) {
      faulted++;
      if (mode === 'drop') {
        incoming.socket.destroy();
        return;
      }
      if (mode === 'hang') return; // never answers: a registry that stalls
      incoming.resume();
      if (mode === '429') {
        outgoing.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
        outgoing.end('{"errors":[{"code":"TOOMANYREQUESTS","message":"injected rate limit"}]}');
        return;
      }
      outgoing.writeHead(503, { 'content-type': 'application/json' });
      outgoing.end('{"errors":[{"code":"UNAVAILABLE","message":"injected fault"}]}');
      return;
    }
    // The Host header stays the proxy's: the registry builds its upload Location URLs from it.
    const [hostname, port] = target.split(':');
    const upstream = request(
      { hostname, port: Number(port), method, path: url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    incoming.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    host: `127.0.0.1:${port}`,
    faulted: () => faulted,
    requests: () => log.map((entry) => `${entry.method} ${entry.url}`),
    log: () => [...log],
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}
