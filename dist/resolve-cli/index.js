import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 165:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  BQ: () => (/* binding */ CLI_USAGE),
  hT: () => (/* binding */ parseCliArgs)
});

// UNUSED EXPORTS: CLI_LABELS

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
// EXTERNAL MODULE: ./src/shared/field-parser.ts
var field_parser = __nccwpck_require__(21);
// EXTERNAL MODULE: ./src/resolve/inputs.ts
var inputs = __nccwpck_require__(955);
// EXTERNAL MODULE: ./src/resolve/resolve-spec.js
var resolve_spec = __nccwpck_require__(981);
;// CONCATENATED MODULE: ./src/cli/resolve-args.ts




// The CLI: `node dist/resolve-cli/index.js IMAGE[:TAG] [options]`, or a set: `--images FILE` (or `-`: stdin).
/** Each input of resolve/action.yml as the CLI takes it: an option, the IMAGE[:TAG] argument, or an env variable. */
const CLI_LABELS = Object.fromEntries(resolve_spec/* RESOLVE_INPUTS */.N.map((input) => [input.name, input.cli]));
/** The CLI's options that set an input, and their --help lines with the default (from the resolve spec). */
const INPUT_OPTIONS = resolve_spec/* RESOLVE_INPUTS */.N.filter((input) => input.cli.startsWith('--'));
const OPTION_WIDTH = 15;
const optionLines = (flag, help) => help.map((line, index) => `  ${(index === 0 ? flag : '').padEnd(OPTION_WIDTH)}${line}`);
const CLI_USAGE = [
    'Usage: node dist/resolve-cli/index.js IMAGE[:TAG] [--source auto|local|registry] [--sha-env NAME] [--tag-length N]',
    '       node dist/resolve-cli/index.js --images FILE|- [--env-output PATH] [--json] [--check-pairs true|false] [...]',
    '',
    'Prints which commit IMAGE:TAG (default tag: latest) was built from, without running or pulling it:',
    '  SHA=<full commit sha>  TAG=<short sha tag>  DIGEST=<manifest digest, may be empty>  IMAGE_REF=<IMAGE:short tag>  SOURCE=<local|registry>',
    'one per line on stdout; on failure one line on stderr and exit status 1.',
    '',
    'With --images, a set: FILE has one [PREFIX=]IMAGE[:TAG] a line (PREFIX default: the last path component,',
    'upper-cased, other characters _), all resolved side by side; printed as dotenv lines, a group per image:',
    '  <PREFIX>_IMAGE  _SHA  _TAG  _DIGEST (hex, without sha256:)  _IMAGE_REF (IMAGE@sha256:…)',
    'for `docker compose --env-file` and `set -a; . ./set.env`. The set is consistent or nothing is written.',
    '',
    ...INPUT_OPTIONS.flatMap((input) => optionLines(input.cli, [
        ...(input.help ?? []).slice(0, -1),
        `${(input.help ?? []).at(-1) ?? ''}${input.default === '' ? '' : ` (default ${input.default})`}`,
    ])),
    ...optionLines('--env-output', [
        'write the env lines to PATH (whole, replacing it) instead of stdout (not --env-file:',
        'Node.js reads that itself, wherever it stands)',
    ]),
    ...optionLines('--json', ['print the set as JSON (one object per image) instead of env lines']),
    '',
    `Registry credentials come from ${CLI_LABELS['registry-username'] ?? ''} and ${CLI_LABELS['registry-password'] ?? ''} in the environment (for the first`,
    "image's registry), else from docker's stored credentials (docker login); never from arguments.",
].join('\n');
/** The options that take a value, and what they set. */
const CLI_OPTIONS = new Map([
    ...INPUT_OPTIONS.map((input) => [input.cli, input.name]),
    ['--env-output', 'env-output'],
]);
const OPTION_NAMES = `${[...CLI_OPTIONS.keys()].join(', ')} or --json`;
const CREDENTIAL_OPTIONS = /^-(?:p|u|-(?:registry-)?(?:password|username|user|token))$/;
/** Reads `--images`' FILE, or stdin for `-`. */
function readImagesFile(file) {
    return (0,external_node_fs_namespaceObject.readFileSync)(file === '-' ? 0 : file, 'utf8');
}
/** Parses the CLI's arguments; credentials only from `env`. Throws an InputError naming every problem. */
function parseCliArgs(argv, env, readImages = readImagesFile) {
    const options = new Map();
    let json = false;
    const positionals = [];
    const problems = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '-h' || arg === '--help')
            return { kind: 'help' };
        if (arg === '--json') {
            json = true;
            continue;
        }
        if (arg === '--') {
            positionals.push(...argv.slice(i + 1));
            break;
        }
        if (!arg.startsWith('-') || arg === '-') {
            positionals.push(arg);
            continue;
        }
        const equals = arg.indexOf('=');
        // `-pVALUE` is a short flag with its value attached: only `-p` is the flag.
        const flag = arg.startsWith('--') ? (equals === -1 ? arg : arg.slice(0, equals)) : arg.slice(0, 2);
        const input = CLI_OPTIONS.get(flag);
        if (input === undefined) {
            // Only the flag is named, never its value: it may be a password.
            problems.push(flag === '--env-file'
                ? '--env-file is not an option: the env lines go to --env-output PATH (Node.js reads --env-file itself, wherever it stands).'
                : CREDENTIAL_OPTIONS.test(flag)
                    ? `${flag} is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.`
                    : `${flag} is not an option; expected ${OPTION_NAMES} (see --help).`);
            if (arg === flag && !(argv[i + 1] ?? '-').startsWith('-'))
                i++; // skip its value too
            continue;
        }
        const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
        if (value === undefined)
            problems.push(`${flag} needs a value.`);
        else if (options.has(input))
            problems.push(`${flag} is given twice.`);
        else
            options.set(input, value);
    }
    const imagesFile = options.get('images');
    // The arguments are counted, not echoed: a stray one may be a password.
    if (imagesFile === undefined && positionals.length !== 1)
        problems.push(`Expected one IMAGE[:TAG] argument, got ${positionals.length === 0 ? 'none' : positionals.length} (see --help).`);
    if (imagesFile !== undefined && positionals.length > 0)
        problems.push(`Expected no IMAGE argument with --images, got ${positionals.length}: the set's images go into its file (see --help).`);
    let images = '';
    if (imagesFile !== undefined) {
        try {
            images = readImages(imagesFile);
            if (images.trim() === '')
                problems.push(`--images: ${imagesFile === '-' ? 'stdin' : imagesFile} has no image; expected one [PREFIX=]IMAGE[:TAG] a line.`);
        }
        catch (error) {
            problems.push(`--images: could not read ${imagesFile === '-' ? 'stdin' : imagesFile}: ${error.message}.`);
        }
    }
    const envFile = options.get('env-output');
    if (envFile === '')
        problems.push('--env-output is empty; expected a file path.');
    if (problems.length > 0)
        throw new field_parser/* InputError */.dz(problems);
    const { image, tag } = imagesFile === undefined ? (0,inputs/* splitImageTag */.qe)(positionals[0] ?? '') : { image: '', tag: '' };
    const raw = {
        ...inputs/* RESOLVE_DEFAULTS */.MU,
        ...Object.fromEntries(options),
        image,
        images,
        tag: tag || inputs/* RESOLVE_DEFAULTS */.MU.tag,
        'registry-username': env.REGISTRY_USERNAME ?? '',
        'registry-password': env.REGISTRY_PASSWORD ?? '',
    };
    const cliName = (name) => CLI_LABELS[name] ?? name;
    return {
        kind: 'resolve',
        inputs: (0,inputs/* parseResolveInputs */.Zw)((name) => raw[name] ?? '', { subject: cliName, name: cliName }),
        envFile,
        json,
    };
}


