// A real CNCF distribution registry (Debian's docker-registry) on 127.0.0.1 with htpasswd auth, or token auth
// from token-server.mjs, for the end-to-end tests and the bundled example.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTokenServer } from './token-server.mjs';

/** The token server's names; the registry trusts tokens from this issuer for this service alone. */
export const TOKEN_ISSUER = 'e2e-token-server';
export const TOKEN_SERVICE = 'e2e-registry';

/** @returns {Promise<number>} a port free on 127.0.0.1 right now */
export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/** A bcrypt htpasswd line; cost 4 keeps the registry's per-request check fast in tests. */
export function htpasswdLine(username, password) {
  const hash = execFileSync(
    'python3',
    [
      '-W',
      'ignore',
      '-c',
      'import crypt,sys; print(crypt.crypt(sys.stdin.read(), crypt.mksalt(crypt.METHOD_BLOWFISH, rounds=16)))',
    ],
    { input: password, encoding: 'utf8' },
  ).trim();
  return `${username}:${hash}\n`;
}

/** @typedef {import('./token-server.mjs').TokenServer} TokenServer */
/** @typedef {{ host: string, stop: () => Promise<void>, dir: string }} Registry */

/**
 * Starts a registry; resolves once it answers /v2/. auth 'token': a token server (token-server.mjs) for these
 * credentials issues the registry's Bearer tokens, anonymous may pull publicRepositories; default 'htpasswd'.
 * @overload
 * @param {{ username: string, password: string, auth?: 'htpasswd' }} options
 * @returns {Promise<Registry>}
 */
/**
 * @overload
 * @param {{ username: string, password: string, auth: 'token', publicRepositories?: string[], ttlSeconds?: number }} options
 * @returns {Promise<Registry & { tokenServer: TokenServer }>}
 */
/**
 * @param {{ username: string, password: string, auth?: 'htpasswd' | 'token', publicRepositories?: string[], ttlSeconds?: number }} options
 * @returns {Promise<Registry & { tokenServer?: TokenServer }>}
 */
export async function startRegistry({ username, password, auth = 'htpasswd', publicRepositories = [], ttlSeconds }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'registry-'));
  const port = await freePort();
  const tokenServer =
    auth === 'token'
      ? await startTokenServer({
          issuer: TOKEN_ISSUER,
          service: TOKEN_SERVICE,
          users: { [username]: password },
          publicRepositories,
          ttlSeconds,
        })
      : undefined;
  const authConfig =
    tokenServer === undefined
      ? ['  htpasswd:', '    realm: e2e', `    path: ${path.join(dir, 'htpasswd')}`]
      : [
          '  token:',
          `    realm: ${tokenServer.realm}`,
          `    service: ${tokenServer.service}`,
          `    issuer: ${tokenServer.issuer}`,
          `    rootcertbundle: ${tokenServer.certFile}`,
        ];
  if (tokenServer === undefined) writeFileSync(path.join(dir, 'htpasswd'), htpasswdLine(username, password));
  writeFileSync(
    path.join(dir, 'config.yml'),
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${path.join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      `  secret: ${Math.random().toString(36).slice(2)}`,
      'auth:',
      ...authConfig,
      '',
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const host = `127.0.0.1:${port}`;
  // What stop() undoes, and a start that fails too: the registry, the token server, the folder.
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await tokenServer?.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`docker-registry exited: ${stderr}`);
    }
    try {
      const response = await fetch(`http://${host}/v2/`);
      if (response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`docker-registry did not answer on ${host}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    host,
    dir,
    ...(tokenServer === undefined ? {} : { tokenServer }),
    stop,
  };
}
