import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 770:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/* unused reexport */ __nccwpck_require__(218);


/***/ }),

/***/ 218:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


__webpack_unused_export__ = httpOverHttp;
__webpack_unused_export__ = httpsOverHttp;
__webpack_unused_export__ = httpOverHttps;
__webpack_unused_export__ = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
__webpack_unused_export__ = debug; // for test


/***/ }),

/***/ 914:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ runResolveAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(426);
/* harmony import */ var _docker_credentials_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(665);
/* harmony import */ var _docker_docker_image_reader_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(825);
/* harmony import */ var _resolve_resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(270);
/* harmony import */ var _resolve_inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(358);
/* harmony import */ var _resolve_set_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(868);
/* harmony import */ var _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(21);
/* harmony import */ var _shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(229);








// Entry of resolve/action.yml: which commit an image tag was built from (or each of a set), as step outputs.
/** Reads, masks and validates the resolve action's inputs. */
function readResolveInputs() {
    // Untrimmed, as the CLI reads it: registryAuthOf takes a final line ending off, as docker login does.
    const read = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name, { trimWhitespace: false });
    const password = (0,_shared_field_parser_js__WEBPACK_IMPORTED_MODULE_6__/* .registryPassword */ .JX)(read('registry-password'));
    if (password !== '')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(password);
    return (0,_resolve_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .parseResolveInputs */ .Zw)(read);
}
async function runResolveAction() {
    try {
        const inputs = readResolveInputs();
        const set = await (0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveSet */ .Tb)(inputs, { info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message), warning: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message) }, {
            engine: new _docker_docker_image_reader_js__WEBPACK_IMPORTED_MODULE_2__/* .DockerImageReader */ .d(),
            storedAuth: (registry) => (0,_docker_credentials_js__WEBPACK_IMPORTED_MODULE_1__/* .storedCredentials */ ._2)(registry, (secret) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret)),
        });
        const one = set[0]?.resolution;
        if (inputs.single && one !== undefined) {
            for (const [name, value] of Object.entries((0,_resolve_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolutionOutputs */ .Jj)(one)))
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${one.ref} is commit ${one.sha} (${one.shaFrom}): ${one.imageRef}${one.digest === '' ? '' : `, ${one.digest}`}.`);
        }
        else {
            for (const { entry, resolution } of set)
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${entry.prefix}: ${resolution.ref} is commit ${resolution.sha} (${resolution.digest || resolution.imageRef}).`);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('env', (0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .setEnv */ .GJ)(set));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH('json', (0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .setJson */ .Lf)(set));
        const notes = inputs.notices.map((notice) => `<p><b>Note:</b> ${(0,_shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_7__/* .escapeHtml */ .ZD)(notice)}</p>`);
        await writeSummary([...notes, inputs.single && one !== undefined ? (0,_resolve_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .summaryLine */ .dC)(one) : (0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .setSummary */ .LR)(set)].join('\n'));
    }
    catch (error) {
        const message = error.message;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message);
        await writeSummary((0,_resolve_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .failureLine */ .Pu)(message));
    }
}
async function writeSummary(line) {
    if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '')
        return;
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(line, true).write();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not write the job summary: ${error.message}`);
    }
}
await runResolveAction();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _2: () => (/* binding */ storedCredentials)
});

// UNUSED EXPORTS: authsEntry, configKey, helperFor

// EXTERNAL MODULE: ./src/process/run.ts + 3 modules
var run = __nccwpck_require__(55);
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: ./src/docker/config.ts


/** The docker CLI's config folder (config.json, contexts, cli-plugins): DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== ''
        ? env.DOCKER_CONFIG
        : external_node_path_namespaceObject.join((0,external_node_os_.homedir)(), '.docker');
}

// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(876);
;// CONCATENATED MODULE: ./src/docker/credentials.ts





/** The key docker uses in config.json for a registry: Docker Hub's is its legacy index URL. */
function configKey(registry) {
    return registry === image_reference/* DOCKER_HUB */.Xb ? 'https://index.docker.io/v1/' : registry;
}
/** Credentials from config.json's `auths` (no helper involved); undefined when there are none. */
function authsEntry(config, registry) {
    const entry = config.auths?.[configKey(registry)] ?? config.auths?.[`https://${registry}`];
    if (entry === undefined)
        return undefined;
    if (entry.auth !== undefined && entry.auth !== '') {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        return colon === -1 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    return entry.username !== undefined && entry.password !== undefined
        ? { username: entry.username, password: entry.password }
        : undefined;
}
function helperFor(config, registry) {
    return config.credHelpers?.[configKey(registry)] ?? config.credsStore;
}
/** Reads the stored credentials for `registry` (masked at once); undefined when docker has none. */
async function storedCredentials(registry, mask) {
    const auth = await readStoredCredentials(registry);
    if (auth !== undefined && auth.password !== '')
        mask(auth.password);
    return auth;
}
async function readStoredCredentials(registry) {
    const file = external_node_path_namespaceObject.join(dockerConfigDir(process.env), 'config.json');
    let config;
    try {
        config = JSON.parse(await (0,promises_namespaceObject.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
    const helper = helperFor(config, registry);
    if (helper !== undefined && helper !== '') {
        // The credential-helper protocol: the server on stdin, {"Username","Secret"} on stdout.
        const result = await (0,run/* runCommand */.d)(`docker-credential-${helper}`, ['get'], {
            input: configKey(registry),
            silent: true,
        }).catch(() => undefined);
        if (result === undefined || result.exitCode !== 0)
            return authsEntry(config, registry);
        const stored = JSON.parse(result.stdout);
        return stored.Username !== undefined && stored.Secret !== undefined
            ? { username: stored.Username, password: stored.Secret }
            : undefined;
    }
    return authsEntry(config, registry);
}


/***/ }),

/***/ 825:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ DockerImageReader)
});

;// CONCATENATED MODULE: ./src/docker/args.ts
const JSON_FORMAT = '{{json .}}';
/**
 * The engine's version and image store, and the CLI's plugins (buildx among them), in one call: `docker info`
 * asks every plugin for its metadata anyway.
 */
function args_engineInfoArgs() {
    return [
        'info',
        '--format',
        '{"server":{{json .ServerVersion}},"driver":{{json .Driver}},"status":{{json .DriverStatus}},"plugins":{{json .ClientInfo.Plugins}}}',
    ];
}
/** The engine's storage driver and its status pairs (`driver-type` names the containerd image store). */
function engineStoreArgs() {
    return ['info', '--format', '{"driver":{{json .Driver}},"status":{{json .DriverStatus}}}'];
}
/** A buildx builder ('' for the current one): its `Driver:` line says which driver it has. */
function args_buildxInspectArgs(builder) {
    return ['buildx', 'inspect', ...(builder === '' ? [] : [builder])];
}
/** Pulls an image quietly (the cache source of a classic build). */
function pullArgs(ref) {
    return ['pull', '--quiet', ref];
}
/** The tags of one repository (exact name match: `acme/app` never lists `acme/app-worker`). */
function repositoryTagsArgs(repository) {
    return ['image', 'ls', '--no-trunc', '--format', JSON_FORMAT, repository];
}
/** Untagged leaf images carrying `label=value`. */
function danglingLabelledArgs(label, value) {
    return ['image', 'ls', '--quiet', '--no-trunc', '--filter', 'dangling=true', '--filter', `label=${label}=${value}`];
}
/** Untagged leaf images, whoever built them: after removals side by side, the parents they left childless. */
function danglingArgs() {
    return ['image', 'ls', '--quiet', '--no-trunc', '--filter', 'dangling=true'];
}
/** An image's own layer and every ancestor's, newest first, in bytes (what removing them would reclaim). */
function imageHistoryArgs(image) {
    return ['image', 'history', '--no-trunc', '--human=false', '--format', JSON_FORMAT, image];
}
// Only the fields pruning needs, one JSON object a line; Config is nil for some imported images.
const IMAGE_SUMMARY_FORMAT = '{"Id":{{json .Id}},"Parent":{{json .Parent}},"RepoTags":{{json .RepoTags}},"Created":{{json .Created}},"Size":{{json .Size}},"LastTagTime":{{json .Metadata.LastTagTime}},"Labels":{{if .Config}}{{json .Config.Labels}}{{else}}null{{end}},"Layers":{{json .RootFS.Layers}}}';
function imageSummariesArgs(imageIds) {
    return ['image', 'inspect', '--format', IMAGE_SUMMARY_FORMAT, ...imageIds];
}
/** Every image on the engine, untagged and intermediate ones too: which layers are still in use. */
function allImageIdsArgs() {
    return ['image', 'ls', '--all', '--quiet', '--no-trunc'];
}
function containerIdsArgs() {
    return ['container', 'ls', '--all', '--quiet', '--no-trunc'];
}
function containerImagesArgs(containerIds) {
    return ['container', 'inspect', '--format', '{"Name":{{json .Name}},"Image":{{json .Image}}}', ...containerIds];
}
function imageRemoveArgs(refs) {
    return ['image', 'rm', ...refs];
}
function imageInspectArgs(image) {
    return ['image', 'inspect', '--format', JSON_FORMAT, image];
}
function runArgs(name, extraArgs, imageRef) {
    return ['run', '--detach', '--name', name, ...extraArgs, imageRef];
}
function containerInspectArgs(container) {
    return ['container', 'inspect', '--format', JSON_FORMAT, container];
}
/** Replays the container's events since `since` (the engine's own clock), then follows new ones. */
function containerEventsArgs(containerId, since) {
    return [
        'events',
        '--since',
        since,
        '--filter',
        'type=container',
        '--filter',
        `container=${containerId}`,
        '--format',
        JSON_FORMAT,
    ];
}
function containerLogsArgs(container, tail) {
    return ['logs', '--timestamps', '--tail', String(tail), container];
}
/** All output since the start, then new lines as they come (stdout and stderr). */
function followLogsArgs(container) {
    return ['logs', '--follow', container];
}
/** `docker exec [options] <container> sh -c <command>`: the command is one argument, parsed only by the container's shell. */
function execShellArgs(container, command, options = []) {
    return ['exec', ...options, container, 'sh', '-c', command];
}
/**
 * What a held exec runs behind: the command starts on one line `run` on stdin; on anything else (end of
 * input: the wait failed) it exits 125 without running. `$1` is the command, one argument, never parsed.
 */
const EXEC_GATE = 'read -r go && [ "$go" = run ] || exit 125; exec sh -c "$1"';
const EXEC_GATE_NAME = 'build-test-deploy-gate';
/** `docker exec --interactive [options] <container> sh -c <gate> <name> <command>`: started ahead, held at the gate. */
function heldExecShellArgs(container, command, options = []) {
    return ['exec', '--interactive', ...options, container, 'sh', '-c', EXEC_GATE, EXEC_GATE_NAME, command];
}
/** A test's `docker exec` (held: started ahead, at the gate); test-env by name only, never a value in argv. */
function testExecArgs(exec, held) {
    const options = [
        ...(exec.user === '' ? [] : ['--user', exec.user]),
        ...exec.env.flatMap(({ key }) => ['--env', key]),
    ];
    return held
        ? heldExecShellArgs(exec.container, exec.command, options)
        : execShellArgs(exec.container, exec.command, options);
}
/** A health check's command run in the container, as the engine runs it (the container's user and env). */
function healthProbeArgs(container, command) {
    return ['exec', container, ...command];
}
function killContainerArgs(container) {
    return ['container', 'kill', container];
}
/** `docker cp` streams a tar of the path out of the container through the engine and unpacks it. */
function copyFromContainerArgs(container, source, destination) {
    return ['cp', `${container}:${source}`, destination];
}
function containerRemoveArgs(container) {
    return ['container', 'rm', '--force', '--volumes', container];
}
/** Docker Hub logins take no server argument. */
function loginArgs(registry, username) {
    return ['login', '--username', username, '--password-stdin', ...(registry === undefined ? [] : [registry])];
}
function tagArgs(source, target) {
    return ['tag', source, target];
}
function pushArgs(ref) {
    return ['push', ref];
}

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
// EXTERNAL MODULE: ./src/process/children.ts
var children = __nccwpck_require__(414);
// EXTERNAL MODULE: ./src/process/run.ts + 3 modules
var run = __nccwpck_require__(55);
;// CONCATENATED MODULE: ./src/docker/cli.ts



class cli_DockerError extends Error {
    args;
    result;
    constructor(args, result) {
        super(`docker ${args[0] ?? ''} failed with exit code ${result.exitCode}: ${lastLines(result.stderr || result.stdout, 5)}`);
        this.args = args;
        this.result = result;
        this.name = 'DockerError';
    }
}
/**
 * Runs one docker command to its end, shown with its output in the log (unless silent), and tracked, so a
 * cancelled run stops a build or a push at once rather than leaving it running behind.
 */
async function docker(args, options = {}) {
    const result = await (0,run/* runCommand */.d)('docker', args, {
        input: options.input,
        silent: options.silent,
        renderStderr: options.renderStderr,
        signal: options.signal,
        env: options.env,
    });
    if (result.exitCode !== 0 && options.allowFailure !== true)
        throw new cli_DockerError(args, result);
    return result;
}
function startDocker(args, options) {
    return spawnTracked('docker', args, { env: options.env, stdio: [options.stdin, 'pipe', 'pipe'] });
}
/**
 * Runs a long-lived docker command (`docker events`, `docker logs --follow`) and hands each output line
 * to `onLine` until it returns a value other than undefined. Resolves undefined when the command ends
 * on its own with status 0 or `signal` aborts; the command is stopped either way, with its whole process
 * group: a `docker` on PATH that is a wrapper script would otherwise leave the real CLI running, holding
 * the output pipes open, and the step would never end.
 */
function dockerUntil(args, onLine, signal, options = {}) {
    return new Promise((resolve, reject) => {
        const child = (0,run/* spawnTracked */.A)('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let stderr = '';
        let settled = false;
        // Until its output closes: the CLI itself may have exited while what it started runs on.
        let closed = false;
        const finish = (settle) => {
            if (settled)
                return;
            settled = true;
            signal.removeEventListener('abort', onAbort);
            if (!closed)
                (0,children/* killChild */.fH)(child);
            settle();
        };
        const onAbort = () => finish(() => resolve(undefined));
        const handle = (line) => {
            if (settled)
                return;
            try {
                const value = onLine(line);
                if (value !== undefined)
                    finish(() => resolve(value));
            }
            catch (error) {
                finish(() => reject(error instanceof Error ? error : new Error(String(error))));
            }
        };
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted)
            onAbort();
        (0,external_node_readline_namespaceObject.createInterface)({ input: child.stdout }).on('line', handle);
        if (options.stderrLines === true)
            (0,external_node_readline_namespaceObject.createInterface)({ input: child.stderr }).on('line', handle);
        else
            child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
        child.on('error', (error) => finish(() => reject(error)));
        child.on('close', (code) => {
            closed = true;
            finish(() => code === 0 ? resolve(undefined) : reject(new cli_DockerError(args, { exitCode: code ?? -1, stdout: '', stderr })));
        });
    });
}
function lastLines(text, count) {
    return text.trim().split('\n').slice(-count).join(' | ');
}