/***/ }),

/***/ 558:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _docker_credentials_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(273);
/* harmony import */ var _docker_docker_image_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(825);
/* harmony import */ var _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(21);
/* harmony import */ var _shared_write_whole_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(204);
/* harmony import */ var _resolve_resolve_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(270);
/* harmony import */ var _resolve_set_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(868);
/* harmony import */ var _resolve_args_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(165);







// `node dist/resolve-cli/index.js IMAGE[:TAG] [options]`: SHA=, TAG=, DIGEST=, IMAGE_REF=, SOURCE= lines on stdout;
// `--images FILE`: the set's env lines (or --json), on stdout or into --env-output. Warnings and the one-line error
// on stderr.
function oneLine(error) {
    const message = error instanceof _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz ? error.problems.join(' ') : error.message;
    return message.replace(/\s*\n\s*/g, ' ');
}
async function main() {
    try {
        const command = (0,_resolve_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCliArgs */ .hT)(process.argv.slice(2), process.env);
        if (command.kind === 'help') {
            process.stdout.write(`${_resolve_args_js__WEBPACK_IMPORTED_MODULE_6__/* .CLI_USAGE */ .BQ}\n`);
            return 0;
        }
        const set = await (0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveSet */ .Tb)(command.inputs, {
            info: () => undefined, // quiet on success, like any good filter
            warning: (message) => process.stderr.write(`resolve: warning: ${message}\n`),
        }, { engine: new _docker_docker_image_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .DockerImageReader */ .d(), storedAuth: (registry) => (0,_docker_credentials_js__WEBPACK_IMPORTED_MODULE_0__/* .storedCredentials */ ._2)(registry, () => undefined) });
        const one = set[0]?.resolution;
        const env = command.inputs.single && command.envFile === undefined && one !== undefined ? (0,_resolve_resolve_js__WEBPACK_IMPORTED_MODULE_4__/* .cliLines */ .ot)(one) : (0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .setEnv */ .GJ)(set);
        if (command.envFile !== undefined)
            await (0,_shared_write_whole_js__WEBPACK_IMPORTED_MODULE_3__/* .writeWhole */ .f)(command.envFile, env).catch((error) => {
                throw new Error(`Could not write --env-output ${command.envFile}: ${error.message}`);
            });
        if (command.json)
            process.stdout.write(`${(0,_resolve_set_js__WEBPACK_IMPORTED_MODULE_5__/* .setJson */ .Lf)(set)}\n`);
        else if (command.envFile === undefined)
            process.stdout.write(env);
        return 0;
    }
    catch (error) {
        process.stderr.write(`resolve: ${oneLine(error)}\n`);
        return 1;
    }
}
process.exitCode = await main();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 273:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _2: () => (/* binding */ storedCredentials)
});

