// Standalone check of the token-auth registry (registry.mjs with auth 'token', token-server.mjs), without
// Docker: `node __tests__/harness/token-registry.smoke.mjs`. Plain fetch plays the client; exits 1 on a failure.
import { createHash } from 'node:crypto';
import { startRegistry } from './registry.mjs';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const PRIVATE = 'e2e/private/app';
const PUBLIC = 'e2e/public/app';
const username = 'e2e';
const password = `e2e-secret-${Math.random().toString(36).slice(2)}`;

let failures = 0;
/**
 * @param {string} name
 * @param {boolean} ok
 * @param {string} [detail]
 */
function check(name, ok, detail = '') {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail === '' ? '' : `: ${detail}`}`);
}

/** @param {string} text */
const sha256 = (text) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

/**
 * The challenge's parameters (`Bearer realm="…",service="…",scope="…",error="…"`).
 * @param {string} header
 * @returns {Record<string, string>}
 */
function challenge(header) {
  /** @type {Record<string, string>} */
  const params = {};
  for (const match of header.replace(/^Bearer\s+/i, '').matchAll(/(\w+)="([^"]*)"/g)) {
    params[match[1] ?? ''] = match[2] ?? '';
  }
  return params;
}

const registry = await startRegistry({ username, password, auth: 'token', publicRepositories: [PUBLIC] });
const { tokenServer } = registry;
const base = `http://${registry.host}`;
const basic = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/**
 * A token from the token server, as docker asks for one (GET, service and scope in the query).
 * @param {string[]} scopes
 * @param {string} [authorization]
 * @returns {Promise<{ status: number, body: any }>}
 */
async function token(scopes, authorization) {
  const url = new URL(tokenServer.realm);
  url.searchParams.set('service', tokenServer.service);
  for (const scope of scopes) url.searchParams.append('scope', scope);
  if (authorization !== undefined) url.searchParams.set('account', username);
  const response = await fetch(url, { headers: authorization === undefined ? {} : { authorization } });
  return { status: response.status, body: await response.json() };
}

/**
 * Pushes a config blob (no layers) and an OCI manifest for it as `tag` with a Bearer token.
 * @param {string} repository
 * @param {string} tag
 * @param {string} bearer
 */