// EXTERNAL MODULE: ./src/docker/output.ts
var output = __nccwpck_require__(807);
;// CONCATENATED MODULE: ./src/docker/engine-facts.ts



const ENGINE_TIMEOUT_MS = 5000;
function describeImageStore(store) {
    return store.kind === 'containerd'
        ? 'the containerd image store'
        : store.kind === 'graphdriver'
            ? `the ${store.driver} graph driver`
            : 'an image store it did not name';
}
/** Which engine the docker CLI talks to, as the user configured it. */
function engineLocation(env) {
    if (env.DOCKER_HOST !== undefined && env.DOCKER_HOST !== '')
        return `DOCKER_HOST=${env.DOCKER_HOST}`;
    if (env.DOCKER_CONTEXT !== undefined && env.DOCKER_CONTEXT !== '')
        return `DOCKER_CONTEXT=${env.DOCKER_CONTEXT}`;
    return 'the default engine (DOCKER_HOST is unset: the current docker context, usually unix:///var/run/docker.sock)';
}
/** The first line of a docker command's output that `pick` takes, or undefined when none does in time. */
async function firstMatch(args, pick, timeoutMs) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    try {
        return await dockerUntil(args, pick, timeout.signal);
    }
    finally {
        clearTimeout(timer);
    }
}
function firstLine(args, timeoutMs) {
    return firstMatch(args, (line) => (line.trim() === '' ? undefined : line), timeoutMs);
}
/** Which image store the engine uses ('unknown' when it does not say in time). */
async function imageStoreOf(timeoutMs = ENGINE_TIMEOUT_MS) {
    return firstLine(engineStoreArgs(), timeoutMs).then(output/* parseImageStore */.gi, () => (0,output/* parseImageStore */.gi)(undefined));
}
/**
 * Asks the engine for its version and image store (and the CLI for buildx) before anything else, so a missing
 * or silent engine is a clear error within seconds, not a hang in the middle of a build.
 */
async function checkEngine(env = process.env, timeoutMs = ENGINE_TIMEOUT_MS) {
    // Without an engine the CLI still prints the line (with an empty version), then fails saying why.
    const info = await firstMatch(engineInfoArgs(), (line) => {
        const parsed = engineInfoOf(line);
        return parsed?.version === '' ? undefined : parsed;
    }, timeoutMs).catch((error) => error);
    if (info instanceof Error) {
        const reason = info instanceof DockerError ? (info.result.stderr.trim().split('\n').pop() ?? info.message) : info.message;
        throw new Error(`No Docker engine answers at ${engineLocation(env)}: ${reason}`);
    }
    if (info === undefined)
        throw new Error(`The Docker engine at ${engineLocation(env)} did not answer within ${timeoutMs / 1000} s.`);
    return {
        version: info.version,
        buildx: info.buildxVersion !== undefined,
        buildxVersion: info.buildxVersion === undefined ? undefined : buildxVersionOf(info.buildxVersion),
        imageStore: info.imageStore,
    };
}
/**
 * The driver of a buildx builder ('' for the current one), or undefined when buildx does not say in time.
 * `buildx inspect` has no machine format; its `Driver:` line has read the same since buildx 0.1.
 */
function builderDriver(builder, timeoutMs = ENGINE_TIMEOUT_MS) {
    return firstMatch(buildxInspectArgs(builder), (line) => /^Driver:\s+(\S+)/.exec(line)?.[1], timeoutMs).catch(() => undefined);
}
function engineInfoOf(line) {
    try {
        return parseEngineInfo(line);
    }
    catch {
        return undefined; // not the line asked for
    }
}
/** The x.y.z in the buildx plugin's version (`v0.24.0`, `0.13.1+ds1`) or `docker buildx version`'s line. */
function buildxVersionOf(line) {
    return /(?:^|\s)v?(\d+\.\d+\.\d+)/.exec(line)?.[1];
}
/** Whether `version` (x.y.z) is at least `minimum`. */
function versionAtLeast(version, minimum) {
    const parts = (text) => text.split('.').map(Number);
    const [have, need] = [parts(version), parts(minimum)];
    for (let i = 0; i < need.length; i++) {
        const difference = (have[i] ?? 0) - (need[i] ?? 0);
        if (difference !== 0)
            return difference > 0;
    }
    return true;
}
/** buildx's first version whose bake checks file system access (and takes fs entitlements). */
const BAKE_FS_ENTITLEMENTS_BUILDX = '0.20.0';

;// CONCATENATED MODULE: ./src/docker/docker-image-reader.ts




/** The engine's images, read through the docker CLI: all that resolve asks, without the loop's operations. */
class DockerImageReader {
    imageStore() {
        return imageStoreOf();
    }
    async inspectImage(ref) {
        return (0,output/* parseImageDetails */.Dr)((await docker(imageInspectArgs(ref), { silent: true })).stdout);
    }
    async findImage(ref) {
        const args = imageInspectArgs(ref);
        const result = await docker(args, { silent: true, allowFailure: true });
        if (result.exitCode === 0)
            return (0,output/* parseImageDetails */.Dr)(result.stdout);
        if (/no such (?:image|object)/i.test(result.stderr))
            return undefined;
        throw new cli_DockerError(args, result);
    }
}


/***/ }),

/***/ 807:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ envValue),
/* harmony export */   Dr: () => (/* binding */ parseImageDetails),
/* harmony export */   Zu: () => (/* binding */ digestsFor),
/* harmony export */   gi: () => (/* binding */ parseImageStore)
/* harmony export */ });
/* unused harmony exports HEALTHCHECK_DEFAULTS, parseJsonLines, parseImageSummaries, parseApiImage, parseApiContainer, parseApiRemoval, parseContainerImages, parseListedTags, parseImageHistory, parseRemovalOutput, parseHealthcheck, parseLegacySteps, legacyFailedStep, parseBakeMetadata, parseContainerState, parseReadinessEvent, pushedDigest, parseEngineInfo, mergeLogStreams */
/* harmony import */ var _shared_json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(451);

/** The engine's defaults for what a HEALTHCHECK leaves 0: 30 s interval and timeout, no start period, 3 retries. */
const HEALTHCHECK_DEFAULTS = { intervalMs: 30_000, timeoutMs: 30_000, startPeriodMs: 0, retries: 3 };
function asObject(value, what) {
    if (!(0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .G)(value))
        throw new Error(`unexpected docker output for ${what}: ${JSON.stringify(value)}`);
    return value;
}
/** The value an image's env gives `name` (the last entry wins, as in the container), or undefined. */
function envValue(env, name) {
    return env
        .filter((entry) => entry.startsWith(`${name}=`))
        .pop()
        ?.slice(name.length + 1);
}
function parseJsonLines(stdout) {
    return stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line));
}
/** A JSON array of strings: [] for anything else (a nil list is `null`). */
const stringList = (value) => (Array.isArray(value) ? value.map(_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g) : []);
function stringRecord(value, what) {
    if (value === null || value === undefined)
        return {};
    return Object.fromEntries(Object.entries(asObject(value, what)).map(([k, v]) => [k, (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(v)]));
}
/** One image as IMAGE_SUMMARY_FORMAT prints it (the API's inspect, its nested fields lifted). */
function imageSummaryOf(image) {
    return {
        id: str(image.Id),
        parent: str(image.Parent),
        repoTags: stringList(image.RepoTags),
        created: str(image.Created),
        size: typeof image.Size === 'number' ? image.Size : 0,
        lastTagTime: str(image.LastTagTime),
        labels: stringRecord(image.Labels, 'image labels'),
        layers: stringList(image.Layers),
    };
}
function parseImageSummaries(stdout) {
    return parseJsonLines(stdout).map((line) => imageSummaryOf(asObject(line, 'docker image inspect')));
}
const containerImageOf = (container) => ({
    name: str(container.Name).replace(/^\//, ''),
    imageId: str(container.Image),
});
const field = (value, name) => (isObject(value) ? value[name] : undefined);
/** The engine API's answer to `GET /images/{id}/json` (what `docker image inspect` prints whole). */
function parseApiImage(body) {
    const image = asObject(JSON.parse(body), 'GET /images/{id}/json');
    return imageSummaryOf({
        ...image,
        LastTagTime: field(image.Metadata, 'LastTagTime'),
        Labels: field(image.Config, 'Labels'),
        Layers: field(image.RootFS, 'Layers'),
    });
}
/** The engine API's answer to `GET /containers/{id}/json`. */
function parseApiContainer(body) {
    return containerImageOf(asObject(JSON.parse(body), 'GET /containers/{id}/json'));
}
/** The engine API's answer to `DELETE /images/{name}`: `[{"Untagged": ref} | {"Deleted": id}, …]`. */
function parseApiRemoval(body) {
    const items = JSON.parse(body);
    if (!Array.isArray(items))
        throw new Error(`unexpected docker output for DELETE /images/{name}: ${body}`);
    const of = (name) => items.map((item) => str(field(item, name))).filter((value) => value !== '');
    return { untagged: of('Untagged'), deleted: of('Deleted') };
}
function parseContainerImages(stdout) {
    return parseJsonLines(stdout).map((line) => containerImageOf(asObject(line, 'docker container inspect')));
}
/** `docker image ls --no-trunc --format '{{json .}}' <repository>`: its tags and their image ids. */
function parseListedTags(stdout) {
    return parseJsonLines(stdout).map((line) => {
        const image = asObject(line, 'docker image ls');
        return { id: str(image.ID), tag: str(image.Tag) };
    });
}
/** `docker image history --human=false --format '{{json .}}'`: the image first, then its ancestors. */
function parseImageHistory(stdout) {
    return parseJsonLines(stdout).map((line) => {
        const step = asObject(line, 'docker image history');
        const size = Number(str(step.Size));
        return { id: str(step.ID), size: Number.isFinite(size) ? size : 0, createdBy: str(step.CreatedBy) };
    });
}
/** What `docker image rm` says it did, line by line (`Untagged: <ref>`, `Deleted: <id>`). */
function parseRemovalOutput(stdout) {
    const lines = stdout.split('\n').map((line) => line.trim());
    const after = (prefix) => lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length).trim());
    return { untagged: after('Untagged:'), deleted: after('Deleted:') };
}
/** `docker image inspect --format '{{json .}}'` of one image. */
function parseImageDetails(stdout) {
    const image = asObject(JSON.parse(stdout), 'docker image inspect');
    const config = image.Config === null || image.Config === undefined ? {} : asObject(image.Config, 'image Config');
    return {
        id: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.Id),
        env: Array.isArray(config.Env) ? config.Env.map(_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g) : [],
        labels: stringRecord(config.Labels, 'image labels'),
        repoDigests: Array.isArray(image.RepoDigests) ? image.RepoDigests.map(_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g) : [],
        repoTags: Array.isArray(image.RepoTags) ? image.RepoTags.map(_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g) : [],
        cmd: Array.isArray(config.Cmd) ? config.Cmd.map(_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g) : [],
        healthcheck: parseHealthcheck(config.Healthcheck),
        shell: stringList(config.Shell),
    };
}
/** Config.Healthcheck (durations in ns); undefined for none, an inherited one's absence, or NONE. */
function parseHealthcheck(value) {
    if (!(0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .G)(value))
        return undefined;
    const test = stringList(value.Test);
    if (test.length === 0 || test[0] === 'NONE')
        return undefined;
    const ms = (ns, fallback) => typeof ns === 'number' && ns > 0 ? Math.round(ns / 1_000_000) : fallback;
    return {
        test,
        intervalMs: ms(value.Interval, HEALTHCHECK_DEFAULTS.intervalMs),
        timeoutMs: ms(value.Timeout, HEALTHCHECK_DEFAULTS.timeoutMs),
        startPeriodMs: ms(value.StartPeriod, HEALTHCHECK_DEFAULTS.startPeriodMs),
        startIntervalMs: ms(value.StartInterval, 0),
        retries: typeof value.Retries === 'number' && value.Retries > 0 ? value.Retries : HEALTHCHECK_DEFAULTS.retries,
    };
}
/** The steps of `docker build` (classic) output but FROM: `Step 2/5 : RUN …`, then ` ---> Using cache` if reused. */
function parseLegacySteps(output) {
    const steps = [];
    for (const line of output.split(/\r?\n/)) {
        const step = /^Step \d+\/\d+ : (\S+)/.exec(line);
        if (step?.[1] !== undefined)
            steps.push({ instruction: step[1].toUpperCase(), cached: false });
        else if (/^ ---> Using cache$/.test(line) && steps.length > 0)
            steps[steps.length - 1].cached = true;
    }
    return steps.filter((step) => step.instruction !== 'FROM');
}
/**
 * The step a failed classic build stopped at, and its last `lines` of output: what follows its last
 * `Step n/m : …` line, but the builder's own ` ---> …` lines. Undefined when no step ran.
 */