// UNUSED EXPORTS: authsEntry, configKey, helperFor

// EXTERNAL MODULE: ./src/process/run.ts + 3 modules
var run = __nccwpck_require__(55);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(455);
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
        config = JSON.parse(await (0,promises_.readFile)(file, 'utf8'));
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

/***/ 914:
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

/***/ 955:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   MU: () => (/* binding */ RESOLVE_DEFAULTS),
/* harmony export */   Zw: () => (/* binding */ parseResolveInputs),
/* harmony export */   pU: () => (/* binding */ requestFor),
/* harmony export */   qe: () => (/* binding */ splitImageTag)
/* harmony export */ });
/* unused harmony exports SOURCES, IMAGES_LINE_FORM, parseImageSet */
/* harmony import */ var _shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(876);
/* harmony import */ var _shared_service_env_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(84);
/* harmony import */ var _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(21);
/* harmony import */ var _shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(229);
/* harmony import */ var _registry_manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(914);
/* harmony import */ var _resolve_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(981);






// The resolve feature's inputs, as the action's inputs and the resolve CLI's arguments both give them:
// one typed, validated ResolveInputs through parseResolveInputs.
const SOURCES = ['auto', 'local', 'registry'];
/** resolve/action.yml's defaults; the CLI has the same (a unit test keeps them equal). */
/** An input's default, as resolve/action.yml and the CLI have it (src/resolve/resolve-spec.js). */
function defaultOf(name) {
    const spec = _resolve_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .RESOLVE_INPUTS */ .N.find((input) => input.name === name);
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
        return (0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLoweringPath */ .GO)(raw);
    }
    catch (error) {
        throw new Error(`${error.message}; expected ${_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .IMAGE_NAME_FORM */ .Bf}`);
    }
}
function parseTag(raw) {
    if (!_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_PATTERN */ .A0.test(raw))
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
        ({ image, lowered } = (0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLoweringPath */ .GO)(name));
    }
    catch (error) {
        throw new Error(`line ${number} is "${line}": the image ${error.message}; expected ${IMAGES_LINE_FORM}`);
    }
    if (tag !== '' && !_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_PATTERN */ .A0.test(tag))
        throw new Error(`line ${number} is "${line}": "${tag}" is no image tag; expected ${IMAGES_LINE_FORM}`);
    const chosen = prefix ?? (0,_shared_service_env_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultEnvPrefix */ .nJ)(image);
    if (!_shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .ENV_NAME_PATTERN */ .jg.test(chosen))
        throw new Error(`line ${number} is "${line}": the prefix "${chosen}" is no environment variable name ([A-Za-z_][A-Za-z0-9_]*)`);
    return {
        line: number,
        prefix: chosen,
        image,
        tag: tag || RESOLVE_DEFAULTS.tag,
        ...(lowered === undefined ? {} : { notice: (0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .loweredNotice */ .nA)(`line ${number}'s image`, name, lowered) }),
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
function parseResolveInputs(read, naming = _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .ACTION_NAMING */ ._C) {
    // Each input read once: the mode depends on two of them, which the fields read again.
    const values = new Map();
    const readOnce = (name) => values.get(name) ?? values.set(name, read(name)).get(name) ?? '';
    const { problems, field } = (0,_shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .fieldParser */ .MB)(readOnce, naming);
    const rawImage = readOnce('image').trim();
    const rawImages = readOnce('images').trim();
    const single = rawImages === '';
    if (rawImage !== '' && !single)
        problems.push(`${naming.subject('image')} and ${naming.subject('images')} are both set; expected one image in ${naming.name('image')} (and ${naming.name('tag')}), or a set in ${naming.name('images')}.`);
    const notices = [];
    const image = single
        ? field('image', (raw) => {
            if (raw === '')
                throw new Error(`is empty; expected ${_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .IMAGE_NAME_FORM */ .Bf}; or a set in ${naming.name('images')}`);
            const { image, lowered } = parseRepository(raw);
            if (lowered !== undefined)
                notices.push((0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .loweredNotice */ .nA)(naming.subject('image'), raw, lowered));
            return image;
        }, undefined)
        : undefined;
    // empty (e.g. an unset dispatch input) means latest
    const tag = field('tag', (raw) => parseTag(raw || RESOLVE_DEFAULTS.tag), RESOLVE_DEFAULTS.tag);
    const set = single ? [] : field('images', parseImageSet, []);
    const shaEnv = field('sha-env', _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .parseEnvName */ .gh, RESOLVE_DEFAULTS['sha-env']);
    const source = field('source', (raw) => {
        const found = SOURCES.find((source) => source === raw);
        if (found === undefined)
            throw new Error(`is "${raw}"; expected auto, local or registry`);
        return found;
    }, 'auto');
    const tagLength = field('tag-length', (raw) => (0,_shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .parseInteger */ .cG)(raw, _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .TAG_LENGTH_RANGE */ .Y2), 7);
    const checkPairs = field('check-pairs', _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG, true);
    const platform = field('platform', (raw) => (raw === '' ? (0,_registry_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .runnerPlatform */ .GQ)() : (0,_registry_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePlatform */ .FL)(raw)), (0,_registry_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .runnerPlatform */ .GQ)());
    const registryAuth = (0,_shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .registryAuthOf */ .BM)(readOnce, problems, "docker's stored credentials (an earlier docker login) are used, else the registry is read anonymously", naming);
    if (problems.length > 0 || (single && image === undefined))
        throw new _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(problems);
    const entries = image === undefined ? set : [{ line: 0, prefix: (0,_shared_service_env_js__WEBPACK_IMPORTED_MODULE_1__/* .defaultEnvPrefix */ .nJ)(image), image, tag }];
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
  ot: () => (/* binding */ cliLines),
  AT: () => (/* binding */ resolveImage)
});

