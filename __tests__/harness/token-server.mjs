// A Docker-style token server on 127.0.0.1 (what Docker Hub, GHCR and most hosted registries put in front of a
// distribution registry), for the end-to-end tests: it issues RS256 JWTs the registry's `auth.token` verifies.
import { execFileSync } from 'node:child_process';
import { randomBytes, sign, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * distribution 2.8 accepts a token up to this long after its `exp` (registry/auth/token/token.go, `Leeway`):
 * an expired token has to be older than that, or the registry still takes it.
 */
export const REGISTRY_LEEWAY_SECONDS = 60;

/** @typedef {{ type: string, name: string, actions: string[] }} Access */
/**
 * One request to the token endpoint. account: the user who authenticated (or tried to), undefined for
 * anonymous; granted: the token's access list ([] when no token was issued); status: the HTTP status answered.
 * agent: the client's User-Agent (docker's, BuildKit's, or the action's own client's).
 * @typedef {{ method: string, scope: string[], account: string | undefined, granted: Access[], expired: boolean, status: number, agent: string }} TokenRequest
 */
/**
 * @typedef {{ realm: string, issuer: string, service: string, certFile: string, requests: () => TokenRequest[],
 *   expireNext: (n: number) => void, stop: () => Promise<void> }} TokenServer
 */

/**
 * Starts the token server; resolves once it listens.
 * @param {{ issuer: string, service: string, users: Record<string, string>, publicRepositories?: string[],
 *   ttlSeconds?: number, expiredFirst?: number }} options
 *   users: name → password, each may pull and push anything; publicRepositories: anonymous may pull these;
 *   ttlSeconds: the tokens' lifetime (default 300, as Docker Hub); expiredFirst: the first n tokens come expired
 * @returns {Promise<TokenServer>}
 */
export async function startTokenServer({
  issuer,
  service,
  users,
  publicRepositories = [],
  ttlSeconds = 300,
  expiredFirst = 0,
}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'token-server-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  // stdout and stderr piped: openssl's key-generation progress dots stay out of the test output.
  const subject = `/CN=${issuer}`;
  const openssl = ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile];
  execFileSync('openssl', [...openssl, '-subj', subject, '-days', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const privateKey = readFileSync(keyFile, 'utf8');
  // The registry takes the signing key from the leaf certificate in x5c and checks it chains to rootcertbundle.
  const x5c = [new X509Certificate(readFileSync(certFile)).raw.toString('base64')];
  let expiring = expiredFirst;
  /** @type {TokenRequest[]} */
  const seen = [];

  /**
   * @param {string | undefined} account
   * @param {Access[]} access
   */
  function issue(account, access) {
    const now = Math.floor(Date.now() / 1000);
    const expired = expiring > 0;
    if (expired) expiring--;
    // Older than the registry's leeway, with nbf in the past too: exp alone makes the registry refuse it.
    const exp = expired ? now - REGISTRY_LEEWAY_SECONDS - 120 : now + ttlSeconds;
    const nbf = expired ? exp - ttlSeconds : now;
    const header = { alg: 'RS256', typ: 'JWT', x5c };
    const claims = { iss: issuer, sub: account ?? '', aud: service, exp, nbf, iat: nbf };
    const body = { ...claims, jti: randomBytes(16).toString('hex'), access };
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(body))}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    // An expired token is announced as fresh: the client finds out from the registry's 401, as after a clock
    // jump or a revocation, which is the case the tests want.
    return {
      expired,
      response: { token, access_token: token, expires_in: ttlSeconds, issued_at: new Date().toISOString() },
    };
  }

  /**
   * What `account` (undefined: anonymous) gets for the scopes asked.
   * @param {string | undefined} account
   * @param {string[]} scopes
   * @returns {Access[]}
   */
  function grant(account, scopes) {
    /** @type {Access[]} */
    const granted = [];
    for (const scope of scopes) {
      const parsed = parseScope(scope);
      if (parsed === undefined) continue;
      if (account !== undefined) granted.push(parsed);
      else if (
        parsed.type === 'repository' &&
        publicRepositories.includes(parsed.name) &&
        parsed.actions.includes('pull')
      ) {
        granted.push({ ...parsed, actions: ['pull'] });
      }
      // Anything else anonymous asks for is left out, not refused: Docker Hub answers with an empty access list.
    }
    return granted;
  }

  const server = createServer((incoming, outgoing) => {
    const chunks = /** @type {Buffer[]} */ ([]);
    incoming.on('data', (chunk) => chunks.push(chunk));
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://token');
      const method = incoming.method ?? 'GET';
      const agent = incoming.headers['user-agent'] ?? '';
      /** @param {number} status @param {object} body */
      const answer = (status, body) => {
        outgoing.writeHead(status, { 'content-type': 'application/json' });
        outgoing.end(JSON.stringify(body));
      };
      if (url.pathname !== '/token' || (method !== 'GET' && method !== 'POST')) {
        answer(404, { errors: [{ code: 'NOT_FOUND', message: `no ${method} ${url.pathname} here` }] });
        return;
      }
      // GET with Basic auth is Docker's way; containerd first POSTs an OAuth2 password grant (form body).
      const form = method === 'POST' ? new URLSearchParams(Buffer.concat(chunks).toString('utf8')) : url.searchParams;
      const scope = form.getAll('scope').flatMap((value) => value.split(' ').filter((item) => item !== ''));
      /** @type {{ user: string, password: string } | undefined} */
      let credentials;
      if (method === 'POST') {
        if (form.get('grant_type') !== 'password') {
          record(method, scope, undefined, 400, agent);
          answer(400, { error: 'unsupported_grant_type', error_description: 'only the password grant is served' });
          return;
        }
        credentials = { user: form.get('username') ?? '', password: form.get('password') ?? '' };
      } else {
        credentials = basicCredentials(incoming.headers.authorization);
      }
      const account = credentials?.user;
      if (form.get('service') !== service) {
        record(method, scope, account, 400, agent);
        answer(400, { errors: [{ code: 'UNSUPPORTED', message: `unknown service ${form.get('service') ?? ''}` }] });
        return;
      }
      if (
        credentials !== undefined &&
        !(Object.hasOwn(users, credentials.user) && users[credentials.user] === credentials.password)
      ) {
        record(method, scope, account, 401, agent);
        // Docker Hub's body; docker shows `details`, OCI clients read `errors`.
        answer(401, {
          details: 'incorrect username or password',
          errors: [{ code: 'UNAUTHORIZED', message: 'incorrect username or password' }],
        });
        return;
      }
      const granted = grant(account, scope);
      const { expired, response } = issue(account, granted);
      seen.push({ method, scope, account, granted, expired, status: 200, agent });
      answer(200, response);
    });
  });

  /**
   * @param {string} method @param {string[]} scope @param {string | undefined} account @param {number} status
   * @param {string} agent
   */
  function record(method, scope, account, status, agent) {
    seen.push({ method, scope, account, granted: [], expired: false, status, agent });
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    issuer,
    service,
    certFile,
    requests: () => seen.map((request) => ({ ...request })),
    expireNext: (n) => {
      expiring += n;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(dir, { recursive: true, force: true });
          resolve(undefined);
        });
      }),
  };
}

/**
 * `<type>:<name>:<actions>`, e.g. `repository:e2e/app:pull,push`; undefined if it is not of that form.
 * @param {string} scope
 * @returns {Access | undefined}
 */
export function parseScope(scope) {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  const actions = scope
    .slice(last + 1)
    .split(',')
    .filter((action) => action !== '');
  return { type: scope.slice(0, first), name: scope.slice(first + 1, last), actions };
}

/**
 * @param {string | undefined} header
 * @returns {{ user: string, password: string } | undefined}
 */
function basicCredentials(header) {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (match === null) return undefined;
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0
    ? { user: decoded, password: '' }
    : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** @param {string} text */
function base64url(text) {
  return Buffer.from(text, 'utf8').toString('base64url');
}
