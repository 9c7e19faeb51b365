// The bundles load undici on first use, not at start-up (src/shared/undici-on-demand.ts): the committed bundle
// starts without undici's chunk, and a bundled Octokit request through a proxy still goes through the
// real undici. No engine needed; these check the bundles.
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../harness/run-action.mjs';
import { FIXTURES } from './support.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'undici-on-demand-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Undici's fetch carries this origin comment. */
const UNDICI_MARK = 'Ethan-Arrowood/undici-fetch';

/** The chunk of a bundle directory that holds undici. */
function undiciChunk(dir: string): string {
  const chunks = readdirSync(dir).filter(
    (name) => name.endsWith('.js') && readFileSync(path.join(dir, name), 'utf8').includes(UNDICI_MARK),
  );
  expect(chunks, `chunks of ${dir} holding undici`).toHaveLength(1);
  return path.join(dir, chunks[0]!);
}

/** The files node loads while running `args`, seen by a module loader hook. */
function filesLoaded(
  args: string[],
  env: NodeJS.ProcessEnv,
): { files: string[]; status: number | null; stdout: string } {
  const log = path.join(scratch, `loaded-${Date.now()}.log`);
  const hooks = path.join(scratch, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');
  return nextLoad(url, context);
}
`,
  );
  writeFileSync(log, '');
  const register = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(hooks).href)});`;
  const run = spawnSync(process.execPath, ['--import', register, ...args], { env, encoding: 'utf8' });
  const files = readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((url) => new URL(url).pathname);
  return { files, status: run.status, stdout: run.stdout };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

describe('undici on demand', () => {
  it('starting the committed bundle does not load undici', () => {
    const dist = path.join(ROOT, 'dist');
    // No `image`: main reads its inputs (loading the toolkit) and fails on the missing one.
    const env = { PATH: process.env.PATH, GITHUB_ACTIONS: 'true' };
    const run = filesLoaded([path.join(dist, 'index.js')], env);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error::.*Input 'image'/m);
    // The hook saw the bundle and its main chunk load (@actions/core, which imports undici's ProxyAgent)...
    const chunks = run.files.filter((file) => path.dirname(file) === dist && file !== path.join(dist, 'index.js'));
    expect(chunks.some((chunk) => readFileSync(chunk, 'utf8').includes('issueFileCommand'))).toBe(true);
    // ...but not undici itself, which the action's bundle no longer holds at all (nothing in it fetches through
    // undici; the probe below shows the mark still finds undici in a bundle that does).
    expect(run.files.filter((file) => readFileSync(file, 'utf8').includes(UNDICI_MARK))).toEqual([]);
    expect(
      readdirSync(dist).filter(
        (name) => name.endsWith('.js') && readFileSync(path.join(dist, name), 'utf8').includes(UNDICI_MARK),
      ),
    ).toEqual([]);
  });

  it('a bundled Octokit request through a proxy goes through the real undici', async () => {
    // Built as the action is (ncc with tsconfig.json's paths, which __tests__/tsconfig.json extends).
    const bundle = path.join(scratch, 'probe');
    await promisify(execFile)(
      'npx',
      ['ncc', 'build', path.join(FIXTURES, 'undici-probe', 'probe.ts'), '-o', bundle, '--no-source-map-register', '-q'],
      { cwd: ROOT },
    );

    const apiRequests: string[] = [];
    const api = createServer((request: IncomingMessage, response) => {
      apiRequests.push(`${request.method} ${request.url} ${request.headers.authorization}`);
      response.writeHead(200, { 'content-type': 'text/plain' }).end('Keep it logically awesome.');
    });
    // A CONNECT proxy that sends every tunnel to the API server: the API's host name is not loopback,
    // as @actions/http-client bypasses proxies for loopback hosts.
    const tunnels: string[] = [];
    const proxy = createServer((request, response) => {
      tunnels.push(`not a tunnel: ${request.method} ${request.url}`);
      response.writeHead(502).end();
    });
    const apiPort = await listen(api);
    proxy.on('connect', (request: IncomingMessage, client, head: Buffer) => {
      tunnels.push(`${request.url}`);
      const upstream = connect(apiPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    const proxyPort = await listen(proxy);
    try {
      const proxyUrl = `http://127.0.0.1:${proxyPort}`;
      const env = {
        PATH: process.env.PATH,
        GITHUB_API_URL: `http://api.probe.test:${apiPort}`,
        http_proxy: proxyUrl,
        HTTP_PROXY: proxyUrl,
      };
      // Async, so that this process's servers answer while the probe runs.
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(bundle, 'index.js')], {
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(JSON.parse(stdout)).toEqual({ status: 200, data: 'Keep it logically awesome.' });
      expect(tunnels).toEqual([`api.probe.test:${apiPort}`]);
      expect(apiRequests).toEqual(['GET /zen token probe-token']);
    } finally {
      proxy.closeAllConnections();
      api.closeAllConnections();
      await Promise.all([new Promise((resolve) => proxy.close(resolve)), new Promise((resolve) => api.close(resolve))]);
    }
    // The probe, too, loads undici's chunk only for the request.
    expect(readFileSync(path.join(bundle, 'index.js'), 'utf8')).not.toContain(UNDICI_MARK);
    undiciChunk(bundle);
  });
});