async function pushImage(repository, tag, bearer) {
  const headers = { authorization: `Bearer ${bearer}` };
  const config = JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [] },
    config: { Labels: { smoke: repository } },
  });
  const digest = sha256(config);
  const start = await fetch(`${base}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers });
  const location = start.headers.get('location') ?? '';
  const upload = new URL(location, base);
  upload.searchParams.set('digest', digest);
  const put = await fetch(upload, {
    method: 'PUT',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: config,
  });
  const manifest = JSON.stringify({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest, size: Buffer.byteLength(config) },
    layers: [],
  });
  const putManifest = await fetch(`${base}/v2/${repository}/manifests/${tag}`, {
    method: 'PUT',
    headers: { ...headers, 'content-type': OCI_MANIFEST },
    body: manifest,
  });
  return {
    start: start.status,
    blob: put.status,
    manifest: putManifest.status,
    digest: putManifest.headers.get('docker-content-digest') ?? '',
    expected: sha256(manifest),
  };
}

/**
 * @param {string} repository
 * @param {string} tag
 * @param {string | undefined} bearer
 */
async function getManifest(repository, tag, bearer) {
  const response = await fetch(`${base}/v2/${repository}/manifests/${tag}`, {
    headers: { accept: OCI_MANIFEST, ...(bearer === undefined ? {} : { authorization: `Bearer ${bearer}` }) },
  });
  await response.arrayBuffer();
  return {
    status: response.status,
    digest: response.headers.get('docker-content-digest') ?? '',
    challenge: response.headers.get('www-authenticate') ?? '',
  };
}

try {
  console.log(`registry ${registry.host}, token realm ${tokenServer.realm}`);

  const ping = await fetch(`${base}/v2/`);
  const pingChallenge = ping.headers.get('www-authenticate') ?? '';
  check(
    'GET /v2/ without a token is 401 with a Bearer challenge naming the realm and service',
    ping.status === 401 && pingChallenge === `Bearer realm="${tokenServer.realm}",service="${tokenServer.service}"`,
    `${ping.status} WWW-Authenticate: ${pingChallenge}`,
  );

  const bare = await fetch(`${base}/v2/${PRIVATE}/blobs/uploads/`, { method: 'POST' });
  const asked = challenge(bare.headers.get('www-authenticate') ?? '');
  check(
    'an upload without a token is challenged for the scope the client must ask for',
    bare.status === 401 && asked.scope === `repository:${PRIVATE}:pull,push`,
    `${bare.status} scope="${asked.scope ?? ''}"`,
  );

  const pushToken = await token([`repository:${PRIVATE}:pull,push`], basic);
  const [header, claims] = String(pushToken.body.token)
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  check(
    "the user's token is an RS256 JWT with x5c, for this issuer and service, granting pull,push",
    pushToken.status === 200 &&
      header.alg === 'RS256' &&
      header.typ === 'JWT' &&
      header.x5c.length === 1 &&
      claims.aud === tokenServer.service &&
      claims.sub === username &&
      JSON.stringify(claims.access) ===
        JSON.stringify([{ type: 'repository', name: PRIVATE, actions: ['pull', 'push'] }]),
    `${pushToken.status} alg=${header.alg} aud=${claims.aud} sub=${claims.sub} exp-iat=${claims.exp - claims.iat}s access=${JSON.stringify(claims.access)} expires_in=${pushToken.body.expires_in}`,
  );

  const pushed = await pushImage(PRIVATE, 'v1', pushToken.body.token);
  check(
    'with it a blob upload and a manifest PUT succeed',
    pushed.start === 202 && pushed.blob === 201 && pushed.manifest === 201 && pushed.digest === pushed.expected,
    `POST uploads ${pushed.start}, PUT blob ${pushed.blob}, PUT manifest ${pushed.manifest} ${pushed.digest}`,
  );
  const fetched = await getManifest(PRIVATE, 'v1', pushToken.body.token);
  check(
    'and the manifest comes back',
    fetched.status === 200 && fetched.digest === pushed.expected,
    `${fetched.status} ${fetched.digest}`,
  );

  const publicPush = await pushImage(PUBLIC, 'v1', (await token([`repository:${PUBLIC}:pull,push`], basic)).body.token);
  check(
    'the user pushes to the public repository too',
    publicPush.manifest === 201,
    `PUT manifest ${publicPush.manifest}`,
  );

  const anonymousPublic = await token([`repository:${PUBLIC}:pull,push`]);
  const anonymousGet = await getManifest(PUBLIC, 'v1', anonymousPublic.body.token);
  const granted = tokenServer.requests().at(-1)?.granted;
  check(
    'an anonymous token pulls from the public repository (pull granted, push not)',
    anonymousPublic.status === 200 && anonymousGet.status === 200 && anonymousGet.digest === publicPush.expected,
    `token ${anonymousPublic.status} granted=${JSON.stringify(granted)}, GET manifest ${anonymousGet.status}`,
  );
  const anonymousPush = await fetch(`${base}/v2/${PUBLIC}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: `Bearer ${anonymousPublic.body.token}` },
  });
  const pushDenied = challenge(anonymousPush.headers.get('www-authenticate') ?? '');
  check(
    'and may not push there',
    anonymousPush.status === 401 && pushDenied.error === 'insufficient_scope',
    `${anonymousPush.status} error="${pushDenied.error ?? ''}"`,
  );

  const anonymousPrivate = await token([`repository:${PRIVATE}:pull`]);
  const privateGet = await getManifest(PRIVATE, 'v1', anonymousPrivate.body.token);
  const privateDenied = challenge(privateGet.challenge);
  check(
    'an anonymous token for a private repository grants nothing: 401 insufficient_scope',
    anonymousPrivate.status === 200 && privateGet.status === 401 && privateDenied.error === 'insufficient_scope',
    `token ${anonymousPrivate.status} granted=${JSON.stringify(tokenServer.requests().at(-1)?.granted)}, GET ${privateGet.status} WWW-Authenticate: ${privateGet.challenge}`,
  );

  const wrong = await token(
    [`repository:${PRIVATE}:pull`],
    `Basic ${Buffer.from(`${username}:nope`).toString('base64')}`,
  );
  check(
    "wrong credentials get the token server's 401",
    wrong.status === 401 && wrong.body.details === 'incorrect username or password',
    `${wrong.status} ${JSON.stringify(wrong.body)}`,
  );

  const otherService = await fetch(`${tokenServer.realm}?service=elsewhere&scope=repository:${PRIVATE}:pull`);
  check(
    'an unknown service gets 400',
    otherService.status === 400,
    `${otherService.status} ${await otherService.text()}`,
  );

  tokenServer.expireNext(1);
  const stale = await token([`repository:${PRIVATE}:pull`], basic);
  const staleClaims = JSON.parse(
    Buffer.from(String(stale.body.token).split('.')[1] ?? '', 'base64url').toString('utf8'),
  );
  const staleGet = await getManifest(PRIVATE, 'v1', stale.body.token);
  const staleDenied = challenge(staleGet.challenge);
  check(
    'after expireNext(1) the next token is expired past the leeway and the registry rejects it',
    staleGet.status === 401 && staleDenied.error === 'invalid_token',
    `exp ${Math.floor(Date.now() / 1000) - staleClaims.exp}s ago, GET ${staleGet.status} WWW-Authenticate: ${staleGet.challenge}`,
  );
  const fresh = await token([`repository:${PRIVATE}:pull`], basic);
  const freshGet = await getManifest(PRIVATE, 'v1', fresh.body.token);
  check('a fresh token works again', freshGet.status === 200, `GET ${freshGet.status}`);

  const requests = tokenServer.requests();
  const issued = requests.filter((request) => request.status === 200);
  const perScope = issued.reduce(
    (counts, request) => counts.set(request.scope.join(' '), (counts.get(request.scope.join(' ')) ?? 0) + 1),
    /** @type {Map<string, number>} */ (new Map()),
  );
  check(
    'requests() lists every token request',
    requests.length === 8 &&
      issued.length === 6 &&
      issued.filter((request) => request.account === undefined).length === 2 &&
      issued.filter((request) => request.expired).length === 1 &&
      requests.filter((request) => request.status === 401).length === 1 &&
      requests.filter((request) => request.status === 400).length === 1,
    `${requests.length} requests, ${issued.length} tokens (${[...perScope].map(([scope, n]) => `${scope} ×${n}`).join(', ')})`,
  );
} finally {
  await registry.stop();
}
console.log(failures === 0 ? 'all checks passed' : `${failures} check(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;