function legacyFailedStep(stdout, lines) {
    const all = stdout.split(/\r?\n/);
    const start = all.findLastIndex((line) => /^Step \d+\/\d+ : /.test(line));
    if (start === -1)
        return undefined;
    const output = all
        .slice(start + 1)
        .filter((line) => !/^ ---> /.test(line) && !/^Removing intermediate container /.test(line));
    while (output.length > 0 && output.at(-1)?.trim() === '')
        output.pop();
    return { name: all[start] ?? '', output: output.slice(-lines) };
}
/** `--metadata-file` of `docker buildx bake`: the image digest each target wrote, if any. */
function parseBakeMetadata(text) {
    const metadata = JSON.parse(text);
    if (!isObject(metadata))
        return {};
    return Object.fromEntries(Object.entries(metadata).map(([target, value]) => {
        const digest = isObject(value) ? value['containerimage.digest'] : undefined;
        return [target, typeof digest === 'string' ? digest : undefined];
    }));
}
/** `docker container inspect --format '{{json .}}'` of one container. */
function parseContainerState(stdout) {
    const container = asObject(JSON.parse(stdout), 'docker container inspect');
    const state = asObject(container.State, 'container State');
    const health = state.Health === null || state.Health === undefined ? undefined : asObject(state.Health, 'container Health');
    const network = container.NetworkSettings === null || container.NetworkSettings === undefined
        ? {}
        : asObject(container.NetworkSettings, 'container NetworkSettings');
    const ports = network.Ports === null || network.Ports === undefined ? {} : asObject(network.Ports, 'container ports');
    return {
        id: str(container.Id),
        name: str(container.Name).replace(/^\//, ''),
        image: str(container.Image),
        created: str(container.Created),
        status: str(state.Status),
        exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : -1,
        oomKilled: state.OOMKilled === true,
        error: str(state.Error),
        health: health === undefined
            ? undefined
            : {
                status: str(health.Status),
                probes: (Array.isArray(health.Log) ? health.Log : []).map((probe) => {
                    const p = asObject(probe, 'health probe');
                    return {
                        start: str(p.Start),
                        exitCode: typeof p.ExitCode === 'number' ? p.ExitCode : -1,
                        output: str(p.Output),
                    };
                }),
            },
        ports: Object.fromEntries(Object.entries(ports).map(([port, bindings]) => [
            port,
            (Array.isArray(bindings) ? bindings : []).map((binding) => {
                const b = asObject(binding, 'port binding');
                return { hostIp: str(b.HostIp), hostPort: str(b.HostPort) };
            }),
        ])),
    };
}
/** One line of `docker events --format '{{json .}}'`. */
function parseReadinessEvent(line) {
    const event = asObject(JSON.parse(line), 'docker events');
    const action = str(event.Action) || str(event.status);
    const attributes = event.Actor === undefined
        ? {}
        : asObject(asObject(event.Actor, 'event Actor').Attributes ?? {}, 'event attributes');
    switch (action) {
        case 'start':
            return { kind: 'started' };
        case 'health_status: healthy':
            return { kind: 'healthy' };
        case 'health_status: unhealthy':
            return { kind: 'unhealthy' };
        case 'die': {
            const exitCode = Number.parseInt(str(attributes.exitCode), 10);
            return { kind: 'exited', exitCode: Number.isNaN(exitCode) ? -1 : exitCode };
        }
        case 'oom':
            return { kind: 'oom' };
        case 'destroy':
            return { kind: 'destroyed' };
        default:
            return undefined;
    }
}
/** The digest the registry gave `repository` (familiar name) among an image's RepoDigests. */
function digestsFor(repoDigests, repository) {
    return repoDigests
        .filter((entry) => entry.startsWith(`${repository}@`))
        .map((entry) => entry.slice(repository.length + 1));
}
/** The digest line `docker push` prints for a tag (`<tag>: digest: sha256:… size: N`). */
function pushedDigest(pushOutput, tag) {
    const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${escaped}: digest: (sha256:[0-9a-f]{64}) size: [0-9]+$`, 'm').exec(pushOutput)?.[1];
}
/** `docker info --format '{"driver":…,"status":…}'` (engineStoreArgs, engineInfoArgs): which image store. */
function parseImageStore(line) {
    if (line === undefined)
        return { kind: 'unknown' };
    try {
        return imageStoreOfInfo(asObject(JSON.parse(line), 'docker info'));
    }
    catch {
        return { kind: 'unknown' };
    }
}
function imageStoreOfInfo(info) {
    const status = Array.isArray(info.status) ? info.status : [];
    if (status.some((entry) => Array.isArray(entry) && entry[0] === 'driver-type' && entry[1] === 'io.containerd.snapshotter.v1'))
        return { kind: 'containerd' };
    return typeof info.driver === 'string' && info.driver !== ''
        ? { kind: 'graphdriver', driver: info.driver }
        : { kind: 'unknown' };
}
/** A line of engineInfoArgs. A buildx plugin the CLI found but could not use (`Err`) is no buildx. */
function parseEngineInfo(line) {
    const info = asObject(JSON.parse(line), 'docker info');
    const plugins = Array.isArray(info.plugins) ? info.plugins : [];
    const buildx = plugins
        .filter((plugin) => typeof plugin === 'object' && plugin !== null)
        .find((plugin) => plugin.Name === 'buildx' && (plugin.Err === undefined || plugin.Err === null || plugin.Err === ''));
    return {
        version: typeof info.server === 'string' ? info.server : '',
        imageStore: imageStoreOfInfo(info),
        buildxVersion: buildx === undefined ? undefined : typeof buildx.Version === 'string' ? buildx.Version : '',
    };
}
/** `docker logs --timestamps` splits the container's stdout and stderr; its timestamps put them back in order. */
function mergeLogStreams(stdout, stderr) {
    const lines = (text) => text.split('\n').filter((line) => line !== '');
    // RFC 3339 with fixed-width nanoseconds in UTC: text order is time order; the sort is stable for ties.
    return [...lines(stdout), ...lines(stderr)]
        .sort((a, b) => (a.slice(0, 30) < b.slice(0, 30) ? -1 : a.slice(0, 30) > b.slice(0, 30) ? 1 : 0))
        .join('\n');
}


/***/ }),

/***/ 414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   fH: () => (/* binding */ killChild),
/* harmony export */   u4: () => (/* binding */ track)
/* harmony export */ });
/* unused harmony exports trackConnections, killTracked */
// Every child the run starts (docker calls, event streams, test runs): a cancelled job must not leave one
// running. Each leads its own process group (spawned detached), so stopping it stops what it started too:
// the test command's processes, or the real docker CLI behind a `docker` wrapper script on PATH.
const children = new Set();
// The connections the run holds to the engine's API itself (the prune's): they end with the children.
const connections = new Set();
/** Remembers a child, which leads its own process group, until it closes. */
function track(child) {
    children.add(child);
    child.once('close', () => children.delete(child));
}
/** Remembers open connections (an http Agent) until the returned function is called. */
function trackConnections(agent) {
    connections.add(agent);
    return () => connections.delete(agent);
}
/** SIGKILL to a child's whole process group. */
function killChild(child) {
    try {
        if (child.pid !== undefined)
            process.kill(-child.pid, 'SIGKILL');
    }
    catch {
        child.kill('SIGKILL'); // the group is gone already
    }
}
function killTracked() {
    for (const child of children)
        killChild(child);
    children.clear();
    for (const agent of connections)
        agent.destroy();
    connections.clear();
}


/***/ }),

/***/ 55:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ runCommand),
  A: () => (/* binding */ spawnTracked)
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: external "node:string_decoder"
const external_node_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
// EXTERNAL MODULE: ./src/process/children.ts
var children = __nccwpck_require__(414);
;// CONCATENATED MODULE: ./src/process/command-log.ts
// Where the commands the loop runs, and their output, are shown: each face installs its own (the action's
// log, the CLI's terminal). Until one does, they go to this process's stdout and stderr as the runner shows them.
/** As the runner shows them: `[command]` marks a command line. */
const RUNNER_LOG = {
    command: (line) => process.stdout.write(`[command]${line}\n`),
    output: (chunk, stream) => (stream === 'stdout' ? process.stdout : process.stderr).write(chunk),
};
let current = RUNNER_LOG;
function setCommandLog(log) {
    current = log;
}
function commandLog() {
    return current;
}

;// CONCATENATED MODULE: ./src/process/run.ts





function spawnTracked(file, args, options) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(file, [...args], { ...options, detached: true });
    (0,children/* track */.u4)(child);
    return child;
}
/** Runs a command to its end, its output shown as it comes (unless silent) and returned. */
function runCommand(file, args, options = {}) {
    const silent = options.silent === true;
    const log = commandLog();
    if (!silent)
        log.command([file, ...args].join(' '));
    return new Promise((resolve, reject) => {
        const child = spawnTracked(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env, cwd: options.cwd });
        const stdout = [];
        const stderr = [];
        child.stdout.on('data', (chunk) => {
            stdout.push(chunk);
            if (!silent)
                log.output(chunk, 'stdout');
        });
        const render = options.renderStderr;
        const decoder = new external_node_string_decoder_namespaceObject.StringDecoder('utf8');
        const show = (text) => {
            if (!silent && text !== '')
                log.output(Buffer.from(text), 'stderr');
        };
        child.stderr.on('data', (chunk) => {
            stderr.push(chunk);
            if (render !== undefined)
                show(render.write(decoder.write(chunk)));
            else if (!silent)
                log.output(chunk, 'stderr');
        });
        const stop = () => (0,children/* killChild */.fH)(child);
        options.signal?.addEventListener('abort', stop, { once: true });
        if (options.signal?.aborted === true)
            stop();
        child.on('error', reject);
        child.on('close', (code, signal) => {
            options.signal?.removeEventListener('abort', stop);
            if (render !== undefined)
                show(render.write(decoder.end()) + render.end());
            resolve({
                exitCode: code ?? (signal === null ? 1 : 128 + (external_node_os_.constants.signals[signal] ?? 0)),
                stdout: Buffer.concat(stdout).toString(),
                stderr: Buffer.concat(stderr).toString(),
            });
        });
        child.stdin.on('error', () => undefined); // it exited before reading it all: its exit status says why
        child.stdin.end(options.input);
    });
}


/***/ }),

/***/ 533:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Er: () => (/* binding */ DEFAULT_PLATFORM),
  WA: () => (/* binding */ DIGEST_PATTERN),
  dY: () => (/* binding */ MANIFEST_ACCEPT),
  Ap: () => (/* binding */ MEDIA_TYPE),
  ol: () => (/* binding */ digestOf),
  g1: () => (/* binding */ headerMediaType),
  _j: () => (/* binding */ matchesDigest),
  FB: () => (/* binding */ parseImageConfig),
  Ng: () => (/* binding */ parseManifest),
  FL: () => (/* binding */ parsePlatform),
  $r: () => (/* binding */ platformName),
  GQ: () => (/* binding */ runnerPlatform),
  yY: () => (/* binding */ selectManifest)
});

// UNUSED EXPORTS: isIndexMediaType

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
// EXTERNAL MODULE: ./src/shared/json.ts
var json = __nccwpck_require__(451);
// EXTERNAL MODULE: ./src/registry/registry-error.ts
var registry_error = __nccwpck_require__(787);
;// CONCATENATED MODULE: ./src/registry/manifest.ts



// What a registry's manifests, indexes and image configs say, and which platform's image an index names: pure
// parsing of the distribution spec's documents, apart from the client that fetches them.
const MEDIA_TYPE = {
    dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    ociManifest: 'application/vnd.oci.image.manifest.v1+json',
    ociIndex: 'application/vnd.oci.image.index.v1+json',
    dockerConfig: 'application/vnd.docker.container.image.v1+json',
    ociConfig: 'application/vnd.oci.image.config.v1+json',
};
/** An index (Docker manifest list, OCI index), not an image manifest. */
function isIndexMediaType(mediaType) {
    return mediaType === MEDIA_TYPE.dockerManifestList || mediaType === MEDIA_TYPE.ociIndex;
}
/** The media type a Content-Type header names, parameters left off. */
function headerMediaType(contentType) {
    return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}
const MANIFEST_ACCEPT = [
    MEDIA_TYPE.dockerManifest,
    MEDIA_TYPE.dockerManifestList,
    MEDIA_TYPE.ociManifest,
    MEDIA_TYPE.ociIndex,
].join(', ');
const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;
const DEFAULT_PLATFORM = { os: 'linux', architecture: 'amd64' };
/** Node's names of CPU architectures as the OCI image spec names them (GOARCH). */
const OCI_ARCHITECTURES = {
    x64: { os: 'linux', architecture: 'amd64' },
    arm64: { os: 'linux', architecture: 'arm64' },
    arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
    ia32: { os: 'linux', architecture: '386' },
    ppc64: { os: 'linux', architecture: 'ppc64le' },
    s390x: { os: 'linux', architecture: 's390x' },
    riscv64: { os: 'linux', architecture: 'riscv64' },
};
/** The platform of the machine this runs on, as containers see it (linux: what docker runs there by default). */
function runnerPlatform(arch = process.arch) {
    return OCI_ARCHITECTURES[arch] ?? DEFAULT_PLATFORM;
}
/** `os/arch[/variant]`, e.g. linux/arm64 or linux/arm/v7; throws saying what is wrong. */
function parsePlatform(raw) {
    // As docker takes them: any case, and the kernel's names of two architectures.
    const parts = raw
        .toLowerCase()
        .split('/')
        .map((part, index) => (index === 1 ? ({ x86_64: 'amd64', aarch64: 'arm64' }[part] ?? part) : part));
    if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^[a-z0-9._-]+$/.test(part)))
        throw new Error(`is "${raw}"; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7`);
    const [os = '', architecture = '', variant] = parts;
    return { os, architecture, ...(variant === undefined ? {} : { variant }) };
}
/** `sha256:<hex>` (or `sha512:<hex>`) of the bytes. */
function digestOf(bytes, algorithm = 'sha256') {
    return `${algorithm}:${(0,external_node_crypto_namespaceObject.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function matchesDigest(bytes, digest) {
    if (!DIGEST_PATTERN.test(digest))
        return false;
    return digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') === digest;
}
function parseDescriptor(value, what) {
    if (!(0,json/* isObject */.G)(value))
        throw new registry_error/* RegistryError */.g(`The ${what} is not a descriptor object.`);
    const digest = (0,json/* str */.g)(value.digest);
    if (!DIGEST_PATTERN.test(digest))
        throw new registry_error/* RegistryError */.g(`The ${what} has the digest "${digest.slice(0, 140)}"; expected sha256:<64 hex> or sha512:<128 hex>.`);
    const platform = (0,json/* isObject */.G)(value.platform)
        ? {
            os: (0,json/* str */.g)(value.platform.os),
            architecture: (0,json/* str */.g)(value.platform.architecture),
            ...((0,json/* str */.g)(value.platform.variant) === '' ? {} : { variant: (0,json/* str */.g)(value.platform.variant) }),
        }
        : undefined;
    const annotations = (0,json/* isObject */.G)(value.annotations) ? value.annotations : {};
    const attestation = (0,json/* str */.g)(annotations['vnd.docker.reference.type']) === 'attestation-manifest' ||
        (platform?.os === 'unknown' && platform.architecture === 'unknown');
    return {
        mediaType: (0,json/* str */.g)(value.mediaType),
        digest,
        ...(platform === undefined ? {} : { platform }),
        ...(attestation ? { attestation: true } : {}),
    };
}
/**
 * What a manifest is: an index (Docker manifest list, OCI index) or an image manifest (Docker v2
 * schema 2, OCI). The body's own mediaType wins over the Content-Type; without either, its shape decides.
 */
function parseManifest(body, contentType) {
    if (!(0,json/* isObject */.G)(body))
        throw new registry_error/* RegistryError */.g('The manifest is not a JSON object.');
    if (body.schemaVersion === 1)
        throw new registry_error/* RegistryError */.g('The manifest is Docker image manifest schema 1, which is not supported; push the image again with a current docker or buildx.');
    const known = [
        MEDIA_TYPE.dockerManifest,
        MEDIA_TYPE.dockerManifestList,
        MEDIA_TYPE.ociManifest,
        MEDIA_TYPE.ociIndex,
    ];
    const declared = (0,json/* str */.g)(body.mediaType);
    const header = headerMediaType(contentType);
    const mediaType = known.includes(declared)
        ? declared
        : known.includes(header)
            ? header
            : Array.isArray(body.manifests)
                ? MEDIA_TYPE.ociIndex
                : (0,json/* isObject */.G)(body.config)
                    ? MEDIA_TYPE.ociManifest
                    : declared || header;
    if (isIndexMediaType(mediaType)) {
        if (!Array.isArray(body.manifests))
            throw new registry_error/* RegistryError */.g(`The ${mediaType} has no manifests list.`);
        return {
            kind: 'index',
            mediaType,
            manifests: body.manifests.map((entry, n) => parseDescriptor(entry, `index entry ${n + 1}`)),
        };
    }
    if (mediaType === MEDIA_TYPE.dockerManifest || mediaType === MEDIA_TYPE.ociManifest) {
        return { kind: 'image', mediaType, config: parseDescriptor(body.config, "manifest's config") };
    }
    throw new registry_error/* RegistryError */.g(`The manifest has the media type "${mediaType.slice(0, 140)}"; expected a Docker or OCI image manifest or index.`);
}
function platformName(platform) {
    if (platform === undefined)
        return 'no platform';
    return [
        platform.os || '?',
        platform.architecture || '?',
        ...(platform.variant === undefined ? [] : [platform.variant]),
    ].join('/');
}
/** The index entry to read: the first image for `platform`, else the only image; never an attestation. */
function selectManifest(entries, platform = DEFAULT_PLATFORM) {
    const manifests = entries.filter((entry) => entry.attestation !== true);
    const match = manifests.find((entry) => entry.platform?.os === platform.os &&
        entry.platform.architecture === platform.architecture &&
        (platform.variant === undefined || entry.platform.variant === platform.variant));
    if (match !== undefined)
        return match;
    if (manifests.length === 1 && manifests[0] !== undefined)
        return manifests[0];
    if (manifests.length === 0)
        throw new registry_error/* RegistryError */.g(entries.length === 0 ? 'The index lists no manifests.' : 'The index lists only attestations, no image.');
    throw new registry_error/* RegistryError */.g(`The index has no ${platformName(platform)} image; its entries are ${manifests.map((entry) => platformName(entry.platform)).join(', ')}.`);
}
/** Env and labels of an image config blob (`config.Env`, `config.Labels`). */
function parseImageConfig(body) {
    if (!(0,json/* isObject */.G)(body))
        throw new registry_error/* RegistryError */.g('The image config is not a JSON object.');
    const config = (0,json/* isObject */.G)(body.config) ? body.config : {};
    const labels = (0,json/* isObject */.G)(config.Labels) ? config.Labels : {};
    return {
        env: Array.isArray(config.Env) ? config.Env.map(json/* str */.g) : [],
        labels: Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, (0,json/* str */.g)(value)])),
    };
}


/***/ }),