// UNUSED EXPORTS: failureLine, findSha, localDigest, resolutionOutputs, summaryLine

// EXTERNAL MODULE: ./src/docker/output.ts
var output = __nccwpck_require__(807);
// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(876);
// EXTERNAL MODULE: ./src/registry/manifest.ts + 1 modules
var manifest = __nccwpck_require__(914);
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
    const code = (text) => `<code>${escapeHtml(text)}</code>`;
    const from = resolution.source === 'local' ? 'the local image store' : 'the registry';
    const digest = resolution.digest === '' ? '' : `, digest ${code(resolution.digest)}`;
    return `<p><b>Resolved</b> ${code(resolution.ref)} → commit ${code(resolution.sha)} (${code(resolution.imageRef)}${digest}; ${escapeHtml(resolution.shaFrom)}, read from ${from}).</p>`;
}
function failureLine(message) {
    return `<p><b>Resolve failed:</b> ${escapeHtml(message)}</p>`;
}


/***/ }),

/***/ 868:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ setEnv),
/* harmony export */   Lf: () => (/* binding */ setJson),
/* harmony export */   Tb: () => (/* binding */ resolveSet)
/* harmony export */ });
/* unused harmony exports entryName, serviceRecordOf, setSummary */
/* harmony import */ var _shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(84);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(955);
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
    const cell = (text) => `<td><code>${escapeHtml(text)}</code></td>`;
    const rows = set.map((resolved) => `<tr>${[
        resolved.entry.prefix,
        `${resolved.entry.image.name}:${resolved.entry.tag}`,
        resolved.resolution.sha,
        pinnedRef(serviceRecordOf(resolved)),
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
/* harmony export */   MB: () => (/* binding */ fieldParser),
/* harmony export */   Y2: () => (/* binding */ TAG_LENGTH_RANGE),
/* harmony export */   _C: () => (/* binding */ ACTION_NAMING),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gh: () => (/* binding */ parseEnvName),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* unused harmony exports nonBlankLines, registryPassword */
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
/* harmony export */   jg: () => (/* binding */ ENV_NAME_PATTERN),
/* harmony export */   yw: () => (/* binding */ SHA_PATTERN)
/* harmony export */ });
/* unused harmony exports REPOSITORY_LABEL, escapeHtml */
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

/***/ 204:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ writeWhole)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);

/**
 * Writes `text` to a file beside `file`, then renames it over `file`: a reader never sees half of it, and a
 * failure leaves the old file as it was (and no temporary one).
 */
async function writeWhole(file, text) {
    const next = `${file}.${process.pid}.tmp`;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(next, text);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(next, file);
    }
    catch (error) {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(next, { force: true });
        throw error;
    }
}


/***/ }),

/***/ 455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 981:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ RESOLVE_INPUTS)
/* harmony export */ });
/* unused harmony export RESOLVE_OUTPUTS */
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ var __webpack_exports__ = __nccwpck_require__(558);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map