/***/ 787:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ RegistryError)
/* harmony export */ });
// A registry's refusal or its surprising answer, said as the registry said it.
/** A registry said something the caller should see as is: refused credentials, no such tag, ... */
class RegistryError extends Error {
    status;
    code;
    constructor(message, status, code) {
        super(message);
        this.status = status;
        this.code = code;
        this.name = 'RegistryError';
    }
}


/***/ }),

/***/ 358:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Zw: () => (/* binding */ parseResolveInputs),
  pU: () => (/* binding */ requestFor)
});

// UNUSED EXPORTS: IMAGES_LINE_FORM, RESOLVE_DEFAULTS, SOURCES, parseImageSet, splitImageTag

// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(876);
// EXTERNAL MODULE: ./src/shared/service-env.ts
var service_env = __nccwpck_require__(84);
// EXTERNAL MODULE: ./src/shared/field-parser.ts
var field_parser = __nccwpck_require__(21);
// EXTERNAL MODULE: ./src/shared/vocabulary.ts
var vocabulary = __nccwpck_require__(229);
// EXTERNAL MODULE: ./src/registry/manifest.ts + 1 modules
var manifest = __nccwpck_require__(533);
;// CONCATENATED MODULE: ./src/resolve/resolve-spec.js
// The resolve action's inputs and outputs: the one list resolve/action.yml is written from (npm run build) and
// the resolve CLI's options, defaults and --help are read from. Plain JavaScript, so the build's script reads
// it as it is (as src/loop/action-spec.js for the main action).

/**
 * @typedef {object} ResolveInputSpec
 * @property {string} name
 * @property {string} description
 * @property {string} default what the runner passes when the workflow does not set it
 * @property {string} cli how the CLI takes it: an option (`--source`), the IMAGE[:TAG] argument's part, or an env variable
 * @property {readonly string[]} [help] the CLI's --help lines for an option, its default appended
 */

/** @type {readonly ResolveInputSpec[]} */
const RESOLVE_INPUTS = [
  {
    name: 'image',
    description:
      'Repository name without tag or digest, e.g. ghcr.io/acme/app, localhost:5000/app, acme/app (upper case in its path is lower-cased, with a notice). Either this or images.',
    default: '',
    cli: 'IMAGE',
  },
  {
    name: 'tag',
    description: 'Tag to resolve. Empty means latest.',
    default: 'latest',
    cli: 'TAG',
  },
  {
    name: 'images',
    description:
      "A set instead of one image: one [PREFIX=]IMAGE[:TAG] a line (TAG default latest; PREFIX default the image's last path component, upper-cased, every character outside A-Z 0-9 _ turned into _, a _ before a leading digit), resolved side by side into the env and json outputs. The set is consistent or the step fails.",
    default: '',
    cli: '--images',
    help: ['the set, from FILE or - (stdin)'],
  },
  {
    name: 'sha-env',
    description:
      'Name of the environment variable inside the image that holds the full sha; the org.opencontainers.image.revision label is read when it does not hold one.',
    default: 'SHA',
    cli: '--sha-env',
    help: [
      'env variable in the image that holds the sha; the label',
      'org.opencontainers.image.revision is read when it does not hold one',
    ],
  },
  {
    name: 'source',
    description:
      'Where to read the image: auto (the local image if docker has it, else the registry), local (docker image inspect only) or registry (the registry HTTP API only; nothing is pulled).',
    default: 'auto',
    cli: '--source',
    help: ['auto: the local image if docker has it, else the registry; local; registry'],
  },
  {
    name: 'tag-length',
    description: 'How many leading characters of the sha make the short tag (4 to 40), as in the main action.',
    default: '7',
    cli: '--tag-length',
    help: ['characters of the sha in TAG and IMAGE_REF, 4 to 40'],
  },
  {
    name: 'check-pairs',
    description:
      'With images: each image must also exist under its short sha tag with the same digest (locally: the same image id), the pair the main action pushes (true/false).',
    default: 'true',
    cli: '--check-pairs',
    help: ['true or false: each image of a set must also be under its short sha tag, the same image'],
  },
  {
    name: 'platform',
    description:
      "Which image of a multi-platform index is read, os/architecture[/variant] (e.g. linux/arm64); empty: the runner's. Attestation entries are never read.",
    default: '',
    cli: '--platform',
    help: ["os/arch[/variant]: which image of a multi-platform index is read (none: this machine's)"],
  },
  {
    name: 'registry-username',
    description:
      "Registry user for reading the registry (of the first image, with images). Without it, docker's stored credentials (an earlier docker login) are used, else the registry is read anonymously; other registries of a set always use the stored ones.",
    default: '',
    cli: 'REGISTRY_USERNAME',
  },
  {
    name: 'registry-password',
    description: 'Registry password or token (masked in logs; never passed to a command).',
    default: '',
    cli: 'REGISTRY_PASSWORD',
  },
];

/** @type {readonly { name: string, description: string }[]} */
const RESOLVE_OUTPUTS = [
  { name: 'sha', description: 'Full commit sha the image was built from.' },
  {
    name: 'tag',
    description:
      'Short tag: the first tag-length characters of the sha (the tag the main action pushes next to latest).',
  },
  {
    name: 'digest',
    description:
      "Manifest digest of the tag (the index's, for a multi-platform image); from the local store only when the image has exactly one registry digest for this repository, else empty.",
  },
  { name: 'image-ref', description: 'image:<short tag>.' },
  { name: 'source', description: 'Where the image was read: local or registry.' },
  {
    name: 'env',
    description:
      "Dotenv lines, a group per image in input order: <PREFIX>_IMAGE, _SHA, _TAG, _DIGEST (the digest's 64 hex characters without sha256:, when there is a digest) and _IMAGE_REF (image@sha256:..., or image:<short tag> without a digest).",
  },
  {
    name: 'json',
    description:
      'JSON array, one object per image in input order: prefix, image, tag (as asked), sha, shortTag, digest, imageRef (pinned by digest when there is one), source.',
  },
];

;// CONCATENATED MODULE: ./src/resolve/inputs.ts






// The resolve feature's inputs, as the action's inputs and the resolve CLI's arguments both give them:
// one typed, validated ResolveInputs through parseResolveInputs.
const SOURCES = ['auto', 'local', 'registry'];
/** resolve/action.yml's defaults; the CLI has the same (a unit test keeps them equal). */
/** An input's default, as resolve/action.yml and the CLI have it (src/resolve/resolve-spec.js). */
function defaultOf(name) {
    const spec = RESOLVE_INPUTS.find((input) => input.name === name);
    if (spec === undefined)
        throw new Error(`resolve-spec.js has no input ${name}`);
    return spec.default;
}
/** The defaults of the inputs that have one other than empty, or that a set and one image share. */
const RESOLVE_DEFAULTS = {
    tag: defaultOf('tag'),
    images: defaultOf('images'),
    'sha-env': defaultOf('sha-env'),
    source: defaultOf('source'),
    'tag-length': defaultOf('tag-length'),
    'check-pairs': defaultOf('check-pairs'),
    platform: defaultOf('platform'),
};
const IMAGES_LINE_FORM = 'one [PREFIX=]IMAGE[:TAG] a line, e.g. RUNNER=ghcr.io/acme/runner:latest';
function parseRepository(raw) {
    const lastComponent = raw.slice(raw.lastIndexOf('/') + 1);
    if (raw.includes('@'))
        throw new Error(`is "${raw}"; expected a repository without a digest: resolve reads a tag`);
    if (lastComponent.includes(':'))
        throw new Error(`is "${raw}"; expected a repository without a tag: the tag goes into 'tag'`);
    try {
        return (0,image_reference/* parseLoweringPath */.GO)(raw);
    }
    catch (error) {
        throw new Error(`${error.message}; expected ${image_reference/* IMAGE_NAME_FORM */.Bf}`);
    }
}
function parseTag(raw) {
    if (!image_reference/* TAG_PATTERN */.A0.test(raw))
        throw new Error(`is "${raw}"; expected an image tag: up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -`);
    return raw;
}
/** `IMAGE[:TAG]`: the tag is what follows a colon after the last slash (a registry port is not a tag). */
function splitImageTag(reference) {
    if (reference.includes('@'))
        return { image: reference, tag: '' }; // the caller names the digest
    const colon = reference.indexOf(':', reference.lastIndexOf('/') + 1);
    return colon === -1
        ? { image: reference, tag: '' }
        : { image: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}
/** One `images` line, `[PREFIX=]IMAGE[:TAG]`; throws saying what is wrong with it. */
function parseSetLine(line, number) {
    const equals = line.indexOf('=');
    const prefix = equals === -1 ? undefined : line.slice(0, equals).trim();
    const { image: name, tag } = splitImageTag(line.slice(equals + 1).trim());
    if (name.includes('@'))
        throw new Error(`line ${number} is "${line}": ${name} has a digest; expected a tag (resolve reads a tag)`);
    let image;
    let lowered;
    try {
        ({ image, lowered } = (0,image_reference/* parseLoweringPath */.GO)(name));
    }
    catch (error) {
        throw new Error(`line ${number} is "${line}": the image ${error.message}; expected ${IMAGES_LINE_FORM}`);
    }
    if (tag !== '' && !image_reference/* TAG_PATTERN */.A0.test(tag))
        throw new Error(`line ${number} is "${line}": "${tag}" is no image tag; expected ${IMAGES_LINE_FORM}`);
    const chosen = prefix ?? (0,service_env/* defaultEnvPrefix */.nJ)(image);
    if (!vocabulary/* ENV_NAME_PATTERN */.jg.test(chosen))
        throw new Error(`line ${number} is "${line}": the prefix "${chosen}" is no environment variable name ([A-Za-z_][A-Za-z0-9_]*)`);
    return {
        line: number,
        prefix: chosen,
        image,
        tag: tag || RESOLVE_DEFAULTS.tag,
        ...(lowered === undefined ? {} : { notice: (0,image_reference/* loweredNotice */.nA)(`line ${number}'s image`, name, lowered) }),
    };
}
/**
 * The `images` set, each line checked, then the set as a whole: a prefix or an image (the same repository in
 * the same registry) named twice. Throws one message naming every bad line.
 */
function parseImageSet(raw) {
    const problems = [];
    const entries = [];
    raw.split(/\r?\n/).forEach((text, index) => {
        const line = text.trim();
        if (line === '' || line.startsWith('#'))
            return;
        try {
            entries.push(parseSetLine(line, index + 1));
        }
        catch (error) {
            problems.push(error.message);
        }
    });
    for (const [index, entry] of entries.entries()) {
        const first = entries.findIndex((other) => other.prefix === entry.prefix);
        const same = entries.findIndex((other) => other.image.registry === entry.image.registry && other.image.path === entry.image.path);
        if (first < index)
            problems.push(`line ${entry.line} has the prefix ${entry.prefix} of line ${entries[first]?.line}; expected a prefix of its own`);
        else if (same < index)
            problems.push(`line ${entry.line} names ${entry.image.name}, as line ${entries[same]?.line} does; expected each image once`);
    }
    if (problems.length > 0)
        throw new Error(problems.join('; '));
    if (entries.length === 0)
        throw new Error(`has no image; expected ${IMAGES_LINE_FORM}`);
    return entries;
}
/** Parses raw input strings; collects every problem before throwing an InputError. */
function parseResolveInputs(read, naming = field_parser/* ACTION_NAMING */._C) {
    // Each input read once: the mode depends on two of them, which the fields read again.
    const values = new Map();
    const readOnce = (name) => values.get(name) ?? values.set(name, read(name)).get(name) ?? '';
    const { problems, field } = (0,field_parser/* fieldParser */.MB)(readOnce, naming);
    const rawImage = readOnce('image').trim();
    const rawImages = readOnce('images').trim();
    const single = rawImages === '';
    if (rawImage !== '' && !single)
        problems.push(`${naming.subject('image')} and ${naming.subject('images')} are both set; expected one image in ${naming.name('image')} (and ${naming.name('tag')}), or a set in ${naming.name('images')}.`);
    const notices = [];
    const image = single
        ? field('image', (raw) => {
            if (raw === '')
                throw new Error(`is empty; expected ${image_reference/* IMAGE_NAME_FORM */.Bf}; or a set in ${naming.name('images')}`);
            const { image, lowered } = parseRepository(raw);
            if (lowered !== undefined)
                notices.push((0,image_reference/* loweredNotice */.nA)(naming.subject('image'), raw, lowered));
            return image;
        }, undefined)
        : undefined;
    // empty (e.g. an unset dispatch input) means latest
    const tag = field('tag', (raw) => parseTag(raw || RESOLVE_DEFAULTS.tag), RESOLVE_DEFAULTS.tag);
    const set = single ? [] : field('images', parseImageSet, []);
    const shaEnv = field('sha-env', field_parser/* parseEnvName */.gh, RESOLVE_DEFAULTS['sha-env']);
    const source = field('source', (raw) => {
        const found = SOURCES.find((source) => source === raw);
        if (found === undefined)
            throw new Error(`is "${raw}"; expected auto, local or registry`);
        return found;
    }, 'auto');
    const tagLength = field('tag-length', (raw) => (0,field_parser/* parseInteger */.cG)(raw, field_parser/* TAG_LENGTH_RANGE */.Y2), 7);
    const checkPairs = field('check-pairs', field_parser/* parseBoolean */.yG, true);
    const platform = field('platform', (raw) => (raw === '' ? (0,manifest/* runnerPlatform */.GQ)() : (0,manifest/* parsePlatform */.FL)(raw)), (0,manifest/* runnerPlatform */.GQ)());
    const registryAuth = (0,field_parser/* registryAuthOf */.BM)(readOnce, problems, "docker's stored credentials (an earlier docker login) are used, else the registry is read anonymously", naming);
    if (problems.length > 0 || (single && image === undefined))
        throw new field_parser/* InputError */.dz(problems);
    const entries = image === undefined ? set : [{ line: 0, prefix: (0,service_env/* defaultEnvPrefix */.nJ)(image), image, tag }];
    notices.push(...set.flatMap((entry) => (entry.notice === undefined ? [] : [`${naming.subject('images')} ${entry.notice}`])));
    return { entries, single, shaEnv, source, tagLength, platform, registryAuth, checkPairs, notices };
}
/** The request of one entry; `registryAuth` only for the first entry's registry. */
function requestFor(inputs, entry) {
    const first = inputs.entries[0]?.image.registry;
    return {
        image: entry.image,
        tag: entry.tag,
        shaEnv: inputs.shaEnv,
        source: inputs.source,
        tagLength: inputs.tagLength,
        platform: inputs.platform,
        registryAuth: entry.image.registry === first ? inputs.registryAuth : undefined,
    };
}


/***/ }),

/***/ 270:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Pu: () => (/* binding */ failureLine),
  Jj: () => (/* binding */ resolutionOutputs),
  AT: () => (/* binding */ resolveImage),
  dC: () => (/* binding */ summaryLine)
});

// UNUSED EXPORTS: cliLines, findSha, localDigest

// EXTERNAL MODULE: ./src/docker/output.ts
var output = __nccwpck_require__(807);
// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(876);
// EXTERNAL MODULE: ./src/registry/manifest.ts + 1 modules
var manifest = __nccwpck_require__(533);
// EXTERNAL MODULE: ./src/shared/json.ts
var json = __nccwpck_require__(451);
;// CONCATENATED MODULE: ./src/shared/backoff.ts
const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 30_000;
/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … (each 50–100 % of that), at most 30 s. The jitter keeps
 * the jobs a registry throttled together from asking again together.
 */
function backoffMs(retry, random = Math.random) {
    return Math.round(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1)) * (0.5 + random() / 2));
}

// EXTERNAL MODULE: ./src/registry/registry-error.ts
var registry_error = __nccwpck_require__(787);
;// CONCATENATED MODULE: ./src/registry/protocol.ts



// How to speak to a registry's HTTP API: where it lives, what its auth challenges and error bodies say, and how
// long a Retry-After asks to wait. Pure: the client (client.ts) makes the requests.
/** Where Docker Hub's API lives: `docker.io` is only the name in image references. */
const DOCKER_HUB_API = 'registry-1.docker.io';
/** `host[:port]` of the API for an image's registry, with the scheme: http only for loopback hosts. */
function registryBaseUrl(registry) {
    const host = registry === image_reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_API : registry;
    return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}
/** 127.0.0.0/8, localhost and [::1], with or without a port. */
function isLoopback(hostPort) {
    const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:[0-9]*$/, '');
    return (host.toLowerCase() === 'localhost' ||
        host === '::1' ||
        /^127(?:\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}$/.test(host));
}
/**
 * Parses a WWW-Authenticate header (RFC 7235): one or more challenges, each a scheme and
 * comma-separated `name=value` parameters whose values may be quoted (`scope="repository:a/b:pull,push"`).
 */
function parseWwwAuthenticate(header) {
    const challenges = [];
    const tokenPattern = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
    let current;
    let i = 0;
    const skip = (pattern) => {
        while (i < header.length && pattern.test(header.charAt(i)))
            i++;
    };
    const readToken = () => {
        tokenPattern.lastIndex = i;
        const match = tokenPattern.exec(header);
        if (match === null)
            return undefined;
        i = tokenPattern.lastIndex;
        return match[0];
    };
    while (i < header.length) {
        skip(/[\s,]/);
        if (i >= header.length)
            break;
        const name = readToken();
        if (name === undefined) {
            i++; // not a token character: skip it
            continue;
        }
        const afterName = i;
        skip(/\s/);
        if (current !== undefined && header.charAt(i) === '=') {
            i++;
            skip(/\s/);
            let value = '';
            if (header.charAt(i) === '"') {
                for (i++; i < header.length && header.charAt(i) !== '"'; i++) {
                    if (header.charAt(i) === '\\' && i + 1 < header.length)
                        i++;
                    value += header.charAt(i);
                }
                i++; // the closing quote
            }
            else {
                const start = i;
                while (i < header.length && !/[\s,]/.test(header.charAt(i)))
                    i++;
                value = header.slice(start, i);
            }
            current.params[name.toLowerCase()] = value;
        }
        else {
            i = afterName;
            current = { scheme: name.toLowerCase(), params: {} };
            challenges.push(current);
        }
    }
    return challenges;
}
/** The token endpoint request for a Bearer challenge: realm plus service and scope as query parameters. */
function tokenUrl(challenge, repository) {
    const realm = challenge.params.realm;
    if (realm === undefined || realm === '')
        throw new registry_error/* RegistryError */.g('The registry asked for a Bearer token but named no realm (token endpoint) in WWW-Authenticate.');
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new registry_error/* RegistryError */.g(`The registry's token realm "${realm}" is not a URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new registry_error/* RegistryError */.g(`The registry's token realm "${realm}" is not an http(s) URL.`);
    if (challenge.params.service !== undefined)
        url.searchParams.set('service', challenge.params.service);
    // Several scopes are space-separated in one parameter; the token endpoint wants one `scope` each.
    const scopes = (challenge.params.scope ?? `repository:${repository}:pull`).split(' ').filter((scope) => scope !== '');
    for (const scope of scopes)
        url.searchParams.append('scope', scope);
    return url;
}
/** The challenge to answer: Bearer where the registry offers it, else Basic. */
function pickChallenge(challenges) {
    return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}
function basicAuthorization(auth) {
    return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}
/** `MANIFEST_UNKNOWN: manifest unknown` from a registry's JSON error body, if it has one. */
function registryErrorCode(body) {
    try {
        const parsed = JSON.parse(body);
        const first = (0,json/* isObject */.G)(parsed) && Array.isArray(parsed.errors) ? parsed.errors[0] : undefined;
        return (0,json/* isObject */.G)(first) && typeof first.code === 'string'
            ? { code: first.code, message: (0,json/* str */.g)(first.message) }
            : undefined;
    }
    catch {
        return undefined;
    }
}
/** The longest a Retry-After is waited for: a registry asking for longer fails the request instead. */
const MAX_RETRY_AFTER_MS = 60_000;
/**
 * How long a `Retry-After` (delta-seconds or an HTTP-date) asks to wait, in ms; undefined when it says nothing
 * usable.
 */
function retryAfterMs(header, now = Date.now()) {
    if (header === null || header.trim() === '')
        return undefined;
    const value = header.trim();
    if (/^[0-9]+$/.test(value))
        return Number(value) * 1000;
    // Only an IMF-fixdate (RFC 9110): Date.parse takes "1.5" or "-1" for dates too.
    if (!/^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/.test(value))
        return undefined;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

;// CONCATENATED MODULE: ./src/registry/client.ts





/** The distribution spec caps manifests at 4 MiB; a config blob is a few KiB. */
const MANIFEST_LIMIT_BYTES = 4 * 1024 * 1024;
const CONFIG_LIMIT_BYTES = 16 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const MAX_INDEX_DEPTH = 2;
const DEFAULT_TIMEOUT_MS = 30_000;
const USER_AGENT = 'build-test-deploy-action';
class RegistryClient {
    options;
    baseUrl;
    fetch;
    timeoutMs;
    retries;
    sleep;
    /** The Authorization header that worked last: one challenge per client, not per request. */
    authorization;
    /** Whether `GET /v2/` was asked for its challenge yet. */
    pinged = false;
    constructor(options) {
        this.options = options;
        this.baseUrl = registryBaseUrl(options.registry);
        this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.retries = options.retries ?? 3;
        this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }
    /** Reads what `reference` (tag or digest) names: the tag's digest, the image manifest chosen, its config. */
    async readImage(reference, platform = manifest/* DEFAULT_PLATFORM */.Er) {
        const top = await this.getManifest(reference);
        let current = top;
        let chosen;
        for (let depth = 0; current.manifest.kind === 'index'; depth++) {
            if (depth >= MAX_INDEX_DEPTH)
                throw new registry_error/* RegistryError */.g(`The index ${top.digest} nests deeper than ${MAX_INDEX_DEPTH} levels.`);
            const entry = (0,manifest/* selectManifest */.yY)(current.manifest.manifests, platform);
            chosen = entry.platform;
            current = await this.getManifest(entry.digest);
        }
        const config = current.manifest.config;
        const configTypes = [manifest/* MEDIA_TYPE */.Ap.dockerConfig, manifest/* MEDIA_TYPE */.Ap.ociConfig];
        if (!configTypes.includes(config.mediaType)) {
            throw new registry_error/* RegistryError */.g(`The manifest ${current.digest} is not a container image: its config has the media type "${config.mediaType.slice(0, 140)}".`);
        }
        const blob = await this.getBlob(config.digest, CONFIG_LIMIT_BYTES);
        return {
            digest: top.digest,
            manifestDigest: current.digest,
            platform: chosen,
            config: (0,manifest/* parseImageConfig */.FB)(parseJson(blob, `config blob ${config.digest}`)),
        };
    }
    async getManifest(reference) {
        const path = `/v2/${this.options.repository}/manifests/${reference}`;
        const response = await this.get(path, manifest/* MANIFEST_ACCEPT */.dY);
        if (response.status !== 200)
            throw await this.unexpected(response, path, manifest/* DIGEST_PATTERN */.WA.test(reference) ? `manifest ${reference}` : `tag "${reference}"`);
        const bytes = await readLimited(response, MANIFEST_LIMIT_BYTES, path);
        const computed = (0,manifest/* digestOf */.ol)(bytes);
        const header = response.headers.get('docker-content-digest') ?? '';
        if (manifest/* DIGEST_PATTERN */.WA.test(reference) && !(0,manifest/* matchesDigest */._j)(bytes, reference)) {
            throw new registry_error/* RegistryError */.g(`The manifest the registry ${this.options.registry} returned for ${reference} does not match that digest.`);
        }
        if (header.startsWith('sha256:') && header !== computed) {
            throw new registry_error/* RegistryError */.g(`The registry ${this.options.registry} says the manifest of ${reference} is ${header}, but its content hashes to ${computed}.`);
        }
        const digest = manifest/* DIGEST_PATTERN */.WA.test(reference) ? reference : manifest/* DIGEST_PATTERN */.WA.test(header) ? header : computed;
        return {
            digest,
            manifest: (0,manifest/* parseManifest */.Ng)(parseJson(bytes, `manifest ${reference}`), response.headers.get('content-type') ?? ''),
        };
    }
    /**
     * What a tag names, from a HEAD (which registries do not count as a pull): its digest and media type (an image
     * manifest or an index; '' when the registry sends none); a GET where no digest comes.
     */
    async manifestHead(reference) {
        const path = `/v2/${this.options.repository}/manifests/${reference}`;
        const response = await this.get(path, manifest/* MANIFEST_ACCEPT */.dY, 'HEAD');
        if (response.status !== 200)
            throw await this.unexpected(response, path, `tag "${reference}"`, 'HEAD');
        await discard(response);
        const header = response.headers.get('docker-content-digest') ?? '';
        if (!manifest/* DIGEST_PATTERN */.WA.test(header)) {
            const fetched = await this.getManifest(reference);
            return { digest: fetched.digest, mediaType: fetched.manifest.mediaType };
        }
        return { digest: header, mediaType: (0,manifest/* headerMediaType */.g1)(response.headers.get('content-type') ?? '') };
    }
    /** The digest a tag names: see manifestHead. */
    async manifestDigest(reference) {
        return (await this.manifestHead(reference)).digest;
    }
    async getBlob(digest, limitBytes) {
        if (!manifest/* DIGEST_PATTERN */.WA.test(digest))
            throw new registry_error/* RegistryError */.g(`"${digest.slice(0, 140)}" is not a digest.`);
        const path = `/v2/${this.options.repository}/blobs/${digest}`;
        const response = await this.get(path, '*/*');
        if (response.status !== 200)
            throw await this.unexpected(response, path, `blob ${digest}`);
        const bytes = await readLimited(response, limitBytes, path);
        if (!(0,manifest/* matchesDigest */._j)(bytes, digest))
            throw new registry_error/* RegistryError */.g(`The blob ${digest} the registry ${this.options.registry} returned does not match its digest.`);
        return bytes;
    }
    /**
     * The first request asks `GET /v2/` for the registry's challenge and answers it, as docker does: no manifest GET
     * is spent on a 401 (Docker Hub counts every manifest GET as a pull). A Bearer token gets this repository's pull
     * scope.
     */
    async authorizeFirst() {
        if (this.pinged)
            return;
        this.pinged = true;
        const response = await this.send(`${this.baseUrl}/v2/`, 'application/json', undefined);
        const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
        await discard(response);
        if (response.status !== 401)
            return;
        const challenge = pickChallenge(challenges);
        // No scope: tokenUrl asks for this repository's pull, as docker does. The challenge of /v2/ names none (Docker
        // Hub) or a placeholder (GHCR: repository:user/image:pull).
        if (challenge !== undefined) {
            const params = Object.fromEntries(Object.entries(challenge.params).filter(([name]) => name !== 'scope'));
            this.authorization = await this.authorize({ ...challenge, params });
        }
    }
    /** GET (or HEAD) with the current authorization; on 401 (a token expired) answers the challenge once and retries. */
    async get(path, accept, method = 'GET') {
        await this.authorizeFirst();
        const url = `${this.baseUrl}${path}`;
        let response = await this.send(url, accept, this.authorization, method);
        if (response.status !== 401)
            return response;
        const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
        await discard(response);
        const challenge = pickChallenge(challenges);
        if (challenge === undefined) {
            throw new registry_error/* RegistryError */.g(`The registry ${this.options.registry} answered 401 to ${method} ${path} with ${challenges.length === 0 ? 'no WWW-Authenticate challenge' : `the unsupported challenge ${challenges.map((c) => c.scheme).join(', ')}`}.`, 401);
        }
        this.authorization = await this.authorize(challenge);
        response = await this.send(url, accept, this.authorization, method);
        if (response.status === 401) {
            const again = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
            await discard(response);
            // A valid token without the pull scope: Docker Hub's answer for a private or missing repository.
            if (again.some((c) => c.params.error === 'insufficient_scope'))
                throw this.noAccess();
            throw this.authRefused(401);
        }
        return response;
    }
    noAccess() {
        const who = this.options.auth === undefined ? 'anonymous users' : `user "${this.options.auth.username}"`;
        return new registry_error/* RegistryError */.g(`The registry ${this.options.registry} gives ${who} no pull access to ${this.options.repository}: it does not exist, or it is private (HTTP 401, insufficient_scope).`, 401, 'DENIED');
    }
    async authorize(challenge) {
        const auth = this.options.auth;
        if (challenge.scheme === 'basic') {
            if (auth === undefined)
                throw this.authRefused(401);
            return basicAuthorization(auth);
        }
        const url = tokenUrl(challenge, this.options.repository);
        if (auth !== undefined && url.protocol === 'http:' && !isLoopback(url.host)) {
            throw new registry_error/* RegistryError */.g(`The registry ${this.options.registry} wants credentials sent to ${url.origin} over plain http; refusing.`);
        }
        const response = await this.send(url.toString(), 'application/json', auth === undefined ? undefined : basicAuthorization(auth));
        if (response.status === 401 || response.status === 403) {
            await discard(response);
            throw this.authRefused(response.status);
        }
        if (response.status !== 200) {
            const body = await response.text().catch(() => '');
            throw new registry_error/* RegistryError */.g(`The token endpoint ${url.origin}${url.pathname} of the registry ${this.options.registry} answered HTTP ${response.status}${describeBody(body)}.`, response.status);
        }
        const body = parseJson(await readLimited(response, 1024 * 1024, url.pathname), 'token response');
        const token = (0,json/* isObject */.G)(body) ? (0,json/* str */.g)(body.token) || (0,json/* str */.g)(body.access_token) : '';
        if (token === '')
            throw new registry_error/* RegistryError */.g(`The token endpoint ${url.origin}${url.pathname} of the registry ${this.options.registry} returned no token.`);
        return `Bearer ${token}`;
    }
    authRefused(status) {
        const auth = this.options.auth;
        return auth === undefined
            ? new registry_error/* RegistryError */.g(`The registry ${this.options.registry} requires credentials to read ${this.options.repository} (HTTP ${status}), and none were given.`, status, 'UNAUTHORIZED')
            : new registry_error/* RegistryError */.g(`The registry ${this.options.registry} refused the credentials of user "${auth.username}" for ${this.options.repository} (HTTP ${status}).`, status, 'UNAUTHORIZED');
    }
    /** `what`: `tag "latest"`, `manifest sha256:…`, `blob sha256:…`. */
    async unexpected(response, path, what, method = 'GET') {
        const body = await response.text().catch(() => '');
        const error = registryErrorCode(body);
        if (response.status === 404) {
            return new registry_error/* RegistryError */.g(`The registry ${this.options.registry} has no ${what} in ${this.options.repository}${error === undefined ? '' : ` (${error.code}${error.message === '' ? '' : `: ${error.message}`})`}.`, 404, error?.code ?? 'NOT_FOUND');
        }
        if (response.status === 403) {
            const who = this.options.auth === undefined ? 'anonymous access' : `user "${this.options.auth.username}"`;
            return new registry_error/* RegistryError */.g(`The registry ${this.options.registry} denied ${who} to ${this.options.repository} (HTTP 403${error === undefined ? '' : `, ${error.code}`}).`, 403, error?.code ?? 'DENIED');
        }
        if (response.status === 429) {
            const asked = retryAfterMs(response.headers.get('retry-after'));
            return new registry_error/* RegistryError */.g(`The registry ${this.options.registry} limits requests (HTTP 429 to ${method} ${path})${asked === undefined ? '' : `, asking to wait ${Math.ceil(asked / 1000)} s`}${asked !== undefined && asked > MAX_RETRY_AFTER_MS ? `, longer than the ${MAX_RETRY_AFTER_MS / 1000} s waited for` : this.retries > 0 ? `, also after ${this.retries} wait(s)` : ''}${describeBody(body)}.`, 429, error?.code ?? 'TOOMANYREQUESTS');
        }
        return new registry_error/* RegistryError */.g(`The registry ${this.options.registry} answered HTTP ${response.status} to ${method} ${path}${describeBody(body)}.`, response.status, error?.code);
    }
    /** One request, following redirects itself: the Authorization header never leaves the registry's origin. */
    async send(url, accept, authorization, method = 'GET') {
        const origin = new URL(url).origin;
        let target = url;
        let throttled = 0;
        let hops = 0;
        for (;;) {
            const sameOrigin = new URL(target).origin === origin;
            // Named, so that a registry's logs (and a test's proxy) tell this client's requests from docker's.
            const headers = { accept, 'user-agent': USER_AGENT };
            if (authorization !== undefined && sameOrigin)
                headers.authorization = authorization;
            let response;
            try {
                response = await this.fetch(target, {
                    method,
                    headers,
                    redirect: 'manual',
                    signal: AbortSignal.timeout(this.timeoutMs),
                });
            }
            catch (error) {
                const cause = error.cause;
                const reason = error.name === 'TimeoutError'
                    ? `no answer within ${this.timeoutMs / 1000} s`
                    : (cause?.message ?? error.message);
                throw new registry_error/* RegistryError */.g(`Could not reach the registry ${this.options.registry} at ${new URL(target).origin}: ${reason}.`);
            }
            if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
                // Rate limited: wait as the registry says (else back off), within the retries.
                const asked = retryAfterMs(response.headers.get('retry-after'));
                const wait = asked ?? backoffMs(throttled + 1, this.options.random);
                if (throttled >= this.retries || wait > MAX_RETRY_AFTER_MS)
                    return response;
                throttled++;
                await discard(response);
                await this.sleep(wait);
                continue;
            }
            const location = response.headers.get('location');
            if (![301, 302, 303, 307, 308].includes(response.status) || location === null)
                return response;
            await discard(response);
            if (hops++ >= MAX_REDIRECTS)
                throw new registry_error/* RegistryError */.g(`The registry ${this.options.registry} redirected more than ${MAX_REDIRECTS} times.`);
            target = new URL(location, target).toString();
        }
    }
}
function parseJson(bytes, what) {
    try {
        return JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        throw new registry_error/* RegistryError */.g(`The ${what} is not JSON.`);
    }
}
function describeBody(body) {
    const error = registryErrorCode(body);
    if (error !== undefined)
        return ` (${error.code}${error.message === '' ? '' : `: ${error.message}`})`;
    const text = body.replace(/\s+/g, ' ').trim();
    return text === '' ? '' : `: ${text.slice(0, 200)}`;
}
async function discard(response) {
    await response.body?.cancel().catch(() => undefined);
}
/** The body, refusing more than `limit` bytes (a registry is not trusted to send a small manifest). */
async function readLimited(response, limit, what) {
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > limit) {
        await discard(response);
        throw new registry_error/* RegistryError */.g(`${what} is ${declared} bytes; more than the ${limit} this reads.`);
    }
    if (response.body === null)
        return new Uint8Array();
    const chunks = [];
    let total = 0;
    for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > limit)
            throw new registry_error/* RegistryError */.g(`${what} is more than the ${limit} bytes this reads.`);
        chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
}

// EXTERNAL MODULE: ./src/shared/vocabulary.ts
var vocabulary = __nccwpck_require__(229);
;// CONCATENATED MODULE: ./src/resolve/resolve.ts






/**
 * The digest a local image gives: its one RepoDigest for the repository, which the graph driver stores only
 * once a registry gave it (a push or a pull). The containerd image store gives every image a RepoDigest from
 * the start, its own manifest digest, which no registry need hold: none then.
 */
function localDigest(repoDigests, repository, store) {
    const digests = (0,output/* digestsFor */.Zu)(repoDigests, repository).filter((digest) => manifest/* DIGEST_PATTERN */.WA.test(digest));
    if (digests.length !== 1)
        return { digest: '' };
    if (store.kind === 'graphdriver')
        return { digest: digests[0] ?? '' };
    return {
        digest: '',
        note: store.kind === 'containerd'
            ? `The engine uses the containerd image store: the local digest ${digests[0] ?? ''} is the image's own, which no registry need hold; digest is left empty (source: registry reads the registry's).`
            : `The engine did not say which image store it uses: the local digest ${digests[0] ?? ''} may be one no registry holds; digest is left empty (source: registry reads the registry's).`,
    };
}
function describe(value) {
    if (value === undefined)
        return 'missing';
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}
/**
 * The commit an image carries: its `shaEnv` env var when that holds a full sha (40 or 64 lowercase
 * hex), else its revision label; throws naming the image, the variable and the label when neither does.
 */
function findSha(config, shaEnv, ref) {
    const fromEnv = (0,output/* envValue */.$R)(config.env, shaEnv);
    const label = config.labels[vocabulary/* REVISION_LABEL */.P1];
    const envOk = fromEnv !== undefined && vocabulary/* SHA_PATTERN */.yw.test(fromEnv);
    const labelOk = label !== undefined && vocabulary/* SHA_PATTERN */.yw.test(label);
    if (envOk) {
        const notes = labelOk && label !== fromEnv
            ? [
                {
                    level: 'warning',
                    message: `${ref}: env ${shaEnv} is ${fromEnv} but label ${vocabulary/* REVISION_LABEL */.P1} is ${label}; using the env.`,
                },
            ]
            : [];
        return { sha: fromEnv, from: 'env', notes };
    }
    if (labelOk) {
        const notes = fromEnv === undefined
            ? [
                {
                    level: 'info',
                    message: `${ref} has no env ${shaEnv}; the commit comes from its label ${vocabulary/* REVISION_LABEL */.P1}.`,
                },
            ]
            : [
                {
                    level: 'warning',
                    message: `${ref}: env ${shaEnv} is ${describe(fromEnv)}, not a commit sha; the commit comes from its label ${vocabulary/* REVISION_LABEL */.P1}.`,
                },
            ];
        return { sha: label, from: 'label', notes };
    }
    throw new Error(`${ref} carries no commit sha: env ${shaEnv} is ${describe(fromEnv)} and label ${vocabulary/* REVISION_LABEL */.P1} is ${describe(label)}; expected a full commit sha (40 or 64 lowercase hex characters) in either.`);
}
/**
 * Resolves `image:tag` from the local image store, the registry, or (auto) the first that has it. With
 * `checkPair`, the image must also be there under its short sha tag, the same image (the pair the main action
 * pushes); a tag that is the short sha tag itself is its own pair.
 */
async function resolveImage(request, logger, deps, { checkPair = false } = {}) {
    const ref = `${request.image.name}:${request.tag}`;
    const finish = (config, source, digest) => {
        const found = findSha(config, request.shaEnv, ref);
        for (const note of found.notes)
            logger[note.level](note.message);
        const tag = found.sha.slice(0, request.tagLength);
        const shaFrom = found.from === 'env' ? `env ${request.shaEnv}` : `label ${vocabulary/* REVISION_LABEL */.P1}`;
        return { ref, sha: found.sha, tag, digest, imageRef: `${request.image.name}:${tag}`, source, shaFrom };
    };
    const inspectLocal = (local) => deps.engine.findImage(local);
    if (request.source !== 'registry') {
        let local;
        try {
            local = await inspectLocal(ref);
        }
        catch (error) {
            if (request.source === 'local')
                throw new Error(`Could not inspect the local image ${ref}: ${error.message}`);
            logger.info(`docker could not tell whether ${ref} is local (${error.message}); reading the registry.`);
        }
        if (local !== undefined) {
            const hasDigest = (0,output/* digestsFor */.Zu)(local.repoDigests, (0,image_reference/* familiarName */.hG)(request.image)).length > 0;
            const store = hasDigest ? await deps.engine.imageStore() : { kind: 'unknown' };
            const { digest, note } = localDigest(local.repoDigests, (0,image_reference/* familiarName */.hG)(request.image), store);
            logger.info(`Read ${ref} from the local image store (image ${local.id}); nothing was run or pulled.`);
            if (note !== undefined)
                logger.info(note);
            const resolution = finish({ env: local.env, labels: local.labels }, 'local', digest);
            if (checkPair && resolution.tag !== request.tag) {
                const pair = await inspectLocal(resolution.imageRef);
                if (pair === undefined || pair.id !== local.id)
                    throw new Error(`${ref} is commit ${resolution.sha}, but ${pair === undefined ? `${resolution.imageRef} is not in the local image store` : `the local ${resolution.imageRef} is another image (${pair.id}, not ${local.id})`}: the pair the main action makes is broken.`);
            }
            return resolution;
        }
        if (request.source === 'local')
            throw new Error(`${ref} is not in the local image store (source: local); use source auto or registry to read the registry instead.`);
        logger.info(`${ref} is not in the local image store; reading the registry ${request.image.registry}.`);
    }
    const client = new RegistryClient({
        registry: request.image.registry,
        repository: request.image.path,
        auth: request.registryAuth ?? (await deps.storedAuth?.(request.image.registry)),
        ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
    });
    let resolution;
    try {
        const remote = await client.readImage(request.tag, request.platform);
        const chosen = remote.platform === undefined
            ? ''
            : `; it is an index: read its ${(0,manifest/* platformName */.$r)(remote.platform)} image ${remote.manifestDigest}`;
        logger.info(`Read ${ref} from the registry ${request.image.registry} (${remote.digest}${chosen}); nothing was pulled.`);
        resolution = finish(remote.config, 'registry', remote.digest);
    }
    catch (error) {
        if (!(error instanceof registry_error/* RegistryError */.g))
            throw error;
        const notLocal = request.source === 'auto' ? ' It is not in the local image store either.' : '';
        throw new Error(`Could not resolve ${ref}: ${error.message}${notLocal}`);
    }
    if (checkPair && resolution.tag !== request.tag) {
        let pair;
        try {
            pair = await client.manifestDigest(resolution.tag);
        }
        catch (error) {
            if (!(error instanceof registry_error/* RegistryError */.g))
                throw error;
            throw new Error(error.status === 404
                ? `${ref} is commit ${resolution.sha}, but the registry has no ${resolution.imageRef}: the pair the main action pushes is broken (was the sha tag deleted?).`
                : `${ref} is commit ${resolution.sha}, but its pair ${resolution.imageRef} could not be read: ${error.message}`);
        }
        if (pair !== resolution.digest)
            throw new Error(`${ref} is ${resolution.digest}, but ${resolution.imageRef} is ${pair} in the registry: the pair the main action pushes is broken (was either tag pushed another way?).`);
    }
    return resolution;
}
/** The action's outputs. */
function resolutionOutputs(resolution) {
    return {
        sha: resolution.sha,
        tag: resolution.tag,
        digest: resolution.digest,
        'image-ref': resolution.imageRef,
        source: resolution.source,
    };
}
/**
 * The CLI's stdout: `NAME=value` lines, safe for `eval` (every value is a validated sha, tag, digest or
 * image reference: no quotes, spaces or `$`).
 */
function cliLines(resolution) {
    return ([
        `SHA=${resolution.sha}`,
        `TAG=${resolution.tag}`,
        `DIGEST=${resolution.digest}`,
        `IMAGE_REF=${resolution.imageRef}`,
        `SOURCE=${resolution.source}`,
    ].join('\n') + '\n');
}
/** The job summary's line (HTML: every value escaped). */
function summaryLine(resolution) {
    const code = (text) => `<code>${(0,vocabulary/* escapeHtml */.ZD)(text)}</code>`;
    const from = resolution.source === 'local' ? 'the local image store' : 'the registry';
    const digest = resolution.digest === '' ? '' : `, digest ${code(resolution.digest)}`;
    return `<p><b>Resolved</b> ${code(resolution.ref)} → commit ${code(resolution.sha)} (${code(resolution.imageRef)}${digest}; ${(0,vocabulary/* escapeHtml */.ZD)(resolution.shaFrom)}, read from ${from}).</p>`;
}
function failureLine(message) {
    return `<p><b>Resolve failed:</b> ${(0,vocabulary/* escapeHtml */.ZD)(message)}</p>`;
}


/***/ }),

/***/ 868:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ setEnv),
/* harmony export */   LR: () => (/* binding */ setSummary),
/* harmony export */   Lf: () => (/* binding */ setJson),
/* harmony export */   Tb: () => (/* binding */ resolveSet)
/* harmony export */ });
/* unused harmony exports entryName, serviceRecordOf */
/* harmony import */ var _shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(84);
/* harmony import */ var _shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(229);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(358);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(270);




/** How a problem names an image of the set: its line, as written. */
function entryName(entry) {
    return `line ${entry.line} (${entry.prefix}=${entry.image.name}:${entry.tag})`;
}
/** Resolves every entry at once; throws naming each that failed (a lone `image`: its error as it is). */
async function resolveSet(inputs, logger, deps) {
    for (const notice of inputs.notices)
        logger.warning(notice);
    const checkPair = !inputs.single && inputs.checkPairs;
    // Asked once per set, not per image at the same moment: a credential helper per registry, the image store.
    const stored = new Map();
    let store;
    const { storedAuth, engine } = deps;
    const shared = {
        ...deps,
        ...(storedAuth === undefined
            ? {}
            : {
                storedAuth: (registry) => {
                    const asked = stored.get(registry) ?? storedAuth(registry);
                    stored.set(registry, asked);
                    return asked;
                },
            }),
        engine: {
            inspectImage: (ref) => engine.inspectImage(ref),
            findImage: (ref) => engine.findImage(ref),
            imageStore: () => (store ??= engine.imageStore()),
        },
    };
    const settled = await Promise.allSettled(inputs.entries.map((entry) => (0,_resolve_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveImage */ .AT)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .requestFor */ .pU)(inputs, entry), logger, shared, { checkPair })));
    const failures = settled.flatMap((result, index) => result.status === 'rejected' ? [{ entry: inputs.entries[index], error: result.reason }] : []);
    if (failures.length > 0) {
        if (inputs.single && failures[0] !== undefined)
            throw failures[0].error;
        throw new Error(`The set is not consistent: ${failures.length} of ${inputs.entries.length} images did not resolve${checkPair ? ' as a pair' : ''}. ${failures
            .map(({ entry, error }) => `${entry === undefined ? '' : entryName(entry)}: ${error.message}`)
            .join(' ')}`);
    }
    return settled.map((result, index) => {
        const entry = inputs.entries[index];
        if (result.status !== 'fulfilled' || entry === undefined)
            throw new Error('unreachable: a failure was thrown');
        return { entry, resolution: result.value };
    });
}
function serviceRecordOf({ entry, resolution }) {
    return {
        prefix: entry.prefix,
        image: entry.image.name,
        sha: resolution.sha,
        tag: resolution.tag,
        digest: resolution.digest,
    };
}
/** The set as dotenv lines, a group per image, in input order. */
function setEnv(set) {
    return set.flatMap((resolved) => (0,_shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__/* .envLines */ .Xk)(serviceRecordOf(resolved))).join('\n') + '\n';
}
/** The set as JSON: one object per image, in input order. */
function setJson(set) {
    return JSON.stringify(set.map((resolved) => ({
        prefix: resolved.entry.prefix,
        image: resolved.entry.image.name,
        tag: resolved.entry.tag,
        sha: resolved.resolution.sha,
        shortTag: resolved.resolution.tag,
        digest: resolved.resolution.digest,
        imageRef: (0,_shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__/* .pinnedRef */ .I1)(serviceRecordOf(resolved)),
        source: resolved.resolution.source,
    })));
}
/** The job summary's table (HTML: every value escaped). */
function setSummary(set) {
    const cell = (text) => `<td><code>${(0,_shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeHtml */ .ZD)(text)}</code></td>`;
    const rows = set.map((resolved) => `<tr>${[
        resolved.entry.prefix,
        `${resolved.entry.image.name}:${resolved.entry.tag}`,
        resolved.resolution.sha,
        (0,_shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__/* .pinnedRef */ .I1)(serviceRecordOf(resolved)),
    ]
        .map(cell)
        .join('')}<td>${resolved.resolution.source}</td></tr>`);
    return [
        `<p><b>Resolved a set of ${set.length} image${set.length === 1 ? '' : 's'}</b></p>`,
        '<table><tr><th>Prefix</th><th>Image</th><th>Commit</th><th>Pinned</th><th>Read from</th></tr>',
        ...rows,
        '</table>',
    ].join('\n');
}


/***/ }),

/***/ 21:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BM: () => (/* binding */ registryAuthOf),
/* harmony export */   JX: () => (/* binding */ registryPassword),
/* harmony export */   MB: () => (/* binding */ fieldParser),
/* harmony export */   Y2: () => (/* binding */ TAG_LENGTH_RANGE),
/* harmony export */   _C: () => (/* binding */ ACTION_NAMING),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gh: () => (/* binding */ parseEnvName),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony export nonBlankLines */
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(229);

// Input parsing that collects every problem, shared by the loop's and the resolve feature's inputs, in
// every face: the action names an input `Input 'tag'`, a CLI `--tag` or `REGISTRY_PASSWORD`.
class InputError extends Error {
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.problems = problems;
        this.name = 'InputError';
    }
}
const ACTION_NAMING = { subject: (name) => `Input '${name}'`, name: (name) => name };
const TAG_LENGTH_RANGE = { min: 4, max: 40 };
/**
 * Reads inputs one field at a time and collects every problem, so that one run names all bad inputs: a field
 * whose parse throws adds `<subject> <message>.` to `problems` and yields its fallback.
 */
function fieldParser(read, naming = ACTION_NAMING) {
    const problems = [];
    const field = (name, parse, fallback) => {
        try {
            return parse(read(name).trim());
        }
        catch (error) {
            problems.push(`${naming.subject(name)} ${error.message}.`);
            return fallback;
        }
    };
    return { problems, field };
}
function parseEnvName(raw) {
    if (!_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .ENV_NAME_PATTERN */ .jg.test(raw))
        throw new Error(`is "${raw}"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*)`);
    return raw;
}
/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
function parseBoolean(raw) {
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new Error(`is "${raw}"; expected true or false`);
}
function parseInteger(raw, range) {
    if (!/^[0-9]+$/.test(raw) || Number(raw) < range.min || Number(raw) > range.max) {
        throw new Error(`is "${raw}"; expected a whole number from ${range.min} to ${range.max}`);
    }
    return Number(raw);
}
function nonBlankLines(raw) {
    return raw
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== '');
}
/**
 * The password as `docker login --password-stdin` takes it: as given, but for one line ending at its end (a
 * secret saved from `echo`), in every face alike, so that the registry client logs in with what docker did.
 */
function registryPassword(raw) {
    return raw.replace(/\r?\n$/, '');
}
/** registry-username and registry-password: both, or neither (`withNeither` says what happens then). */
function registryAuthOf(read, problems, withNeither, naming = ACTION_NAMING) {
    const username = read('registry-username').trim();
    const password = registryPassword(read('registry-password'));
    if ((username === '') !== (password === '')) {
        const missing = username === '' ? 'registry-username' : 'registry-password';
        problems.push(`${naming.subject(missing)} is empty; expected ${naming.name('registry-username')} and ${naming.name('registry-password')} together, or neither (then ${withNeither}).`);
    }
    return username !== '' && password !== '' ? { username, password } : undefined;
}


/***/ }),

/***/ 876:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ TAG_PATTERN),
/* harmony export */   Bf: () => (/* binding */ IMAGE_NAME_FORM),
/* harmony export */   GO: () => (/* binding */ parseLoweringPath),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   hG: () => (/* binding */ familiarName),
/* harmony export */   nA: () => (/* binding */ loweredNotice)
/* harmony export */ });
/* unused harmony exports repositoryOf, lowercasePath, parseImageName */
// The distribution reference grammar (github.com/distribution/reference, regexp.go), for a
// repository name without tag or digest: the action adds the tag itself.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainPattern = new RegExp(`^(?:${ipv6Address}|${domainComponent}(?:\\.${domainComponent})*)(?::[0-9]+)?$`);
const pathComponentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** Docker Hub's registry host, as `docker login` and RepoDigests name it. */
const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const MAX_NAME_LENGTH = 255;
/** A tag, as the reference grammar has it. */
const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
/** The repository of a reference `name[:tag][@sha256:…]`: without its tag and digest. */
function repositoryOf(reference) {
    const name = reference.replace(/@sha256:[0-9a-f]{64}$/, '');
    const colon = name.lastIndexOf(':');
    return colon > name.lastIndexOf('/') && TAG_PATTERN.test(name.slice(colon + 1)) ? name.slice(0, colon) : name;
}
const IMAGE_NAME_FORM = 'a repository name without tag or digest: [host[:port]/]path, lowercase path components of a-z 0-9 separated by ".", "_", "__" or "-", e.g. ghcr.io/acme/app, localhost:5000/app, acme/app';
/**
 * The name with its repository path lower-cased: GHCR and most registries refuse upper-case paths, which
 * `ghcr.io/${{ github.repository }}` gives for an owner or repository with a capital letter. A first component
 * with a dot, a colon or `localhost` is a registry host and keeps its case; without one the whole name is a path.
 */
function lowercasePath(name) {
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    const host = first.includes('.') || first.includes(':') || first === 'localhost' ? first : '';
    return host === '' ? name.toLowerCase() : `${host}/${name.slice(slash + 1).toLowerCase()}`;
}
/** Parses a repository name; throws an Error saying what is wrong (without naming the input). */
function parseImageName(name) {
    if (name === '')
        throw new Error('is empty');
    if (/\s/.test(name))
        throw new Error('contains white space');
    if (name.includes('@'))
        throw new Error('must not include a digest (@sha256:...): the action tags the image itself');
    if (name.length > MAX_NAME_LENGTH)
        throw new Error(`is longer than ${MAX_NAME_LENGTH} characters`);
    const slash = name.indexOf('/');
    const first = slash === -1 ? '' : name.slice(0, slash);
    // As in the reference grammar: the first component is a domain if it looks like one.
    const hasDomain = first !== '' &&
        (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
    // index.docker.io is Docker Hub's old name; docker itself normalises it to docker.io.
    const registry = hasDomain && first !== LEGACY_DOCKER_HUB ? first : DOCKER_HUB;
    const path = hasDomain ? name.slice(slash + 1) : name;
    if (hasDomain && !domainPattern.test(first))
        throw new Error(`has an invalid registry host "${first}"`);
    const lastComponent = path.slice(path.lastIndexOf('/') + 1);
    if (lastComponent.includes(':'))
        throw new Error(`must not include a tag (":${lastComponent.split(':')[1]}"): the action tags the image with the commit sha`);
    for (const component of path.split('/')) {
        if (component === '')
            throw new Error('has an empty path component');
        if (component !== component.toLowerCase())
            throw new Error(`has the path component "${component}", which is not lowercase`);
        if (!pathComponentPattern.test(component))
            throw new Error(`has the invalid path component "${component}"`);
    }
    return { name, registry, path: registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path };
}
/** The short form docker prints in `docker image ls` and RepoDigests (`docker.io/library/x` → `x`). */
function familiarName(image) {
    if (image.registry !== DOCKER_HUB)
        return `${image.registry}/${image.path}`;
    // Only official images drop library/: docker.io/library/a/b stays library/a/b.
    const rest = image.path.slice('library/'.length);
    return image.path.startsWith('library/') && !rest.includes('/') ? rest : image.path;
}
/**
 * parseImageName, but a name whose only fault is upper case in its path is taken lower-cased, and `lowered` says
 * so; anything else the grammar refuses is refused with the message it has.
 */
function parseLoweringPath(raw) {
    try {
        return { image: parseImageName(raw) };
    }
    catch (error) {
        const lowered = lowercasePath(raw);
        if (lowered === raw)
            throw error;
        try {
            return { image: parseImageName(lowered), lowered };
        }
        catch {
            throw error;
        }
    }
}
/** The notice of a lower-cased path, `subject` naming where it was given. */
function loweredNotice(subject, raw, lowered) {
    return `${subject} is "${raw}": registries refuse upper-case repository paths, so the image is ${lowered}.`;
}


/***/ }),

/***/ 451:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ isObject),
/* harmony export */   g: () => (/* binding */ str)
/* harmony export */ });
// Reading parsed JSON (docker's `--format '{{json .}}'`, the registry's answers) without trusting its shape.
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** A JSON value as a string: '' for anything else. */
const str = (value) => (typeof value === 'string' ? value : '');


/***/ }),

/***/ 84:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I1: () => (/* binding */ pinnedRef),
/* harmony export */   Xk: () => (/* binding */ envLines),
/* harmony export */   nJ: () => (/* binding */ defaultEnvPrefix)
/* harmony export */ });
/* unused harmony exports ENV_SUFFIXES, sameRepository, envFileImage, withEnvGroup */
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(876);

const ENV_SUFFIXES = (/* unused pure expression or super */ null && (['IMAGE', 'SHA', 'TAG', 'DIGEST', 'IMAGE_REF']));
/**
 * The prefix an image gets by default: its last path component, upper-cased, each other character `_`, and a
 * `_` before a leading digit (`2048-game`: `_2048_GAME`), so that it always starts variable names.
 */
function defaultEnvPrefix(image) {
    return image.path
        .slice(image.path.lastIndexOf('/') + 1)
        .toUpperCase()
        .replace(/[^A-Z0-9_]/g, '_')
        .replace(/^(?=[0-9])/, '_');
}
/** Whether two names are one repository (`acme/app` and `docker.io/acme/app` are). */
function sameRepository(a, b) {
    try {
        const [first, second] = [parseImageName(a), parseImageName(b)];
        return first.registry === second.registry && first.path === second.path;
    }
    catch {
        return a === b;
    }
}
/** The reference a deploy runs: by digest when the registry gave one, else the sha tag. */
function pinnedRef(record) {
    return record.digest === '' ? `${record.image}:${record.tag}` : `${record.image}@${record.digest}`;
}
/** The group's lines. DIGEST is the digest's hex alone (as cyber-dojo's versioner has it); IMAGE_REF keeps `sha256:`. */
function envLines(record) {
    const p = record.prefix;
    return [
        `${p}_IMAGE=${record.image}`,
        `${p}_SHA=${record.sha}`,
        `${p}_TAG=${record.tag}`,
        ...(record.digest === '' ? [] : [`${p}_DIGEST=${record.digest.slice(record.digest.indexOf(':') + 1)}`]),
        `${p}_IMAGE_REF=${pinnedRef(record)}`,
    ];
}
function groupLine(prefix) {
    return new RegExp(`^${prefix}_(?:${ENV_SUFFIXES.join('|')})=`);
}
/** The image an env file's group for `prefix` names; undefined when the file has no such group. */
function envFileImage(text, prefix) {
    const line = text.split(/\r?\n/).find((candidate) => candidate.startsWith(`${prefix}_IMAGE=`));
    return line?.slice(`${prefix}_IMAGE=`.length);
}
/** The env file with `record`'s group at its end, in place of an earlier group of the same prefix. */
function withEnvGroup(text, record) {
    const pattern = groupLine(record.prefix);
    const kept = text.split(/\r?\n/).filter((line) => line !== '' && !pattern.test(line));
    return [...kept, ...envLines(record)].join('\n') + '\n';
}


/***/ }),

/***/ 229:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ REVISION_LABEL),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   jg: () => (/* binding */ ENV_NAME_PATTERN),
/* harmony export */   yw: () => (/* binding */ SHA_PATTERN)
/* harmony export */ });
/* unused harmony export REPOSITORY_LABEL */
// The words every part of the loop shares: kept apart, with no imports, so no part imports another for them.
/** A full commit sha: SHA-1 (40) or SHA-256 (64) lowercase hex. */
const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The OCI label that holds the commit sha the image was built from. */
const REVISION_LABEL = 'org.opencontainers.image.revision';
/** The label the action puts on every image it builds: how its leftovers are recognised, never by name. */
const REPOSITORY_LABEL = 'build-test-deploy.repository';
/** Summary tables are HTML: docker's error text must not become markup. */
function escapeHtml(text) {
    return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}


/***/ }),

/***/ 613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 426:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  V4: () => (/* binding */ getInput),
  pq: () => (/* binding */ info),
  C1: () => (/* binding */ setFailed),
  uH: () => (/* binding */ setOutput),
  Pq: () => (/* binding */ core_setSecret),
  z: () => (/* reexport */ summary),
  $e: () => (/* binding */ warning)
});

// UNUSED EXPORTS: ExitCode, addPath, debug, endGroup, error, exportVariable, getBooleanInput, getIDToken, getMultilineInput, getState, group, isDebug, markdownSummary, notice, platform, saveState, setCommandEcho, startGroup, toPlatformPath, toPosixPath, toWin32Path

;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function utils_toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./node_modules/tunnel/index.js
var node_modules_tunnel = __nccwpck_require__(770);
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = (/* unused pure expression or super */ null && (['OPTIONS', 'GET', 'DELETE', 'HEAD']));
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class lib_HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? https : http;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = pm.getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || http.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel.httpsOverHttps : tunnel.httpsOverHttp;
            }
            else {
                tunnelAgent = overHttps ? tunnel.httpOverHttps : tunnel.httpOverHttp;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new https.Agent(options) : new http.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new ProxyAgent(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
class BasicCredentialHandler {
    constructor(username, password) {
        this.username = username;
        this.password = password;
    }
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`${this.username}:${this.password}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class auth_BearerCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Bearer ${this.token}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
class PersonalAccessTokenCredentialHandler {
    constructor(token) {
        this.token = token;
    }
    // currently implements pre-authorization
    // TODO: support preAuth = false where it hooks on 401
    prepareRequest(options) {
        if (!options.headers) {
            throw Error('The request has no headers');
        }
        options.headers['Authorization'] = `Basic ${Buffer.from(`PAT:${this.token}`).toString('base64')}`;
    }
    // This handler cannot handle 401
    canHandleAuthentication() {
        return false;
    }
    handleAuthentication() {
        return auth_awaiter(this, void 0, void 0, function* () {
            throw new Error('not implemented');
        });
    }
}
//# sourceMappingURL=auth.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/oidc-utils.js
var oidc_utils_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



class oidc_utils_OidcClient {
    static createHttpClient(allowRetry = true, maxRetry = 10) {
        const requestOptions = {
            allowRetries: allowRetry,
            maxRetries: maxRetry
        };
        return new HttpClient('actions/oidc-client', [new BearerCredentialHandler(oidc_utils_OidcClient.getRequestToken())], requestOptions);
    }
    static getRequestToken() {
        const token = process.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'];
        if (!token) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_TOKEN env variable');
        }
        return token;
    }
    static getIDTokenUrl() {
        const runtimeUrl = process.env['ACTIONS_ID_TOKEN_REQUEST_URL'];
        if (!runtimeUrl) {
            throw new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable');
        }
        return runtimeUrl;
    }
    static getCall(id_token_url) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            var _a;
            const httpclient = oidc_utils_OidcClient.createHttpClient();
            const res = yield httpclient
                .getJson(id_token_url)
                .catch(error => {
                throw new Error(`Failed to get ID Token. \n 
        Error Code : ${error.statusCode}\n 
        Error Message: ${error.message}`);
            });
            const id_token = (_a = res.result) === null || _a === void 0 ? void 0 : _a.value;
            if (!id_token) {
                throw new Error('Response json body do not have ID Token field');
            }
            return id_token;
        });
    }
    static getIDToken(audience) {
        return oidc_utils_awaiter(this, void 0, void 0, function* () {
            try {
                // New ID Token is requested from action service
                let id_token_url = oidc_utils_OidcClient.getIDTokenUrl();
                if (audience) {
                    const encodedAudience = encodeURIComponent(audience);
                    id_token_url = `${id_token_url}&audience=${encodedAudience}`;
                }
                debug(`ID token url is ${id_token_url}`);
                const id_token = yield oidc_utils_OidcClient.getCall(id_token_url);
                setSecret(id_token);
                return id_token;
            }
            catch (error) {
                throw new Error(`Error message: ${error.message}`);
            }
        });
    }
}
//# sourceMappingURL=oidc-utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/summary.js
var summary_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { access, appendFile, writeFile } = external_fs_namespaceObject.promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
const SUMMARY_DOCS_URL = 'https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return summary_awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, external_fs_namespaceObject.constants.R_OK | external_fs_namespaceObject.constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return summary_awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return summary_awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(external_os_namespaceObject.EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
/**
 * @deprecated use `core.summary`
 */
const markdownSummary = (/* unused pure expression or super */ null && (_summary));
const summary = _summary;
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/path-utils.js

/**
 * toPosixPath converts the given path to the posix form. On Windows, \\ will be
 * replaced with /.
 *
 * @param pth. Path to transform.
 * @return string Posix path.
 */
function toPosixPath(pth) {
    return pth.replace(/[\\]/g, '/');
}
/**
 * toWin32Path converts the given path to the win32 form. On Linux, / will be
 * replaced with \\.
 *
 * @param pth. Path to transform.
 * @return string Win32 path.
 */
function toWin32Path(pth) {
    return pth.replace(/[/]/g, '\\');
}
/**
 * toPlatformPath converts the given path to a platform-specific path. It does
 * this by replacing instances of / and \ with the platform-specific path
 * separator.
 *
 * @param pth The path to platformize.
 * @return string The platform-specific path.
 */
function toPlatformPath(pth) {
    return pth.replace(/[/\\]/g, path.sep);
}
//# sourceMappingURL=path-utils.js.map
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
// EXTERNAL MODULE: external "events"
var external_events_ = __nccwpck_require__(434);
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
// EXTERNAL MODULE: external "assert"
var external_assert_ = __nccwpck_require__(613);
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var io_util_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return io_util_awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return io_util_awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec_exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = tr.argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new tr.ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new StringDecoder('utf8');
        const stderrDecoder = new StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec_exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/platform.js
var platform_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const getWindowsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout: version } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Version"', undefined, {
        silent: true
    });
    const { stdout: name } = yield exec.getExecOutput('powershell -command "(Get-CimInstance -ClassName Win32_OperatingSystem).Caption"', undefined, {
        silent: true
    });
    return {
        name: name.trim(),
        version: version.trim()
    };
});
const getMacOsInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    var _a, _b, _c, _d;
    const { stdout } = yield exec.getExecOutput('sw_vers', undefined, {
        silent: true
    });
    const version = (_b = (_a = stdout.match(/ProductVersion:\s*(.+)/)) === null || _a === void 0 ? void 0 : _a[1]) !== null && _b !== void 0 ? _b : '';
    const name = (_d = (_c = stdout.match(/ProductName:\s*(.+)/)) === null || _c === void 0 ? void 0 : _c[1]) !== null && _d !== void 0 ? _d : '';
    return {
        name,
        version
    };
});
const getLinuxInfo = () => platform_awaiter(void 0, void 0, void 0, function* () {
    const { stdout } = yield exec.getExecOutput('lsb_release', ['-i', '-r', '-s'], {
        silent: true
    });
    const [name, version] = stdout.trim().split('\n');
    return {
        name,
        version
    };
});
const platform = external_os_namespaceObject.platform();
const arch = external_os_namespaceObject.arch();
const isWindows = platform === 'win32';
const isMacOS = platform === 'darwin';
const isLinux = platform === 'linux';
function getDetails() {
    return platform_awaiter(this, void 0, void 0, function* () {
        return Object.assign(Object.assign({}, (yield (isWindows
            ? getWindowsInfo()
            : isMacOS
                ? getMacOsInfo()
                : getLinuxInfo()))), { platform,
            arch,
            isWindows,
            isMacOS,
            isLinux });
    });
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/core.js
var core_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};






/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
//-----------------------------------------------------------------------
// Variables
//-----------------------------------------------------------------------
/**
 * Sets env variable for this action and future actions in the job
 * @param name the name of the variable to set
 * @param val the value of the variable. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function exportVariable(name, val) {
    const convertedVal = toCommandValue(val);
    process.env[name] = convertedVal;
    const filePath = process.env['GITHUB_ENV'] || '';
    if (filePath) {
        return issueFileCommand('ENV', prepareKeyValueMessage(name, val));
    }
    issueCommand('set-env', { name }, convertedVal);
}
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function core_setSecret(secret) {
    command_issueCommand('add-mask', {}, secret);
}
/**
 * Prepends inputPath to the PATH (for this action and future actions)
 * @param inputPath
 */
function addPath(inputPath) {
    const filePath = process.env['GITHUB_PATH'] || '';
    if (filePath) {
        issueFileCommand('PATH', inputPath);
    }
    else {
        issueCommand('add-path', {}, inputPath);
    }
    process.env['PATH'] = `${inputPath}${path.delimiter}${process.env['PATH']}`;
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    if (options && options.required && !val) {
        throw new Error(`Input required and not supplied: ${name}`);
    }
    if (options && options.trimWhitespace === false) {
        return val;
    }
    return val.trim();
}
/**
 * Gets the values of an multiline input.  Each value is also trimmed.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string[]
 *
 */
function getMultilineInput(name, options) {
    const inputs = getInput(name, options)
        .split('\n')
        .filter(x => x !== '');
    if (options && options.trimWhitespace === false) {
        return inputs;
    }
    return inputs.map(input => input.trim());
}
/**
 * Gets the input value of the boolean type in the YAML 1.2 "core schema" specification.
 * Support boolean input list: `true | True | TRUE | false | False | FALSE` .
 * The return value is also in boolean type.
 * ref: https://yaml.org/spec/1.2/spec.html#id2804923
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   boolean
 */
function getBooleanInput(name, options) {
    const trueValue = ['true', 'True', 'TRUE'];
    const falseValue = ['false', 'False', 'FALSE'];
    const val = getInput(name, options);
    if (trueValue.includes(val))
        return true;
    if (falseValue.includes(val))
        return false;
    throw new TypeError(`Input does not meet YAML 1.2 "Core Schema" specification: ${name}\n` +
        `Support boolean input list: \`true | True | TRUE | false | False | FALSE\``);
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    }
    process.stdout.write(external_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
}
/**
 * Enables or disables the echoing of commands into stdout for the rest of the step.
 * Echoing is disabled by default if ACTIONS_STEP_DEBUG is not set.
 *
 */
function setCommandEcho(enabled) {
    issue('echo', enabled ? 'on' : 'off');
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
//-----------------------------------------------------------------------
// Logging Commands
//-----------------------------------------------------------------------
/**
 * Gets whether Actions Step Debug is on or not
 */
function isDebug() {
    return process.env['RUNNER_DEBUG'] === '1';
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function core_debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    command_issueCommand('error', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    command_issueCommand('warning', utils_toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + external_os_namespaceObject.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}
/**
 * Wrap an asynchronous function call in a group.
 *
 * Returns the same type as the function itself.
 *
 * @param name The name of the group
 * @param fn The function to wrap in the group
 */
function group(name, fn) {
    return core_awaiter(this, void 0, void 0, function* () {
        startGroup(name);
        let result;
        try {
            result = yield fn();
        }
        finally {
            endGroup();
        }
        return result;
    });
}
//-----------------------------------------------------------------------
// Wrapper action state
//-----------------------------------------------------------------------
/**
 * Saves state for current action, the state can only be retrieved by this action's post job execution.
 *
 * @param     name     name of the state to store
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function saveState(name, value) {
    const filePath = process.env['GITHUB_STATE'] || '';
    if (filePath) {
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    }
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * Gets the value of an state set by this action's main execution.
 *
 * @param     name     name of the state to get
 * @returns   string
 */
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
function getIDToken(aud) {
    return core_awaiter(this, void 0, void 0, function* () {
        return yield OidcClient.getIDToken(aud);
    });
}
/**
 * Summary exports
 */

/**
 * @deprecated use core.summary
 */

/**
 * Path exports
 */

/**
 * Platform utilities exports
 */

//# sourceMappingURL=core.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(914);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__runResolveAction = __webpack_exports__.K;
/******/ export { __webpack_exports__runResolveAction as runResolveAction };
/******/ 

//# sourceMappingURL=index.js.map