export const id = 773;
export const ids = [773];
export const modules = {

/***/ 3773:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runMain: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(6421);
// EXTERNAL MODULE: external "fs"
var external_fs_ = __webpack_require__(9896);
// EXTERNAL MODULE: external "os"
var external_os_ = __webpack_require__(857);
;// CONCATENATED MODULE: ./node_modules/@actions/github/lib/context.js


class Context {
    /**
     * Hydrate the context from the environment
     */
    constructor() {
        var _a, _b, _c;
        this.payload = {};
        if (process.env.GITHUB_EVENT_PATH) {
            if ((0,external_fs_.existsSync)(process.env.GITHUB_EVENT_PATH)) {
                this.payload = JSON.parse((0,external_fs_.readFileSync)(process.env.GITHUB_EVENT_PATH, { encoding: 'utf8' }));
            }
            else {
                const path = process.env.GITHUB_EVENT_PATH;
                process.stdout.write(`GITHUB_EVENT_PATH ${path} does not exist${external_os_.EOL}`);
            }
        }
        this.eventName = process.env.GITHUB_EVENT_NAME;
        this.sha = process.env.GITHUB_SHA;
        this.ref = process.env.GITHUB_REF;
        this.workflow = process.env.GITHUB_WORKFLOW;
        this.action = process.env.GITHUB_ACTION;
        this.actor = process.env.GITHUB_ACTOR;
        this.job = process.env.GITHUB_JOB;
        this.runAttempt = parseInt(process.env.GITHUB_RUN_ATTEMPT, 10);
        this.runNumber = parseInt(process.env.GITHUB_RUN_NUMBER, 10);
        this.runId = parseInt(process.env.GITHUB_RUN_ID, 10);
        this.apiUrl = (_a = process.env.GITHUB_API_URL) !== null && _a !== void 0 ? _a : `https://api.github.com`;
        this.serverUrl = (_b = process.env.GITHUB_SERVER_URL) !== null && _b !== void 0 ? _b : `https://github.com`;
        this.graphqlUrl =
            (_c = process.env.GITHUB_GRAPHQL_URL) !== null && _c !== void 0 ? _c : `https://api.github.com/graphql`;
    }
    get issue() {
        const payload = this.payload;
        return Object.assign(Object.assign({}, this.repo), { number: (payload.issue || payload.pull_request || payload).number });
    }
    get repo() {
        if (process.env.GITHUB_REPOSITORY) {
            const [owner, repo] = process.env.GITHUB_REPOSITORY.split('/');
            return { owner, repo };
        }
        if (this.payload.repository) {
            return {
                owner: this.payload.repository.owner.login,
                repo: this.payload.repository.name
            };
        }
        throw new Error("context.repo requires a GITHUB_REPOSITORY environment variable like 'owner/repo'");
    }
}
//# sourceMappingURL=context.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __webpack_require__(6876);
// EXTERNAL MODULE: ./src/shared/field-parser.ts
var field_parser = __webpack_require__(6021);
// EXTERNAL MODULE: ./src/shared/service-env.ts
var service_env = __webpack_require__(7084);
// EXTERNAL MODULE: ./src/shared/workspace-path.ts
var workspace_path = __webpack_require__(6134);
// EXTERNAL MODULE: ./src/shared/vocabulary.ts
var vocabulary = __webpack_require__(1229);
// EXTERNAL MODULE: ./src/loop/cache.ts
var loop_cache = __webpack_require__(4164);
;// CONCATENATED MODULE: ./src/loop/run-args.ts

// The run-args input: docker run options the user adds, one a line, checked so that none changes what runs (another
// image, a command, the end of the options) or takes the container's lifecycle from the loop.
// docker run's switches (docker run --help, 20.10 to 28): they take no value, or one only after "=". Any other
// option takes one. A word after a switch would reach docker as the image to run, the built one as its command.
const RUN_SWITCHES = new Set([
    '--detach',
    '--disable-content-trust',
    '--help',
    '--init',
    '--interactive',
    '--no-healthcheck',
    '--oom-kill-disable',
    '--privileged',
    '--publish-all',
    '--quiet',
    '--read-only',
    '--rm',
    '--sig-proxy',
    '--tty',
    '--use-api-socket',
]);
// The short switches combine (`-itd`); the first other letter takes a value (the rest of the word, or the next).
const SHORT_SWITCHES = new Set(['d', 'i', 't', 'P', 'q']);
// Options whose value the action needs to be its own, or that would run something other than the built image.
const REFUSED_RUN_OPTIONS = new Map([
    ['--rm', () => 'the action removes the container itself, after it has read its state and logs'],
    ['--detach', () => 'the action always runs the container detached'],
    ['-d', () => 'the action always runs the container detached'],
    ['--name', () => 'the action names the container uniquely per run, so parallel runs never collide'],
    [
        '--pull',
        (value) => value === 'never' || value === 'missing'
            ? undefined
            : `the container runs the image built here; --pull=${value ?? ''} would take the registry's instead`,
    ],
]);
/** `-td`, `-itd`: a cluster of short switches that includes -d. */
function shortClusterHasDetach(flag) {
    if (!/^-[A-Za-z]{2,}$/.test(flag))
        return false;
    for (const letter of flag.slice(1)) {
        if (letter === 'd')
            return true;
        if (!SHORT_SWITCHES.has(letter))
            return false; // the rest is this option's value
    }
    return false;
}
/** A short option word (`-e`, `-it`, `-eA=B`): it ends in a switch, or a value-taking letter has its value in it. */
function shortWordTakesNext(word) {
    for (let index = 1; index < word.length; index++) {
        if (!SHORT_SWITCHES.has(word[index] ?? ''))
            return index === word.length - 1;
    }
    return false;
}
/**
 * One option per line; `--flag value` on one line becomes two arguments. Never shell-split. A line can add
 * nothing but its option: no `--`, no word after a switch or after an option that has its value already.
 */
function parseRunArgs(raw) {
    return (0,field_parser/* nonBlankLines */.n5)(raw).flatMap((line, index) => {
        const at = `line ${index + 1}`;
        const flagEnd = line.search(/[=\s]/);
        const flag = flagEnd === -1 ? line : line.slice(0, flagEnd);
        if (flag === '--')
            throw new Error(`${at} is "${line}", which ends docker run's options: what follows would be run instead of the built image`);
        // An option's name, as docker's parser takes one: a short letter (its value may follow), or a long name.
        if (!/^(?:-[A-Za-z0-9]|--[A-Za-z0-9][A-Za-z0-9-]*$)/.test(flag)) {
            throw new Error(`${at} is "${line}"; expected one docker run option per line, starting with "-" (e.g. --env=KEY=VALUE)`);
        }
        const attached = flagEnd !== -1 && line[flagEnd] === '=' ? line.slice(flagEnd + 1) : undefined;
        const spaced = flagEnd !== -1 && line[flagEnd] !== '=' ? line.slice(flagEnd).trim() : undefined;
        const refused = REFUSED_RUN_OPTIONS.get(shortClusterHasDetach(flag) ? '-d' : flag)?.(attached ?? spaced);
        if (refused !== undefined)
            throw new Error(`${at} uses ${flag}, which is not allowed: ${refused}`);
        if (spaced === undefined) {
            // Alone, an option that takes a value would take the built image's reference as its value.
            const bareTakesNext = attached === undefined && (flag.startsWith('--') ? !RUN_SWITCHES.has(flag) : shortWordTakesNext(flag));
            if (bareTakesNext)
                throw new Error(`${at} is "${line}": ${flag} takes a value, and alone it would take the built image's name as it; expected ${flag.startsWith('--') ? `${flag}=VALUE (or ${flag}=true for a switch this list does not know)` : `${flag} VALUE`}`);
            return [line];
        }
        // A second option on the line would reach docker as an option of its own, unchecked.
        if (spaced.startsWith('-'))
            throw new Error(`${at} is "${line}"; expected one docker run option per line`);
        const takesNext = flag.startsWith('--') ? !RUN_SWITCHES.has(flag) : shortWordTakesNext(flag);
        if (!takesNext)
            throw new Error(`${at} is "${line}": ${flag} takes no value after a space, so "${spaced}" would reach docker run as the image to run; expected ${flag.startsWith('--') ? `${flag}=VALUE or ${flag} alone` : 'one option, its value in the same word or after one space'}`);
        return [flag, spaced];
    });
}

;// CONCATENATED MODULE: ./src/loop/inputs.ts









const WAIT_FOR_FORM = 'auto, healthy, running, http:PORT/path (or http://127.0.0.1:PORT/path; #status=CODE for a status other than 2xx), tcp:PORT, log:REGEX or exit:0';
function parsePort(text) {
    if (!/^[0-9]{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535)
        throw new Error(`has the port "${text}"`);
    return Number(text);
}
/** Parses the `wait-for` input; throws an Error saying what is wrong (without naming the input). */
function parseWaitFor(raw) {
    if (raw === 'auto' || raw === 'healthy' || raw === 'running')
        return { kind: raw };
    if (raw === 'exit:0')
        return { kind: 'exit' };
    if (raw.startsWith('tcp:'))
        return { kind: 'tcp', port: parsePort(raw.slice(4)) };
    if (raw.startsWith('log:')) {
        if (raw.length === 4)
            throw new Error('has an empty regular expression');
        try {
            return { kind: 'log', pattern: new RegExp(raw.slice(4)) };
        }
        catch (error) {
            throw new Error(`has an invalid regular expression: ${error.message}`);
        }
    }
    if (raw.startsWith('http:')) {
        const http = /^http:(?:\/\/(?:127\.0\.0\.1|localhost):)?([0-9]+)(\/[^#]*)?(?:#status=([0-9]+))?$/.exec(raw);
        if (http === null)
            throw new Error(`is "${raw}"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path`);
        const [, port = '', path = '/', status] = http;
        if (status !== undefined && (Number(status) < 200 || Number(status) > 599))
            throw new Error(`has the status "${status}"; a response status is 200 to 599`);
        return { kind: 'http', port: parsePort(port), path, status: status === undefined ? undefined : Number(status) };
    }
    throw new Error(`is "${raw}"`);
}
const STAGE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const WAIT_TIMEOUT_RANGE = { min: 1, max: 21600 };
const PRUNE_KEEP_RANGE = { min: 0, max: 1000 };
const PRUNE_GRACE_RANGE = { min: 0, max: 86400 };
const TEST_TIMEOUT_RANGE = { min: 0, max: 86400 };
const PUSH_RETRIES_RANGE = { min: 0, max: 10 };
const USER_PATTERN = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/;
/** Inputs from problems and a draft: throws every problem at once. */
function completed(draft, problems) {
    if (problems.length > 0 || draft.image === undefined)
        throw new field_parser/* InputError */.dz(problems);
    return { ...draft, image: draft.image };
}
/** Parses raw input strings (as `core.getInput` returns them); collects every problem before throwing. */
function parseInputs(read, naming = ACTION_NAMING) {
    const { draft, problems } = draftInputs(read, naming);
    return completed(draft, problems);
}
function draftInputs(read, naming) {
    const { problems, field } = (0,field_parser/* fieldParser */.MB)(read, naming);
    const notices = [];
    /** A repository name; its path lower-cased (with a notice) when upper case is all that is wrong with it. */
    const repositoryName = (name, raw) => {
        const { image, lowered } = (0,image_reference/* parseLoweringPath */.GO)(raw);
        if (lowered !== undefined)
            notices.push((0,image_reference/* loweredNotice */.nA)(naming.subject(name), raw, lowered));
        return image;
    };
    const image = field('image', (raw) => {
        try {
            return repositoryName('image', raw);
        }
        catch (error) {
            throw new Error(`${error.message}; expected ${image_reference/* IMAGE_NAME_FORM */.Bf}`);
        }
    }, undefined);
    const deploy = field('deploy', field_parser/* parseBoolean */.yG, false);
    const context = field('context', (raw) => raw || '.', '.');
    const file = field('file', (raw) => raw || external_node_path_.join(context, 'Dockerfile'), '');
    const buildArgs = field('build-args', (raw) => parseKeyValueLines(raw, /^[A-Za-z_][A-Za-z0-9_.-]*$/), []);
    const target = field('target', (raw) => {
        if (raw !== '' && !STAGE_NAME_PATTERN.test(raw))
            throw new Error(`is "${raw}"; expected a build stage name (letters, digits, "_", ".", "-")`);
        return raw;
    }, '');
    const labels = field('labels', (raw) => parseKeyValueLines(raw, /^[^\s=]+$/), []);
    const builder = field('builder', (raw) => {
        if (raw !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(raw))
            throw new Error(`is "${raw}"; expected a buildx builder name`);
        return raw;
    }, '');
    const buildSecrets = field('build-secrets', parseBuildSecrets, []);
    const cacheFrom = field('cache-from', (raw) => (0,loop_cache/* parseCacheSetting */.Yo)(raw, 'from'), loop_cache/* CACHE_AUTO */.p2);
    const cacheTo = field('cache-to', (raw) => (0,loop_cache/* parseCacheSetting */.Yo)(raw, 'to'), loop_cache/* CACHE_AUTO */.p2);
    const sha = field('sha', (raw) => {
        if (raw !== '' && !vocabulary/* SHA_PATTERN */.yw.test(raw))
            throw new Error(`is "${raw}"; expected a full commit sha: 40 (or 64) lowercase hex characters`);
        return raw;
    }, '');
    const tagLength = field('tag-length', (raw) => (0,field_parser/* parseInteger */.cG)(raw, field_parser/* TAG_LENGTH_RANGE */.Y2), 7);
    const shaEnv = field('sha-env', field_parser/* parseEnvName */.gh, 'SHA');
    const prune = field('prune', parsePruneMode, 'on');
    const pruneKeep = field('prune-keep', (raw) => (0,field_parser/* parseInteger */.cG)(raw, PRUNE_KEEP_RANGE), 0);
    const pruneGraceSeconds = field('prune-grace', (raw) => (0,field_parser/* parseInteger */.cG)(raw, PRUNE_GRACE_RANGE), 120);
    const runArgs = field('run-args', parseRunArgs, []);
    const waitFor = field('wait-for', (raw) => {
        try {
            return parseWaitFor(raw);
        }
        catch (error) {
            throw new Error(`${error.message}; expected ${WAIT_FOR_FORM}`);
        }
    }, { kind: 'auto' });
    const waitTimeoutSeconds = field('wait-timeout', (raw) => (0,field_parser/* parseInteger */.cG)(raw, WAIT_TIMEOUT_RANGE), 60);
    const testCommand = read('test-command').trim();
    const testOn = field('test-on', (raw) => {
        if (raw !== 'container' && raw !== 'runner')
            throw new Error(`is "${raw}"; expected container or runner`);
        return raw;
    }, undefined);
    const testUser = field('test-user', (raw) => {
        if (raw !== '' && !USER_PATTERN.test(raw))
            throw new Error(`is "${raw}"; expected a user name or uid, optionally :group or :gid`);
        if (raw !== '' && testOn === 'runner')
            throw new Error(`is set, but ${naming.name('test-on')} is runner; expected it only with ${naming.name('test-on')}: container`);
        return raw;
    }, '');
    const testEnv = field('test-env', (raw) => parseKeyValueLines(raw, vocabulary/* ENV_NAME_PATTERN */.jg), []);
    const testTimeoutSeconds = field('test-timeout', (raw) => (0,field_parser/* parseInteger */.cG)(raw, TEST_TIMEOUT_RANGE), 0);
    const testReports = field('test-reports', (raw) => {
        if (raw !== '' && !raw.startsWith('/'))
            throw new Error(`is "${raw}"; expected an absolute path inside the container, e.g. /app/reports`);
        if (external_node_path_.posix.normalize(raw) === '/')
            throw new Error(`is "${raw}", the container's whole file system; expected the directory the tests write their reports to, e.g. /app/reports`);
        return raw;
    }, '');
    const reportsDir = field('reports-dir', (raw) => {
        if (/[\0\r\n]/.test(raw))
            throw new Error('contains a line break; expected one directory path');
        if (raw === '' || !relativeInside(raw))
            throw new Error(`is "${raw}"; expected a directory relative to the workspace, inside it`);
        return raw;
    }, '');
    if (waitFor.kind === 'exit' && testCommand !== '' && testOn === 'container') {
        problems.push(`${naming.subject('test-on')} is container, but ${naming.name('wait-for')} exit:0 waits until the container has stopped, and a stopped container cannot run a test-command; expected ${naming.name('test-on')}: runner (or no ${naming.name('test-command')}).`);
    }
    const pushRetries = field('push-retries', (raw) => (0,field_parser/* parseInteger */.cG)(raw, PUSH_RETRIES_RANGE), 3);
    const alsoPush = field('also-push', (raw) => (0,field_parser/* nonBlankLines */.n5)(raw).map((line, index) => {
        try {
            return repositoryName('also-push', line);
        }
        catch (error) {
            throw new Error(`line ${index + 1} "${line}" ${error.message}; expected one repository name a line (${image_reference/* IMAGE_NAME_FORM */.Bf})`);
        }
    }), []);
    const registryAuth = (0,field_parser/* registryAuthOf */.BM)(read, problems, 'an earlier docker login is used', naming);
    const envPrefix = field('env-prefix', (raw) => {
        if (raw !== '')
            return (0,field_parser/* parseEnvName */.gh)(raw);
        return image === undefined ? '' : (0,service_env/* defaultEnvPrefix */.nJ)(image);
    }, '');
    const envFile = field('env-file', (raw) => {
        if (/[\0\r\n]/.test(raw))
            throw new Error('contains a line break; expected one file path');
        if (raw !== '' && !relativeInside(raw))
            throw new Error(`is "${raw}"; expected a file path relative to the workspace, inside it`);
        return raw;
    }, '');
    const draft = {
        image,
        deploy,
        context,
        file,
        buildArgs,
        target,
        labels,
        builder,
        buildSecrets,
        cacheFrom,
        cacheTo,
        sha,
        tagLength,
        shaEnv,
        prune,
        pruneKeep,
        pruneGraceSeconds,
        runArgs,
        waitFor,
        waitTimeoutSeconds,
        testCommand,
        testOn: testOn ?? 'container',
        testUser,
        testEnv,
        testTimeoutSeconds,
        testReports,
        reportsDir,
        registryAuth,
        pushRetries,
        alsoPush: alsoPush.filter((mirror, index) => mirror.name !== image?.name && alsoPush.findIndex((other) => other.name === mirror.name) === index),
        envPrefix,
        envFile,
        notices,
    };
    return { draft, problems };
}
/** A relative path that stays below the directory it is relative to (written, before any link is followed). */
function relativeInside(raw) {
    const normal = external_node_path_.normalize(raw);
    return !external_node_path_.isAbsolute(raw) && normal !== '.' && normal !== '..' && !normal.startsWith(`..${external_node_path_.sep}`);
}
function parsePruneMode(raw) {
    if (raw === 'dry-run')
        return 'dry-run';
    try {
        return (0,field_parser/* parseBoolean */.yG)(raw) ? 'on' : 'off';
    }
    catch {
        throw new Error(`is "${raw}"; expected true, false or dry-run`);
    }
}
function parseKeyValueLines(raw, keyPattern) {
    return (0,field_parser/* nonBlankLines */.n5)(raw).map((line, index) => {
        const equals = line.indexOf('=');
        const key = equals === -1 ? line : line.slice(0, equals);
        if (equals === -1 || !keyPattern.test(key)) {
            throw new Error(`line ${index + 1} is "${line}"; expected one KEY=VALUE per line`);
        }
        return { key, value: line.slice(equals + 1) };
    });
}
/** One secret a line: `id=NAME,env=VARIABLE` or `id=NAME,src=PATH`. */
function parseBuildSecrets(raw) {
    return (0,field_parser/* nonBlankLines */.n5)(raw).map((line, index) => {
        const fields = new Map(line.split(',').map((part) => {
            const equals = part.indexOf('=');
            return [part.slice(0, equals).trim(), part.slice(equals + 1).trim()];
        }));
        const id = fields.get('id') ?? '';
        const env = fields.get('env');
        const src = fields.get('src');
        const known = [...fields.keys()].every((key) => key === 'id' || key === 'env' || key === 'src');
        if (!known ||
            !/^[A-Za-z0-9_.-]+$/.test(id) ||
            (env === undefined) === (src === undefined) ||
            env === '' ||
            src === '') {
            throw new Error(`line ${index + 1} is "${line}"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH`);
        }
        return { id, source: env !== undefined ? { env } : { src: src ?? '' } };
    });
}
/**
 * Reads, masks and validates the inputs, then checks what they name outside docker: the build context, the
 * Dockerfile, each build secret's source, the paths written. Every problem at once; nothing is touched.
 */
function readInputs(read, { env, mask, naming = field_parser/* ACTION_NAMING */._C, workspace }) {
    const password = (0,field_parser/* registryPassword */.JX)(read('registry-password'));
    if (password !== '')
        mask(password);
    const { draft: inputs, problems } = draftInputs(read, naming);
    if (!(0,external_node_fs_.existsSync)(inputs.context) || !(0,external_node_fs_.statSync)(inputs.context).isDirectory()) {
        problems.push(`${naming.subject('context')} is "${inputs.context}", which is not a directory; expected the build context directory.`);
    }
    else if (!(0,external_node_fs_.existsSync)(inputs.file)) {
        problems.push(`${naming.subject('file')}: ${inputs.file} does not exist; expected the path of a Dockerfile (default: Dockerfile in the context).`);
    }
    for (const secret of inputs.buildSecrets) {
        if ('env' in secret.source) {
            const value = env[secret.source.env];
            if (value === undefined || value === '')
                problems.push(`${naming.subject('build-secrets')}: secret ${secret.id} reads the environment variable ${secret.source.env}, which is not set; expected it in the environment.`);
            else
                mask(value);
        }
        else if (!(0,external_node_fs_.existsSync)(secret.source.src)) {
            problems.push(`${naming.subject('build-secrets')}: secret ${secret.id} reads the file ${secret.source.src}, which does not exist.`);
        }
    }
    const written = (name, raw) => {
        const checked = (0,workspace_path/* workspacePath */.X5)(workspace, raw);
        if ('path' in checked)
            return checked.path;
        problems.push(`${naming.subject(name)} ${checked.problem}.`);
        return '';
    };
    // Only a path that parsed (not '') is followed on disk: one problem an input.
    if (inputs.testReports !== '' && inputs.reportsDir !== '')
        written('reports-dir', inputs.reportsDir);
    // Resolved once, here: against the workspace (the action's and the CLI's working directory).
    const envFile = inputs.envFile === '' ? '' : written('env-file', inputs.envFile);
    if (envFile !== '' && inputs.image !== undefined) {
        const problem = envFileProblem(envFile, inputs.envPrefix, inputs.image.name);
        if (problem !== undefined)
            problems.push(`${naming.subject('env-file')} ${problem}.`);
    }
    return completed({ ...inputs, envFile }, problems);
}
/** What stops the record from going into `file`: a directory there, or another image's group of the same prefix. */
function envFileProblem(file, prefix, image) {
    if (!(0,external_node_fs_.existsSync)(file))
        return undefined;
    if ((0,external_node_fs_.statSync)(file).isDirectory())
        return `is ${file}, which is a directory; expected a file path`;
    const named = (0,service_env/* envFileImage */.Ho)((0,external_node_fs_.readFileSync)(file, 'utf8'), prefix);
    if (named !== undefined && !(0,service_env/* sameRepository */.RB)(named, image))
        return `${file} has ${prefix}_IMAGE=${named} already, another image under the same prefix; expected an env-prefix of its own for ${image}`;
    return undefined;
}

// EXTERNAL MODULE: ./src/docker/docker-engine.ts + 4 modules
var docker_engine = __webpack_require__(7266);
// EXTERNAL MODULE: ./src/process/children.ts
var children = __webpack_require__(1414);
;// CONCATENATED MODULE: ./src/loop/background.ts
/**
 * Work off the loop's critical path (the build's tidying): deferred until start(), then run beside the next
 * phases; finish() starts what still waits and waits for all of it, before the run ends. The work never rejects.
 */
class BackgroundWork {
    waiting = [];
    running = [];
    defer(work) {
        this.waiting.push(work);
    }
    start() {
        for (const work of this.waiting.splice(0))
            this.running.push(work());
    }
    async finish() {
        this.start();
        await Promise.all(this.running);
    }
}

// EXTERNAL MODULE: ./src/process/command-log.ts
var command_log = __webpack_require__(1207);
// EXTERNAL MODULE: ./src/loop/cleanup.ts
var cleanup = __webpack_require__(4978);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/loop/image-layers.ts

// What removing images frees when they do not know their parent (BuildKit builds, the containerd image
// store, pulled and imported images): the layers no remaining image uses. Pure, so it is tested table-driven.
/** A layer's identity with everything under it (OCI chain id): equal chain ids are one layer on disk. */
function chainIds(diffIds) {
    const chain = [];
    for (const diffId of diffIds) {
        const below = chain.at(-1);
        chain.push(below === undefined ? diffId : `sha256:${(0,external_node_crypto_.createHash)('sha256').update(`${below} ${diffId}`).digest('hex')}`);
    }
    return chain;
}
// Instructions that change only the image config: their steps carry no layer (classic: `#(nop) LABEL …`).
const METADATA_ONLY = /^(?:\/bin\/sh -c #\(nop\)\s+)?(?:LABEL|ENV|CMD|ENTRYPOINT|EXPOSE|HEALTHCHECK|USER|ARG|ONBUILD|STOPSIGNAL|SHELL|VOLUME|MAINTAINER)\b/;
/**
 * The bytes of each of an image's `layerCount` layers, bottom first, from its history (oldest first); undefined
 * when they cannot be placed. The history has a step per instruction, layer or not, and no flag says which:
 * a step with bytes is a layer, a metadata-only instruction is not, and the rest (RUN, COPY, WORKDIR) are
 * layers that may be empty. Too many of those is fine while they all sit above the last layer with bytes.
 */
function layerSizes(layerCount, steps) {
    const candidates = steps
        .filter((step) => step.size > 0 || !METADATA_ONLY.test(step.createdBy.trim()))
        .map((step) => step.size);
    if (candidates.length === layerCount)
        return candidates;
    const placed = candidates.slice(0, candidates.findLastIndex((size) => size > 0) + 1);
    if (candidates.length < layerCount || placed.length > layerCount || placed.some((size) => size === 0))
        return undefined;
    return [...placed, ...Array(layerCount - placed.length).fill(0)];
}
/** Sizes by chain id of the layer an image ends in: any image ending there has the same layers, so the same size. */
function sizesByTopLayer(images) {
    const sizes = new Map();
    for (const image of images) {
        const top = chainIds(image.layers).at(-1);
        if (top !== undefined)
            sizes.set(top, image.size);
    }
    return sizes;
}
/** Every layer (chain id) the images use. */
function layersInUse(images) {
    return new Set(images.flatMap((image) => chainIds(image.layers)));
}
/** The base of what removing `image` frees, given the layers still in use (or counted) and the sizes images tell. */
function freedBase(image, kept, sizes) {
    const chain = chainIds(image.layers);
    for (let index = chain.length - 2; index >= 0; index--) {
        const chainId = chain[index] ?? '';
        if (kept.has(chainId) || sizes.has(chainId))
            return { from: index + 1, bytes: sizes.get(chainId) };
    }
    return { from: 0, bytes: 0 };
}
/**
 * The base of each removed image that frees anything (by id), each layer counted once: an image sharing
 * freed layers with one before it frees only what lies above them.
 */
function freedBases(deleted, remaining) {
    const kept = layersInUse(remaining);
    const sizes = sizesByTopLayer([...remaining, ...deleted]);
    const bases = new Map();
    for (const image of deleted) {
        const chain = chainIds(image.layers);
        if (chain.length === 0 || kept.has(chain.at(-1) ?? ''))
            continue;
        const base = freedBase(image, kept, sizes);
        bases.set(image.id, base);
        for (const chainId of chain.slice(base.from))
            kept.add(chainId);
    }
    return bases;
}
/**
 * Bytes freed by removing `deleted` while `remaining` stay: an image's size less its base's, or where no
 * image tells the base, its history's layer sizes (`historySizes` by image id, as layerSizes gives them)
 * above it; not known: 0.
 */
function freedBytes(deleted, remaining, historySizes) {
    const bases = freedBases(deleted, remaining);
    let total = 0;
    for (const image of deleted) {
        const base = bases.get(image.id);
        if (base === undefined)
            continue;
        total +=
            base.bytes !== undefined
                ? Math.max(0, image.size - base.bytes)
                : (historySizes.get(image.id) ?? []).slice(base.from).reduce((sum, bytes) => sum + bytes, 0);
    }
    return total;
}
/**
 * Whether `deletedIds` (the ids a graph driver's `docker image rm` printed) hold every layer that removing
 * `deleted` frees while `remaining` stay: then the engine deleted them, so no other image used them.
 */
function engineDeletedAll(deleted, remaining, deletedIds) {
    const bases = freedBases(deleted, remaining);
    return deleted.every((image) => {
        const base = bases.get(image.id);
        return (base === undefined ||
            chainIds(image.layers)
                .slice(base.from)
                .every((chainId) => deletedIds.has(chainId)));
    });
}

;// CONCATENATED MODULE: ./src/loop/prune.ts


/** Many images are inspected and removed in this many calls side by side (docker processes or API connections). */
const PARALLEL_CALLS = 4;
/**
 * Through the API, the containerd image store serves many more side by side: each removal waits on a commit of
 * its metadata, which it makes for many at once (docs/adr/0005-prune-side-by-side-on-the-containerd-store.md).
 */
const CONTAINERD_API_CONNECTIONS = 32;
/** How many calls the prune makes side by side on this image store: API connections and docker processes. */
function pruneParallelism(store) {
    return {
        connections: store.kind === 'containerd' ? CONTAINERD_API_CONNECTIONS : PARALLEL_CALLS,
        processes: PARALLEL_CALLS,
    };
}
/** Up to this many: inspected and removed in one call each (removed in order); the classic builder's histories read up front. */
const SEQUENTIAL_UP_TO = 8;
/** Which tags and dangling images go, and why the others stay. Pure: the engine's view comes in as data. */
function planPrune(images, containers, policy) {
    const usedBy = new Map();
    for (const container of containers)
        usedBy.set(container.imageId, [...(usedBy.get(container.imageId) ?? []), container.name]);
    const parents = new Set(images.map((image) => image.parent).filter((parent) => parent !== ''));
    const prefix = `${policy.repository}:`;
    const staleTags = images
        .flatMap((image) => image.repoTags
        .filter((ref) => ref.startsWith(prefix))
        .map((ref) => ({ ref, tag: ref.slice(prefix.length), image })))
        .filter(({ tag }) => !policy.keepTags.has(tag))
        .sort((a, b) => b.image.created.localeCompare(a.image.created) || a.ref.localeCompare(b.ref));
    const dangling = images.filter((image) => image.repoTags.length === 0 && !parents.has(image.id) && image.labels[vocabulary/* REPOSITORY_LABEL */.S] === policy.repository);
    const remove = [];
    const kept = [];
    const decide = (ref, image, extraReason) => {
        const containersUsing = usedBy.get(image.id);
        const taggedSecondsAgo = (policy.now.getTime() - Date.parse(image.lastTagTime)) / 1000;
        if (containersUsing !== undefined)
            kept.push({ ref, reason: `used by container ${containersUsing.join(', ')}` });
        else if (extraReason !== undefined)
            kept.push({ ref, reason: extraReason });
        else if (taggedSecondsAgo >= 0 && taggedSecondsAgo < policy.graceSeconds)
            kept.push({
                ref,
                reason: `tagged ${Math.round(taggedSecondsAgo)} s ago, within prune-grace (a concurrent run's image?)`,
            });
        else
            remove.push(ref);
    };
    staleTags.forEach(({ ref, image }, index) => decide(ref, image, index < policy.keepNewest ? `one of the ${policy.keepNewest} newest (prune-keep)` : undefined));
    for (const image of dangling)
        decide(image.id, image, undefined);
    return { remove, kept };
}
/**
 * Bytes each image that knows its parent (the classic builder's) holds in its own layer, which `docker
 * image rm` frees with it: the step sizes of the histories read (of the candidates, or of their parents),
 * else an image's size less its parent's. Images without a parent: see image-layers.ts.
 */
function ownLayerSizes(images, histories) {
    const sizes = new Map();
    for (const steps of histories.values())
        for (const step of steps)
            if (step.id.startsWith('sha256:'))
                sizes.set(step.id, step.size);
    for (const image of images.filter((candidate) => !sizes.has(candidate.id) && candidate.parent !== '')) {
        const parentSteps = histories.get(image.parent);
        if (parentSteps !== undefined)
            sizes.set(image.id, Math.max(0, image.size - parentSteps.reduce((total, step) => total + step.size, 0)));
    }
    return sizes;
}
/** Images with the same layers have the same layer sizes: one of each (its id), whose history tells them. */
function oneImagePerChain(images) {
    const chains = new Map();
    for (const image of images)
        if (!chains.has(image.layers.join(' ')))
            chains.set(image.layers.join(' '), image.id);
    return chains;
}
/** Bytes reclaimed by deleting these images: what their own layers held. */
function reclaimedBytes(deletedIds, ownSizes) {
    let total = 0;
    for (const id of new Set(deletedIds))
        total += ownSizes.get(id) ?? 0;
    return total;
}
/** The calls `items` go in: one for a few, `parallel` side by side for many. */
function callsFor(items, parallel) {
    return items.length <= SEQUENTIAL_UP_TO ? [items] : chunk(items, parallel);
}
/** Up to `parts` runs of near-equal length, in order. */
function chunk(items, parts) {
    const size = Math.ceil(items.length / Math.max(1, parts));
    const chunks = [];
    for (let start = 0; start < items.length; start += size)
        chunks.push(items.slice(start, start + size));
    return chunks;
}
/**
 * Removed side by side, images sharing an untagged parent can each leave it to the other: the ancestors
 * of removed images that are now dangling (untagged, childless) and still there. One sequential
 * `docker image rm` would have removed them with their children.
 */
function orphanedAncestors(ancestorIds, danglingNow, deletedIds) {
    return danglingNow.filter((id) => ancestorIds.has(id) && !deletedIds.has(id));
}
/**
 * Inspected images. The engine answers one image after the other: many go in a few calls side by side. Images
 * can vanish between the listing and this (another job's prune): the inspect goes on without them.
 */
async function inspectImages(calls, ids) {
    const parts = await Promise.all(callsFor(ids, calls.parallel).map((part) => calls.inspect(part)));
    return { images: parts.flatMap((part) => part.images), complete: parts.every((part) => part.complete) };
}
async function containerImages(calls, ids) {
    if (ids.length === 0)
        return [];
    return (await Promise.all(callsFor(ids, calls.parallel).map((part) => calls.containers(part)))).flat();
}
/** Image histories (each image's and its ancestors' own layer sizes: what may go with it, and how big it is). */
async function histories(engine, ids) {
    const read = await Promise.all(ids.map(async (id) => [id, await engine.imageHistory(id)]));
    return new Map(read.filter((entry) => entry[1] !== undefined));
}
/** Every image on the engine (read only); undefined when docker cannot tell. */
async function allImages(engine, calls) {
    const ids = await engine.imageIds();
    if (ids === undefined)
        return undefined;
    if (ids.length === 0)
        return [];
    const inspected = await inspectImages(calls, ids).catch(() => undefined);
    return inspected?.complete === true ? inspected.images : undefined;
}
/** A graph driver's `docker image rm` names each layer it deleted (`Deleted: <chain id>`); the containerd store's does not. */
function namesDeletedLayers(store) {
    return store.kind === 'graphdriver';
}
/**
 * Bytes the removed parentless images freed: the layers no image uses any more. The repository's own images
 * that stay often hold all of them (a new commit of an unchanged Dockerfile): then nothing else is read. Where
 * the engine named every layer it deleted and those are all the images could free, no other image used them
 * either. Otherwise the rest of the engine, as the removal left it, tells (slow on the containerd store); when
 * it cannot be read, those layers count as 0 rather than too much.
 */
async function parentlessFreed(engine, calls, removed, staying, removal) {
    const left = staying.filter((image) => !removal.deleted.has(image.id));
    if (freedBases(removed, left).size === 0)
        return 0;
    if (removal.namesDeletedLayers && engineDeletedAll(removed, left, removal.deleted))
        return freedBytes(removed, left, removal.historySizes);
    const remaining = await allImages(engine, calls);
    return remaining === undefined ? 0 : freedBytes(removed, remaining, removal.historySizes);
}
/**
 * Three listings side by side; read only and by the repository's name alone, so it can start with the engine
 * check (`stop`: when that fails, an engine that never answers would hold these forever).
 */
async function listForPrune(engine, repository, stop) {
    const started = performance.now();
    const [tags, dangling, containers] = await Promise.all([
        engine.repositoryTags(repository, stop),
        engine.danglingImages({ key: vocabulary/* REPOSITORY_LABEL */.S, value: repository }, stop),
        engine.containerIds(stop),
    ]);
    return { tags, dangling, containers, seconds: (performance.now() - started) / 1000 };
}
/**
 * Removes the stale tags of the repository and the dangling images it left behind; layers still used
 * by the kept tags (the build cache) stay. Only this repository's images are ever removed: from its listing
 * (listForPrune), an inspect of the candidates, then the removals (and, for images that do not know their
 * parent, what their removal freed: see parentlessFreed).
 */
async function pruneImages(engine, mode, policy, facts, listing, reporter) {
    reporter.info(`Listed ${listing.tags.length} tags, ${listing.dangling.length} labelled untagged images and ${listing.containers.length} containers in ${listing.seconds.toFixed(3)} s, beside the engine check.`);
    const listed = listing.tags;
    const staleIds = listed.filter(({ tag }) => !policy.keepTags.has(tag)).map(({ id }) => id);
    const candidateIds = [...new Set([...staleIds, ...listing.dangling])];
    if (candidateIds.length === 0) {
        reporter.info(`Nothing of ${policy.repository} to remove.`);
        return { removed: [], kept: [], reclaimedBytes: 0, dryRun: mode === 'dry-run' };
    }
    // The way to the engine for the calls made by the hundred (its API or the CLI): closed once done.
    const calls = await engine.imageCalls(pruneParallelism(facts.imageStore));
    reporter.info(`Inspecting${mode === 'dry-run' ? '' : ' and removing'} through ${calls.via}.`);
    try {
        return await pruneCandidates({ mode, policy, engine, facts, listing, reporter }, candidateIds, calls);
    }
    finally {
        calls.close();
    }
}
/** pruneImages, once there are candidates: their inspect, the plan, the removals and the bytes they freed. */
async function pruneCandidates({ mode, policy, engine, facts, listing, reporter }, candidateIds, calls) {
    const listed = listing.tags;
    const candidates = new Set(candidateIds);
    // The repository's images that stay (`:latest`, the tag being built), inspected with the candidates: when
    // they hold every layer of what goes, nothing else on the engine need be read for the bytes.
    const stayingIds = [...new Set(listed.map(({ id }) => id))].filter((id) => !candidates.has(id));
    // A few of the classic builder's candidates: their histories (for the bytes) are read alongside. Otherwise
    // only what the inspect shows is needed: the parents' histories, and those of bases no image's size places.
    const historiesUpFront = candidateIds.length <= SEQUENTIAL_UP_TO && mode !== 'dry-run' && facts.buildsRecordParents;
    const [inspected, containers, candidateHistories] = await Promise.all([
        inspectImages(calls, [...candidateIds, ...stayingIds]).then(({ images: found }) => found),
        containerImages(calls, listing.containers),
        historiesUpFront ? histories(engine, candidateIds) : undefined,
    ]);
    const images = inspected.filter((image) => candidates.has(image.id));
    const plan = planPrune(images, containers, { ...policy, now: new Date() });
    for (const { ref, reason } of plan.kept)
        reporter.info(`Kept ${ref}: ${reason}.`);
    if (plan.remove.length === 0) {
        reporter.info(`Nothing of ${policy.repository} to remove.`);
        return { removed: [], kept: plan.kept, reclaimedBytes: 0, dryRun: mode === 'dry-run' };
    }
    if (mode === 'dry-run') {
        reporter.info(`Dry run: would remove ${plan.remove.length}: ${plan.remove.join(', ')}`);
        return { removed: plan.remove, kept: plan.kept, reclaimedBytes: 0, dryRun: true };
    }
    const removing = new Set(plan.remove);
    const going = images.filter((image) => removing.has(image.id) || image.repoTags.some((ref) => removing.has(ref)));
    // Images that do not know their parent (BuildKit's, the containerd store's, imports) and lose every tag
    // free the layers no other image uses: see parentlessFreed.
    const parentless = going.filter((image) => image.parent === '' &&
        image.layers.length > 0 &&
        (removing.has(image.id) || image.repoTags.every((ref) => removing.has(ref))));
    const parentlessIds = new Set(parentless.map((image) => image.id));
    const knownStaying = inspected.filter((image) => !parentlessIds.has(image.id));
    // A history is read only where no image's size tells where the freed layers start.
    const bases = freedBases(parentless, knownStaying);
    const unplaced = oneImagePerChain(parentless.filter((image) => bases.has(image.id) && bases.get(image.id)?.bytes === undefined));
    const [layers, chainHistories] = await Promise.all([
        candidateHistories ??
            histories(engine, [...new Set(going.map((image) => image.parent).filter((parent) => parent !== ''))]),
        candidateHistories ?? histories(engine, [...unplaced.values()]),
    ]);
    // A few removals in one call run in order, as the seed's loop; many run side by side, which the engine does faster.
    const parts = callsFor(plan.remove, calls.parallel);
    const removals = await Promise.all(parts.map((refs) => calls.remove(refs)));
    const deleted = new Set(removals.flatMap((removal) => removal.deleted));
    const refused = removals.flatMap((removal) => (removal.refused === undefined ? [] : [removal.refused]));
    const ancestors = new Set([...layers.values()].flatMap((steps) => steps.map((step) => step.id)).filter((id) => !candidates.has(id)));
    if (parts.length > 1 && ancestors.size > 0) {
        const orphans = orphanedAncestors(ancestors, await engine.danglingImages(), deleted);
        if (orphans.length > 0) {
            const sweep = await calls.remove(orphans);
            for (const id of sweep.deleted)
                deleted.add(id);
            if (sweep.refused !== undefined)
                refused.push(sweep.refused);
        }
    }
    let removed = plan.remove;
    if (refused.length > 0) {
        // docker removes what it can; what a container started using meanwhile is refused, never forced.
        reporter.warning(`Some images of ${policy.repository} were not removed: ${refused.join('\n')}`);
        const [tagsLeft, danglingLeft] = await Promise.all([
            engine.repositoryTags(policy.repository),
            engine.danglingImages({ key: vocabulary/* REPOSITORY_LABEL */.S, value: policy.repository }),
        ]);
        const left = new Set([...tagsLeft.map(({ tag }) => `${policy.repository}:${tag}`), ...danglingLeft]);
        removed = plan.remove.filter((ref) => !left.has(ref));
    }
    const historySizes = new Map(parentless.map((image) => {
        const steps = chainHistories.get(unplaced.get(image.layers.join(' ')) ?? image.id) ?? [];
        return [image.id, layerSizes(image.layers.length, [...steps].reverse())];
    }));
    const freed = await parentlessFreed(engine, calls, parentless.filter((image) => deleted.has(image.id)), [...knownStaying, ...parentless.filter((image) => !deleted.has(image.id))], { deleted, historySizes, namesDeletedLayers: namesDeletedLayers(facts.imageStore) });
    const bytes = reclaimedBytes([...deleted].filter((id) => !parentlessIds.has(id)), ownLayerSizes(images, layers)) + freed;
    reporter.info(`Removed ${removed.length} (${bytes} bytes reclaimed): ${removed.join(', ')}`);
    return { removed, kept: plan.kept, reclaimedBytes: bytes, dryRun: false };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/docker/engine-facts.ts
var engine_facts = __webpack_require__(7206);
;// CONCATENATED MODULE: ./src/shared/write-whole.ts

/**
 * Writes `text` to a file beside `file`, then renames it over `file`: a reader never sees half of it, and a
 * failure leaves the old file as it was (and no temporary one).
 */
async function writeWhole(file, text) {
    const next = `${file}.${process.pid}.tmp`;
    try {
        await (0,promises_.writeFile)(next, text);
        await (0,promises_.rename)(next, file);
    }
    catch (error) {
        await (0,promises_.rm)(next, { force: true });
        throw error;
    }
}

// EXTERNAL MODULE: ./src/docker/build-args.ts
var build_args = __webpack_require__(1936);
// EXTERNAL MODULE: ./src/docker/build-progress.ts
var build_progress = __webpack_require__(454);
// EXTERNAL MODULE: ./src/docker/output.ts
var output = __webpack_require__(7807);
;// CONCATENATED MODULE: ./src/loop/build.ts






/** The OCI labels the action sets; the user's `labels` come after and may add to them. */
function ociLabels(source, extra) {
    return [
        { key: vocabulary/* REVISION_LABEL */.P1, value: source.sha },
        { key: 'org.opencontainers.image.created', value: source.created },
        ...(source.sourceUrl === undefined ? [] : [{ key: 'org.opencontainers.image.source', value: source.sourceUrl }]),
        ...extra,
    ];
}
/** What must hold of the built image, or it is not what we claim to ship. */
function stampProblems(env, labels, shaEnv, sha) {
    const problems = [];
    const value = (0,output/* envValue */.$R)(env, shaEnv);
    if (value !== sha)
        problems.push(`env ${shaEnv} is ${value === undefined ? 'missing' : `"${value}"`}, expected ${sha}`);
    if (labels[vocabulary/* REVISION_LABEL */.P1] !== sha)
        problems.push(`label ${vocabulary/* REVISION_LABEL */.P1} is ${labels[vocabulary/* REVISION_LABEL */.P1] === undefined ? 'missing' : `"${labels[vocabulary/* REVISION_LABEL */.P1]}"`}, expected ${sha}`);
    return problems;
}
/** The build failed for lack of disk on the engine: say so plainly. */
function diskFullMessage(output) {
    return /no space left on device/i.test(output)
        ? 'The Docker engine ran out of disk space during the build (no space left on device); nothing was tagged. Free space on the engine (e.g. docker system prune) or give it a larger disk.'
        : undefined;
}
/**
 * The stamp's FROM is the build as a named context (bake's `target:`), which BuildKit knows from 0.10 on; the
 * BuildKit inside Docker Engine 20.10, which buildx's docker driver builds with, is older.
 */
function namedContextsMissingMessage(output) {
    return /unsupported frontend capability moby\.buildkit\.frontend\.contexts/.test(output)
        ? "The builder's BuildKit is too old for the stamp: it lacks named contexts (BuildKit 0.10 or later), and the stamp builds FROM your build as one; nothing was tagged. buildx's docker driver uses the engine's own BuildKit, which on Docker Engine 20.10 is older: update the engine, make a builder of the docker-container driver the current one (docker buildx create --use), or remove buildx to build with the classic builder."
        : undefined;
}
/**
 * A failed build says why: a full disk or a BuildKit too old plainly, else docker's own last lines, with the
 * failing step's own last lines of output (which linter, which line), on every builder.
 */
function buildError(failure) {
    const plain = diskFullMessage(failure.log) ?? namedContextsMissingMessage(failure.log);
    if (plain !== undefined)
        return new Error(plain);
    const step = failure.failedStep;
    if (step === undefined || step.output.length === 0)
        return new Error(failure.error);
    return new Error(`${failure.error}\nThe last ${step.output.length} line(s) of ${step.name}:\n${step.output.map((line) => `  ${line}`).join('\n')}`);
}
/**
 * On the containerd image store two builds at once race to create the same image record (the build target's
 * `moby-dangling@<digest>`, or a tag both write, such as `:latest`) and the second fails (Docker 26.1): the name.
 */
function imageRecordRace(output) {
    return /image "([^"\s]+)": already exists/.exec(output)?.[1];
}
/** buildx refused a cache export this builder cannot do (a driver it could not tell beforehand). */
function cacheExportRefused(output) {
    return /cache export (?:is not supported|feature is currently not supported)/i.test(output);
}
/**
 * Builds the user's Dockerfile, then stamps the result with the sha env and the labels and tags it,
 * in one metadata-only step (cached when nothing changed). Nothing is tagged until both succeeded.
 */
async function buildImage(engine, request, reporter) {
    const built = request.builder.kind === 'buildx'
        ? await bake(engine, request, request.builder, reporter)
        : await classicBuild(engine, request, reporter);
    const tidy = built.tidy ?? (() => Promise.resolve());
    try {
        // The id as the engine names the image (on the containerd image store, the manifest digest).
        const details = await engine.inspectImage(request.tags[0] ?? '');
        const problems = stampProblems(details.env, details.labels, request.shaEnv, request.sha);
        if (problems.length > 0)
            throw new Error(`The built image ${details.id} does not carry the commit: ${problems.join('; ')}.`);
        return {
            imageId: details.id,
            healthcheck: details.healthcheck,
            shell: details.shell ?? [],
            cache: built.cache,
            tidy,
        };
    }
    catch (error) {
        await tidy();
        throw error;
    }
}
/**
 * The classic builder's `--cache-from` can restore a step from a cached image of another chain with the probe's
 * config as the image's (Docker 20.10): its CMD then reads `/bin/sh -c "#(nop) " …`, which runs nothing.
 */
function brokenByCacheRestore(cmd) {
    return cmd[0] === '/bin/sh' && cmd[1] === '-c' && cmd[2]?.startsWith('#(nop)') === true;
}
/** The classic builder: pull the cache sources, build, then stamp `FROM <id>`. */
async function classicBuild(engine, request, reporter) {
    const sources = [];
    for (const ref of request.cache.pull) {
        // A cache source that is missing, unreachable or refused is a miss: the build goes on.
        const pulled = await engine.pullImage(ref);
        sources.push(pulled.ok
            ? { source: ref, found: true, reason: undefined }
            : { source: ref, found: false, reason: (0,loop_cache/* cacheMissReason */.$x)(pulled.error) });
    }
    // Only what came from the registry: the engine's own images are its cache without --cache-from.
    const pulled = sources.filter((source) => source.found === true).map((source) => source.source);
    const build = async (cacheFrom) => {
        const built = await engine.classicBuild({ ...request, cacheFrom });
        if (!built.ok)
            throw buildError(built);
        return built;
    };
    let built = await build(pulled);
    if (pulled.length > 0) {
        const { cmd } = await engine.inspectImage(built.imageId);
        if (brokenByCacheRestore(cmd)) {
            reporter.warning(`cache: the classic builder restored a step from ${pulled.join(', ')} with a broken config (CMD ${JSON.stringify(cmd)}); building again without --cache-from.`);
            built = await build([]);
        }
    }
    const stamped = await engine.classicStamp(request.tags, (0,build_args/* stampDockerfile */.ev)(built.imageId, request.shaEnv, request.sha, request.labels));
    if (!stamped.ok)
        throw buildError(stamped);
    return {
        cache: {
            sources,
            stepsReused: built.steps.filter((step) => step.cached).length,
            stepsRun: built.steps.filter((step) => !step.cached).length,
            exportedTo: [],
        },
    };
}
/** BuildKit: the user's Dockerfile and the stamp in one bake (see bakeDefinition). */
async function bake(engine, request, builder, reporter) {
    const context = external_node_path_.resolve(request.context);
    const bakeOnce = async (cacheTo) => {
        const progress = new build_progress/* BuildProgress */.e();
        const options = {
            ...request,
            context,
            file: external_node_path_.resolve(request.file),
            stampDockerfile: (0,build_args/* stampDockerfile */.ev)(build_args/* STAMP_BASE */.Ax, request.shaEnv, request.sha, request.labels),
            // The stamp reads nothing of it; a context of its own would put a per-run key into the inline cache,
            // and with it a new image id for every build of one commit.
            stampContext: context,
            cacheFrom: request.cache.from,
            cacheTo,
            fsEntitlements: builder.fsEntitlements,
        };
        return { result: await engine.bake(options, builder.name, progress), progress };
    };
    let cacheTo = request.cache.to;
    let { result, progress } = await bakeOnce(cacheTo);
    if (!result.ok && cacheTo.length > 0 && cacheExportRefused(result.stderr)) {
        // An optimisation never fails the build: build again, exporting no cache.
        reporter.warning(`cache: the builder cannot export the cache (${result.stderr.trim().split('\n').pop() ?? ''}); building without cache-to.`);
        cacheTo = [];
        ({ result, progress } = await bakeOnce(cacheTo));
    }
    // A third build at once can win the second race too; past that it is not a race.
    for (let retry = 0; retry < 2 && !result.ok; retry++) {
        const name = imageRecordRace(result.stderr);
        if (name === undefined)
            break;
        reporter.info(`Another build wrote the image record ${name} at that moment; building again (from the cache).`);
        ({ result, progress } = await bakeOnce(cacheTo));
    }
    if (!result.ok)
        throw buildError(result);
    const { digests } = result;
    const steps = progress.steps();
    const imports = new Map(progress.cacheImports().map((tried) => [tried.ref, tried]));
    return {
        cache: {
            sources: request.cache.from.map((spec) => {
                const ref = (0,loop_cache/* registryRef */.l7)(spec);
                const tried = ref === undefined ? undefined : imports.get(ref);
                // BuildKit names only registry imports; whether a gha or local source held anything, it does not say.
                if (tried === undefined)
                    return { source: ref ?? spec, found: undefined, reason: undefined };
                return tried.error === undefined
                    ? { source: tried.ref, found: true, reason: undefined }
                    : { source: tried.ref, found: false, reason: (0,loop_cache/* cacheMissReason */.$x)(tried.error) };
            }),
            stepsReused: steps.filter((step) => step.cached).length,
            stepsRun: steps.filter((step) => !step.cached).length,
            exportedTo: cacheTo,
        },
        tidy: () => removeBuildTargetImage(engine, digests).catch((error) => reporter.info(`The build target's untagged image stays: ${error.message}`)),
    };
}
/** The docker driver writes the build target's result as an untagged image too: it goes, unless something names it. */
async function removeBuildTargetImage(engine, digests) {
    const digest = digests[build_args/* BAKE_BUILD_TARGET */.xC];
    if (digest === undefined || digest === digests[build_args/* BAKE_STAMP_TARGET */.k3])
        return;
    const image = await engine.findImage(digest).catch(() => undefined);
    if (image === undefined || image.repoTags.length > 0)
        return;
    await engine.removeImages([digest]);
}

;// CONCATENATED MODULE: ./src/loop/health-cadence.ts

// An image's HEALTHCHECK keeps its own cadence (Docker's default: the first check 30 s after the start), so a
// service that answers after 1 s would be found healthy after 30. While the container starts, its own check is
// asked every START_INTERVAL_MS instead: by the engine where it can (--health-start-interval, Docker 25 and
// later, so the engine's status, its events and compose's service_healthy agree), else by the action.
const START_INTERVAL_MS = 200;
/** The engine release whose API (1.44) has a health check's start interval. */
const START_INTERVAL_ENGINE = '25.0';
/** run-args that set the health check: the user's own cadence, which wins. */
function setsHealthcheck(runArgs) {
    return runArgs.some((arg) => /^--(?:health-[a-z-]+|no-healthcheck)(?:=|$)/.test(arg));
}
/**
 * When, by the image's own settings, a check that never passes makes the container unhealthy: at the
 * `retries`-th check after its start period (checks come every interval from the start).
 */
function unhealthyAfterMs(check) {
    return (Math.floor(check.startPeriodMs / check.intervalMs) + check.retries) * check.intervalMs;
}
/** The command a health check runs, as `docker exec` would run it: CMD's argv, or CMD-SHELL's in the shell. */
function checkCommand(check, shell) {
    const [kind = '', ...rest] = check.test;
    if (kind === 'CMD-SHELL')
        return [...(shell.length > 0 ? shell : ['/bin/sh', '-c']), rest.join(' ')];
    return rest;
}
/** How the container's health check is asked while it starts: see HealthCadence. */
function planHealthCadence(plan) {
    const { check } = plan;
    if (check === undefined)
        return { kind: 'image', why: 'the image has no health check' };
    if (plan.waitFor.kind !== 'auto' && plan.waitFor.kind !== 'healthy')
        return { kind: 'image', why: `wait-for is ${plan.waitFor.kind}, not its health` };
    if (setsHealthcheck(plan.runArgs))
        return { kind: 'image', why: 'run-args set the health check' };
    const first = check.startIntervalMs > 0 && check.startPeriodMs > 0 ? check.startIntervalMs : check.intervalMs;
    if (first <= START_INTERVAL_MS)
        return { kind: 'image', why: `the image checks every ${first} ms already` };
    const unhealthy = unhealthyAfterMs(check);
    if ((0,engine_facts/* versionAtLeast */.zy)(plan.engineVersion, START_INTERVAL_ENGINE))
        return {
            kind: 'engine',
            check,
            runArgs: [`--health-start-period=${plan.waitTimeoutSeconds}s`, `--health-start-interval=${START_INTERVAL_MS}ms`],
            unhealthyAfterMs: unhealthy,
        };
    return { kind: 'action', check, command: checkCommand(check, plan.shell), unhealthyAfterMs: unhealthy };
}
/** When the image's own cadence would have seen the first passing check of a service ready after `readyMs`. */
function imageCadenceMs(check, readyMs) {
    const every = check.startIntervalMs > 0 && readyMs <= check.startPeriodMs ? check.startIntervalMs : check.intervalMs;
    return Math.max(1, Math.ceil(readyMs / every)) * every;
}
/** `3 retries every 30 s` (and its start period). */
function describeCheck(check) {
    const period = check.startPeriodMs > 0 ? ` after a start period of ${check.startPeriodMs / 1000} s` : '';
    return `${check.retries} retries every ${check.intervalMs / 1000} s${period}`;
}
/** How the verdict was reached, for the log: what asked the check, and how often. */
function describeCadence(cadence) {
    switch (cadence.kind) {
        case 'image':
            return `its health check at the image's own cadence (${cadence.why})`;
        case 'engine':
            return `its health check, asked by the engine every ${START_INTERVAL_MS} ms while it started (--health-start-interval)`;
        case 'action':
            return `its health check, run by the action every ${START_INTERVAL_MS} ms while it started (this engine has no --health-start-interval: Docker 25 or later does)`;
    }
}

// EXTERNAL MODULE: ./src/process/run.ts
var run = __webpack_require__(7212);
;// CONCATENATED MODULE: ./src/loop/commit.ts



async function gitLog(context, revision) {
    try {
        const result = await (0,run/* runCommand */.d)('git', ['-C', context, 'log', '-1', '--format=%H%n%cI', revision, '--'], {
            silent: true,
        });
        const [sha = '', created = ''] = result.stdout.trim().split('\n');
        return result.exitCode === 0 && vocabulary/* SHA_PATTERN */.yw.test(sha)
            ? { sha, created: new Date(created).toISOString() }
            : undefined;
    }
    catch {
        return undefined; // no git on the machine
    }
}
/**
 * The commit the image is built from: the `sha` input, else the commit checked out in the context's
 * work tree (what is really built on pull requests and dispatches of other refs), else GITHUB_SHA.
 */
async function resolveCommit(shaInput, context, githubSha, naming = field_parser/* ACTION_NAMING */._C) {
    if (shaInput !== '') {
        return {
            sha: shaInput,
            created: (await gitLog(context, shaInput))?.created ?? new Date().toISOString(),
            source: 'input',
        };
    }
    const head = await gitLog(context, 'HEAD');
    if (head !== undefined)
        return { ...head, source: 'git' };
    if (githubSha !== undefined && vocabulary/* SHA_PATTERN */.yw.test(githubSha))
        return { sha: githubSha, created: new Date().toISOString(), source: 'GITHUB_SHA' };
    throw new Error(`${naming.subject('sha')} is empty, the context is not in a git work tree, and GITHUB_SHA is ${githubSha === undefined ? 'unset' : `"${githubSha}"`}; expected a full commit sha (40 lowercase hex characters).`);
}

// EXTERNAL MODULE: ./src/loop/container.ts
var container = __webpack_require__(7169);
// EXTERNAL MODULE: ./src/loop/push.ts + 3 modules
var push = __webpack_require__(673);
// EXTERNAL MODULE: ./src/loop/run-report.ts
var run_report = __webpack_require__(8746);
;// CONCATENATED MODULE: ./src/process/streamed.ts



/**
 * Runs a command with its output going to the log as it comes (nothing kept, so long test runs stream),
 * and a time limit that stops it together with everything it started.
 */
function runStreamed(file, args, options) {
    (0,command_log/* commandLog */.a0)().command(options.display);
    const child = (0,run/* spawnTracked */.A)(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    streamOutput(child);
    return superviseStreamed(child, options.timeoutMs);
}
/** Hands a child's output to the command log as it comes. */
function streamOutput(child) {
    const log = (0,command_log/* commandLog */.a0)();
    child.stdout?.on('data', (chunk) => log.output(chunk, 'stdout'));
    child.stderr?.on('data', (chunk) => log.output(chunk, 'stderr'));
}
/** How long output may still come after the command exited, from what it left behind in another session. */
const OUTPUT_AFTER_EXIT_MS = 2000;
/**
 * Waits for a child that leads its own process group; at `timeoutMs` (0: never) kills the whole group. Once
 * it exits, what it left running in its group (a server started with `&`) is killed too, and what still holds
 * its output open from outside the group (`setsid daemon &`) is given OUTPUT_AFTER_EXIT_MS, then cut off.
 */
function superviseStreamed(child, timeoutMs) {
    return new Promise((resolve, reject) => {
        let timedOut = false;
        let exitCode = null;
        let lingering;
        const timer = timeoutMs > 0
            ? setTimeout(() => {
                timedOut = true;
                (0,children/* killChild */.fH)(child);
            }, timeoutMs)
            : undefined;
        child.on('error', (error) => {
            clearTimeout(timer);
            clearTimeout(lingering);
            reject(error);
        });
        child.once('exit', (code) => {
            clearTimeout(timer);
            exitCode = code;
            (0,children/* killChild */.fH)(child);
            lingering = setTimeout(() => {
                child.stdout?.destroy();
                child.stderr?.destroy();
            }, OUTPUT_AFTER_EXIT_MS);
        });
        child.once('close', (code) => {
            clearTimeout(timer);
            clearTimeout(lingering);
            resolve({ exitCode: code ?? exitCode, timedOut });
        });
    });
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/loop/wait-ready.ts



const LOG_TAIL_LINES = 100;
const PROBE_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 2000;
// docker-proxy accepts a connection on the published port even when nothing listens inside, then
// closes it: a connection still open (or answering) after this long reached the service.
const TCP_SETTLE_MS = 100;
/** What ready means for this container: `auto` is healthy with a healthcheck, else running. */
function resolveCondition(waitFor, state) {
    if (waitFor.kind === 'auto')
        return state.health === undefined ? { kind: 'running' } : { kind: 'healthy' };
    return waitFor;
}
function describeCondition(condition) {
    switch (condition.kind) {
        case 'healthy':
        case 'running':
            return condition.kind;
        case 'http':
            return `answering GET :${condition.port}${condition.path} with ${condition.status ?? '2xx'}`;
        case 'tcp':
            return `accepting connections on :${condition.port}`;
        case 'log':
            return `logging a line matching /${condition.pattern.source}/`;
        case 'exit':
            return 'exited with code 0';
    }
}
const READY = { ready: true };
/** What the container's current state says: a verdict, or undefined while it is still coming up. */
function verdictFromState(state, condition) {
    if (state.status === 'exited' || state.status === 'dead') {
        return condition.kind === 'exit' && state.exitCode === 0
            ? READY
            : { ready: false, reason: exitReason(state.exitCode, state.oomKilled) };
    }
    if (condition.kind === 'healthy' && state.health === undefined) {
        return {
            ready: false,
            reason: 'has no healthcheck, but wait-for is healthy (add a HEALTHCHECK or --health-cmd, or choose another wait-for)',
        };
    }
    if (state.status !== 'running')
        return undefined; // created, restarting, paused
    if (condition.kind !== 'exit' && state.health?.status === 'unhealthy')
        return { ready: false, reason: 'is unhealthy' };
    if (condition.kind === 'running')
        return READY;
    if (condition.kind === 'healthy' && state.health?.status === 'healthy')
        return READY;
    return undefined;
}
/** What an engine event says; undefined for events that decide nothing. */
function verdictFromEvent(event, condition) {
    if (event === undefined)
        return undefined;
    switch (event.kind) {
        case 'healthy':
            return condition.kind === 'healthy' ? READY : undefined;
        case 'unhealthy':
            return condition.kind === 'exit' ? undefined : { ready: false, reason: 'is unhealthy' };
        case 'exited':
            return condition.kind === 'exit' && event.exitCode === 0
                ? READY
                : { ready: false, reason: exitReason(event.exitCode, false) };
        case 'destroyed':
            return { ready: false, reason: 'was removed while the action waited for it' };
        case 'started':
            return condition.kind === 'running' ? READY : undefined;
        case 'oom':
            return undefined; // the die event that follows carries the verdict; inspection adds OOMKilled
    }
}
function exitReason(exitCode, oomKilled) {
    return `exited with code ${exitCode}${oomKilled ? ' (OOMKilled: it ran out of memory)' : ''}`;
}
/** Where the runner reaches a published container port: `127.0.0.1:32768`; undefined when not published. */
function publishedAddress(ports, port, protocol = 'tcp') {
    const bindings = ports[`${port}/${protocol}`] ?? [];
    const binding = bindings.find((b) => !b.hostIp.includes(':')) ?? bindings[0];
    if (binding === undefined || binding.hostPort === '')
        return undefined;
    const host = binding.hostIp === '' || binding.hostIp === '0.0.0.0'
        ? '127.0.0.1'
        : binding.hostIp === '::'
            ? '[::1]'
            : binding.hostIp.includes(':')
                ? `[${binding.hostIp}]`
                : binding.hostIp;
    return `${host}:${binding.hostPort}`;
}
/** The container did not come up; `diagnosis` says why, for a log group of its own. */
class ContainerNotReadyError extends Error {
    container;
    diagnosis;
    constructor(container, reason, diagnosis) {
        super(`Container ${container} ${reason}.`);
        this.container = container;
        this.diagnosis = diagnosis;
        this.name = 'ContainerNotReadyError';
    }
}
function httpProbe(address, condition, signal) {
    const seen = { lastFailure: 'no check finished yet' };
    const url = `http://${address}${condition.path}`;
    const accepts = (status) => condition.status === undefined ? status >= 200 && status < 300 : status === condition.status;
    const loop = async () => {
        while (!signal.aborted) {
            try {
                const response = await fetch(url, {
                    redirect: 'manual',
                    signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
                });
                await response.body?.cancel();
                if (accepts(response.status))
                    return READY;
                seen.lastFailure = `GET ${url} answered ${response.status}`;
            }
            catch (error) {
                seen.lastFailure = `GET ${url} failed: ${error.cause?.message ?? error.message}`;
            }
            await (0,external_node_timers_promises_.setTimeout)(PROBE_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
        }
        return undefined;
    };
    return {
        ready: loop(),
        get lastFailure() {
            return seen.lastFailure;
        },
    };
}
function tcpReachesService(host, port) {
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.connect)({ host: host.replace(/^\[|\]$/g, ''), port, timeout: PROBE_TIMEOUT_MS });
        const done = (result) => {
            socket.destroy();
            resolve(result);
        };
        socket.once('connect', () => setTimeout(() => done(true), TCP_SETTLE_MS));
        socket.once('data', () => done(true));
        socket.once('end', () => done('the connection was closed at once (nothing listens inside yet)'));
        socket.once('error', (error) => done(error.message));
        socket.once('timeout', () => done('connect timed out'));
    });
}
function tcpProbe(address, signal) {
    const seen = { lastFailure: 'no check finished yet' };
    const colon = address.lastIndexOf(':');
    const loop = async () => {
        while (!signal.aborted) {
            const result = await tcpReachesService(address.slice(0, colon), Number(address.slice(colon + 1)));
            if (result === true)
                return READY;
            seen.lastFailure = `connecting to ${address}: ${result === false ? 'failed' : result}`;
            await (0,external_node_timers_promises_.setTimeout)(PROBE_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
        }
        return undefined;
    };
    return {
        ready: loop(),
        get lastFailure() {
            return seen.lastFailure;
        },
    };
}
function logProbe(engine, container, pattern, signal) {
    const ready = engine.untilLogLine(container, (line) => (pattern.test(line) ? READY : undefined), signal);
    return { ready, lastFailure: `no log line matched /${pattern.source}/` };
}
const never = new Promise(() => undefined);
/**
 * Waits until the container is ready as `waitFor` says, and fails at once when it turns unhealthy,
 * exits (unless that is what it waits for) or is removed. Engine events are read from the container's
 * creation on, on the engine's clock, so a change between `docker run` and the subscription is
 * replayed, never missed; port and log probes run alongside.
 */
async function waitUntilReady(engine, container, waitFor, timeoutSeconds, cadence = { kind: 'image', why: 'none was planned' }, builtImageId) {
    const started = performance.now();
    const state = await engine.inspectContainer(container);
    const condition = resolveCondition(waitFor, state);
    let verdict = builtImageId !== undefined && state.image !== builtImageId
        ? {
            ready: false,
            reason: `runs the image ${state.image}, not ${builtImageId}, the one built here and to be tested: docker run took another image`,
        }
        : verdictFromState(state, condition);
    // What the image's own health settings would have decided, said with the diagnosis.
    let imageRule;
    if (verdict === undefined) {
        const stop = new AbortController();
        // What must end before the wait returns, beyond the watchers themselves.
        const stopped = [];
        const watchers = [
            engine.untilEvent(state, (event) => verdictFromEvent(event, condition), stop.signal),
        ];
        if (condition.kind === 'healthy' && cadence.kind !== 'image') {
            if (cadence.kind === 'action') {
                const checks = actionHealthProbe(engine, state.id, cadence, stop.signal);
                watchers.push(checks.ready);
                stopped.push(checks.settled);
            }
            // The engine counts no failure during the longer start period: the image's own rule fails it as early.
            if (cadence.unhealthyAfterMs < timeoutSeconds * 1000)
                watchers.push((0,external_node_timers_promises_.setTimeout)(cadence.unhealthyAfterMs, undefined, { signal: stop.signal }).then(() => {
                    imageRule = `No health check passed within ${cadence.unhealthyAfterMs / 1000} s, when the image's own settings (${describeCheck(cadence.check)}) make it unhealthy; it was asked every ${START_INTERVAL_MS} ms meanwhile.`;
                    return { ready: false, reason: 'is unhealthy' };
                }, () => undefined));
        }
        let probe;
        if (condition.kind === 'http' || condition.kind === 'tcp') {
            const address = publishedAddress(state.ports, condition.port);
            if (address === undefined) {
                verdict = {
                    ready: false,
                    reason: `does not publish port ${condition.port}/tcp to the host, which wait-for ${condition.kind}:${condition.port} needs (add --publish=127.0.0.1::${condition.port} to run-args)`,
                };
            }
            else {
                probe = condition.kind === 'http' ? httpProbe(address, condition, stop.signal) : tcpProbe(address, stop.signal);
            }
        }
        else if (condition.kind === 'log') {
            probe = logProbe(engine, state.id, condition.pattern, stop.signal);
        }
        if (probe !== undefined)
            watchers.push(probe.ready);
        try {
            if (verdict === undefined) {
                const timeout = (0,external_node_timers_promises_.setTimeout)(timeoutSeconds * 1000, undefined, { signal: stop.signal }).then(() => ({
                    ready: false,
                    reason: `was not ${describeCondition(condition)} after ${timeoutSeconds} s (wait-timeout)${probe === undefined ? '' : `; last check: ${probe.lastFailure}`}`,
                }), () => undefined);
                // A watcher that ends without a verdict (a log stream of a stopped container) never wins the race.
                verdict = await Promise.race([timeout, ...watchers].map((watcher) => watcher.then((v) => v ?? never)));
            }
        }
        finally {
            stop.abort();
            await Promise.allSettled([...watchers, ...stopped]);
        }
    }
    if (verdict.ready)
        return {
            condition: describeCondition(condition),
            seconds: (performance.now() - started) / 1000,
            container: state,
            how: condition.kind === 'healthy' ? describeCadence(cadence) : undefined,
        };
    const final = await engine.findContainer(container);
    // The engine's final state is authoritative for the exit code and says whether it was OOMKilled.
    const reason = final !== undefined && verdict.reason.startsWith('exited')
        ? exitReason(final.exitCode, final.oomKilled)
        : verdict.reason;
    throw new ContainerNotReadyError(container, reason, await diagnosis(engine, container, final, imageRule));
}
/** Checks of the image's own running at once: a slow check never delays the next start, a hung one never piles up. */
const ACTION_PROBES_IN_FLIGHT = 2;
/**
 * The image's health check, run by the action until it passes: one starts every START_INTERVAL_MS (start to
 * start, so the check's own run time is not added to the wait), while fewer than ACTION_PROBES_IN_FLIGHT run.
 * `settled` ends when the signal has stopped every check it started.
 */
function actionHealthProbe(engine, container, cadence, signal) {
    const running = new Set();
    let ticker;
    const ready = new Promise((resolve) => {
        const finish = (verdict) => {
            clearInterval(ticker);
            resolve(verdict);
        };
        const start = () => {
            if (signal.aborted || running.size >= ACTION_PROBES_IN_FLIGHT)
                return;
            const check = engine.probeHealth(container, cadence.command, cadence.check.timeoutMs, signal).then((passed) => {
                if (passed && !signal.aborted)
                    finish(READY);
            }, () => undefined);
            running.add(check);
            void check.finally(() => running.delete(check));
        };
        if (signal.aborted)
            return finish(undefined);
        signal.addEventListener('abort', () => finish(undefined), { once: true });
        ticker = setInterval(start, START_INTERVAL_MS);
        start();
    });
    const settled = new Promise((resolve) => {
        if (signal.aborted)
            resolve();
        else
            signal.addEventListener('abort', () => resolve(), { once: true });
    }).then(() => Promise.allSettled([...running]));
    return { ready, settled };
}
async function diagnosis(engine, container, state, note) {
    const logs = await engine.containerLogs(container, LOG_TAIL_LINES);
    return [
        ...(note === undefined ? [] : [note]),
        state === undefined ? 'The container no longer exists.' : formatDiagnosis(state),
        `Logs (last ${LOG_TAIL_LINES} lines, stdout and stderr by time):`,
        logs || '(no output)',
    ].join('\n');
}
/** Everything a CI engineer needs to see why the container did not come up, in one collapsible group. */
function formatDiagnosis(state) {
    const published = Object.entries(state.ports).map(([port, bindings]) => `${port} → ${bindings.map((b) => `${b.hostIp || '0.0.0.0'}:${b.hostPort}`).join(', ') || 'not published'}`);
    const lines = [
        `State: ${state.status}, exit code ${state.exitCode}, OOMKilled ${state.oomKilled}${state.error === '' ? '' : `, error: ${state.error}`}`,
        `Ports: ${published.length === 0 ? 'none' : published.join('; ')}`,
    ];
    if (state.health === undefined) {
        lines.push('Health: no healthcheck');
    }
    else {
        lines.push(`Health: ${state.health.status}; last ${state.health.probes.length} probe(s):`);
        for (const probe of state.health.probes) {
            lines.push(`  ${probe.start} exit ${probe.exitCode}: ${probe.output.trim() === '' ? '(no output)' : probe.output.trim().replace(/\r?\n/g, '\n    ')}`);
        }
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/loop/test-phase.ts




/** `CONTAINER_PORT_8080=127.0.0.1:32768` for each published port (`_UDP` suffix for udp): how runner-side tests reach the container. */
function containerPortEnv(ports) {
    const env = {};
    for (const key of Object.keys(ports)) {
        const [port = '', protocol = 'tcp'] = key.split('/');
        const address = publishedAddress(ports, Number(port), protocol);
        if (address !== undefined)
            env[`CONTAINER_PORT_${port}${protocol === 'tcp' ? '' : `_${protocol.toUpperCase()}`}`] = address;
    }
    return env;
}
/** The environment of a runner-side test: the runner's own, the container's coordinates, then test-env. */
function runnerTestEnv(test, base) {
    return testEnv(test, {
        ...base,
        CONTAINER_ID: test.container.id,
        CONTAINER_NAME: test.container.name,
        IMAGE_REF: test.container.imageRef,
        ...containerPortEnv(test.container.ports),
    });
}
/** The test's `docker exec`: in the container, by name, as the test user, with test-env. */
function execRequest(test) {
    return { container: test.container.name, command: test.command, user: test.user, env: test.env };
}
/** `base` with test-env on top: how its values reach the runner's shell, never argv. */
function testEnv(test, base) {
    return { ...base, ...Object.fromEntries(test.env.map(({ key, value }) => [key, value])) };
}
/**
 * Starts `docker exec` of the test while the container is still becoming ready, held at a gate: starting
 * an exec costs the engine about 130 ms, which is then paid during the wait instead of after it.
 */
function holdContainerTest(engine, test) {
    const { child } = engine.holdExec(execRequest(test));
    const log = (0,command_log/* commandLog */.a0)();
    let gone = false;
    let released = false;
    child.once('close', () => (gone = true));
    child.once('error', () => (gone = true));
    child.stdin.on('error', () => undefined); // it ended early: release runs the test afresh
    // Until released, its output is only the gate's (nothing, or why the exec failed): the fresh run will say it.
    child.stdout.on('data', (chunk) => released && log.output(chunk, 'stdout'));
    child.stderr.on('data', (chunk) => released && log.output(chunk, 'stderr'));
    return {
        release: async (full) => {
            if (gone)
                return runTests(engine, full);
            released = true;
            log.command(`${engine.describeExec(execRequest(full))} (started while waiting, released now)`);
            const supervised = superviseStreamed(child, full.timeoutSeconds * 1000);
            child.stdin.end('run\n');
            return outcome(engine, full, await supervised);
        },
        cancel: () => {
            if (gone || released)
                return;
            child.stdin.end();
            (0,children/* killChild */.fH)(child);
        },
    };
}
async function outcome(engine, test, result) {
    if (result.timedOut) {
        // Killing `docker exec` leaves the command running inside: stopping the container stops it for sure.
        await engine.killContainer(test.container.name);
    }
    return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
}
/** Runs the test command in the container or on the runner, streaming its output; stops it at the time limit. */
async function runTests(engine, test) {
    const timeoutMs = test.timeoutSeconds * 1000;
    if (test.on === 'runner') {
        const result = await runStreamed('sh', ['-c', test.command], {
            cwd: test.workspace,
            env: runnerTestEnv(test, process.env),
            timeoutMs,
            display: `sh -c ${test.command}`,
        });
        return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
    }
    const { child, display } = engine.startExec(execRequest(test));
    (0,command_log/* commandLog */.a0)().command(display);
    streamOutput(child);
    return outcome(engine, test, await superviseStreamed(child, timeoutMs));
}

;// CONCATENATED MODULE: ./src/loop/test-reports.ts


const MAX_ANNOTATIONS = 50;
async function xmlFiles(dir) {
    const entries = await (0,promises_.readdir)(dir, { withFileTypes: true, recursive: true });
    return entries
        .filter((entry) => entry.isFile() && entry.name.endsWith('.xml'))
        .map((entry) => external_node_path_.join(entry.parentPath, entry.name))
        .sort();
}
/**
 * Copies `source` out of the container (a tar stream through the engine: works on stopped and
 * read-only containers, without volumes) into `dir`, then reads the JUnit XML found there.
 */
async function collectReports(engine, container, source, dir, reporter) {
    await (0,promises_.mkdir)(dir, { recursive: true });
    // `<dir>/.` copies the directory's content, not the directory, into dir.
    const copied = await engine.copyFromContainer(container, `${source.replace(/\/+$/, '')}/.`, dir);
    if (!copied.ok)
        throw new Error(`Could not copy test reports ${source} out of container ${container}: ${copied.error}`);
    const files = await xmlFiles(dir);
    // The XML parser is loaded only when there are reports to read.
    const { addCounts, parseJUnit } = await Promise.all(/* import() */[__webpack_require__.e(879), __webpack_require__.e(886)]).then(__webpack_require__.bind(__webpack_require__, 5886));
    let counts;
    for (const file of files) {
        const xml = await (0,promises_.readFile)(file, 'utf8');
        if (!/<testsuites?[\s>]/.test(xml))
            continue; // not JUnit
        try {
            const parsed = parseJUnit(xml);
            counts = counts === undefined ? parsed : addCounts(counts, parsed);
        }
        catch (error) {
            reporter.warning(`${file} is not readable JUnit XML: ${error.message}`);
        }
    }
    if (counts !== undefined) {
        reporter.info(`JUnit: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${files.length} XML file(s) in ${dir}).`);
        for (const failure of counts.failures.slice(0, MAX_ANNOTATIONS)) {
            reporter.annotation({
                message: failure.message || 'failed',
                title: `${failure.classname === '' ? '' : `${failure.classname} › `}${failure.name}`,
                file: failure.file,
                line: failure.line,
            });
        }
    }
    return { dir, counts };
}

;// CONCATENATED MODULE: ./src/loop/phases.ts



















class TestsTimedOutError extends Error {
    constructor(seconds, container) {
        super(`Tests timed out: the test command ran longer than test-timeout (${seconds} s) and was stopped (container ${container}); nothing was pushed.`);
        this.name = 'TestsTimedOutError';
    }
}
class TestsFailedError extends Error {
    exitCode;
    constructor(exitCode, container) {
        super(`Tests failed: the test command exited with status ${exitCode} in container ${container}; nothing was pushed.`);
        this.exitCode = exitCode;
        this.name = 'TestsFailedError';
    }
}
/** Runs one phase of the loop, told to the reporter as one, and records how long it took. */
async function phase(report, reporter, name, work) {
    const started = performance.now();
    let ok = false;
    reporter.phaseStarted(name);
    try {
        const result = await work();
        ok = true;
        return result;
    }
    finally {
        const seconds = (performance.now() - started) / 1000;
        report.phases.push({ name, seconds, ok });
        reporter.phaseEnded(name, seconds, ok);
    }
}
/** Bake's `target:` contexts and `--provenance` (see docs/adr/0003-one-bake-for-build-and-stamp.md). */
const MINIMUM_BUILDX = '0.10.0';
/** Checks the engine and finds the commit, side by side; names the sha tag; plans the cache. */
async function checkPhase(run) {
    const { inputs, report, reporter } = run;
    for (const notice of inputs.notices)
        reporter.warning(notice);
    report.notices.push(...inputs.notices);
    const checked = await phase(report, reporter, `Check the engine and the commit`, () => check(run));
    report.image = inputs.image.name;
    report.envPrefix = inputs.envPrefix;
    report.sha = checked.target.sha;
    report.tag = checked.target.tag;
    report.imageRef = checked.target.imageRef;
    report.latestRef = checked.target.latestRef;
    return checked;
}
async function check({ engine, inputs, reporter, settings }) {
    const { naming } = settings;
    const [facts, commit, driver] = await Promise.all([
        engine.facts(),
        resolveCommit(inputs.sha, inputs.context, settings.env.GITHUB_SHA, naming),
        // Only cache specs need the driver (auto works on every one): no extra docker call otherwise.
        inputs.cacheFrom.specs.length + inputs.cacheTo.specs.length > 0 ? engine.builderDriver(inputs.builder) : undefined,
    ]);
    reporter.info(`Docker engine ${facts.version} (${(0,engine_facts/* engineLocation */.wf)(settings.env)}) with ${(0,engine_facts/* describeImageStore */.ap)(facts.imageStore)}; builder: ${facts.buildx ? `buildx${inputs.builder === '' ? '' : ` ${inputs.builder}`}` : 'classic (no buildx)'}.`);
    if (facts.buildxVersion !== undefined && !(0,engine_facts/* versionAtLeast */.zy)(facts.buildxVersion, MINIMUM_BUILDX)) {
        throw new Error(`docker buildx ${facts.buildxVersion} is installed, but builds need buildx ${MINIMUM_BUILDX} or later (bake's target: contexts, --provenance); update buildx, or remove it to build with the classic builder.`);
    }
    if (!facts.buildx && inputs.buildSecrets.length > 0) {
        throw new Error(`${naming.subject('build-secrets')} needs BuildKit, but docker buildx is not installed for this docker CLI; secrets are never passed as build args (those stay readable in the image history). Install buildx (e.g. docker/setup-buildx-action) or drop ${naming.name('build-secrets')}.`);
    }
    if (!facts.buildx && inputs.builder !== '') {
        throw new Error(`${naming.subject('builder')} is "${inputs.builder}", but docker buildx is not installed for this docker CLI; expected buildx with that builder, or an empty ${naming.name('builder')}.`);
    }
    const cache = (0,loop_cache/* planCache */._s)(inputs.cacheFrom, inputs.cacheTo, inputs.image, facts.buildx
        ? { kind: 'buildx', name: inputs.builder, driver, containerdStore: facts.imageStore.kind === 'containerd' }
        : { kind: 'legacy' }, naming);
    const tag = commit.sha.slice(0, inputs.tagLength);
    const target = {
        sha: commit.sha,
        tag,
        imageRef: `${inputs.image.name}:${tag}`,
        latestRef: `${inputs.image.name}:latest`,
    };
    reporter.info(`Commit ${commit.sha} (from ${commit.source}) → ${target.imageRef}`);
    return { facts, commit, target, cache };
}
/** The repository's name as `docker image ls` prints it, which the prune goes by. */
function pruneRepository(inputs) {
    return (0,image_reference/* familiarName */.hG)(inputs.image);
}
async function prunePhase({ engine, inputs, report, reporter }, { facts, target }, listing) {
    const repository = pruneRepository(inputs);
    const dryRun = inputs.prune === 'dry-run';
    const pruning = await phase(report, reporter, `Prune ${dryRun ? '(dry run) ' : ''}stale tags of ${repository}`, async () => pruneImages(engine, dryRun ? 'dry-run' : 'on', {
        repository,
        keepTags: new Set(['latest', target.tag]),
        keepNewest: inputs.pruneKeep,
        graceSeconds: inputs.pruneGraceSeconds,
    }, { imageStore: facts.imageStore, buildsRecordParents: !facts.buildx }, await listing, reporter));
    report.pruned = pruning.removed.length;
    report.reclaimedBytes = pruning.reclaimedBytes;
}
/** Logs in to the image's registry once, if credentials were given and not yet used; undone by the clean-up. */
async function logIn({ engine, inputs, reporter, settings, leftovers }, retries) {
    if (inputs.registryAuth === undefined || leftovers.loggedInRegistry === inputs.image.registry)
        return;
    leftovers.loginConfig = await (0,push/* login */.iD)(engine, inputs.image.registry, inputs.registryAuth, retries, reporter);
    leftovers.loggedInRegistry = inputs.image.registry;
    settings.onLeftovers(leftovers);
}
/** Builds and stamps the image, tagged with the sha tag and :latest; says what the cache did; returns it. */
async function buildPhase(run, { facts, commit, target, cache }) {
    const { inputs, report, reporter, settings } = run;
    const built = await phase(report, reporter, `Build ${target.imageRef}, tag ${target.latestRef}`, async () => {
        // The cache pull comes first: with credentials, log in before it. A login refused here is a cache miss;
        // the push logs in again and fails then, if it must.
        if (cache.pull.length > 0 || cache.from.some((spec) => (0,loop_cache/* registryRef */.l7)(spec) !== undefined)) {
            await logIn(run, 0).catch((error) => reporter.warning(`cache: ${error.message}; the build goes on without that login.`));
        }
        const result = await buildImage(run.engine, {
            context: inputs.context,
            file: inputs.file,
            buildArgs: inputs.buildArgs,
            target: inputs.target,
            shaEnv: inputs.shaEnv,
            builder: facts.buildx
                ? {
                    kind: 'buildx',
                    name: inputs.builder,
                    fsEntitlements: (0,engine_facts/* versionAtLeast */.zy)(facts.buildxVersion ?? '0', engine_facts/* BAKE_FS_ENTITLEMENTS_BUILDX */.u4),
                }
                : { kind: 'legacy' },
            secrets: inputs.buildSecrets,
            tags: [target.imageRef, target.latestRef],
            labels: [
                ...ociLabels({ sha: commit.sha, created: commit.created, sourceUrl: settings.sourceUrl }, inputs.labels),
                { key: vocabulary/* REPOSITORY_LABEL */.S, value: (0,image_reference/* familiarName */.hG)(inputs.image) },
            ],
            sha: commit.sha,
            cache,
        }, reporter);
        reporter.info((0,loop_cache/* describeCache */.e7)(result.cache));
        return result;
    });
    run.background.defer(built.tidy);
    report.imageId = built.imageId;
    report.cache = built.cache;
    return built;
}
/** How the container's health check is asked while it starts (see health-cadence.ts), said in the log. */
function healthCadenceFor({ inputs, reporter }, facts, built) {
    const cadence = planHealthCadence({
        check: built.healthcheck,
        shell: built.shell,
        waitFor: inputs.waitFor,
        runArgs: inputs.runArgs,
        engineVersion: facts.version,
        waitTimeoutSeconds: inputs.waitTimeoutSeconds,
    });
    if (cadence.kind === 'engine')
        reporter.info(`Health check: asked every ${START_INTERVAL_MS / 1000} s while the container starts (${cadence.runArgs.join(' ')}).`);
    if (cadence.kind === 'action')
        reporter.info(`Health check: Docker ${facts.version} has no --health-start-interval; the action runs the image's check (${cadence.command.join(' ')}) every ${START_INTERVAL_MS / 1000} s while the container starts.`);
    return cadence;
}
/** Starts a container of the sha tag (`docker run`); returns its name. */
async function startContainerPhase({ engine, inputs, report, reporter, settings, leftovers }, target, cadence) {
    const name = (0,container/* containerName */.x)(inputs.image.path, target.tag, settings.env.GITHUB_RUN_ID, settings.env.GITHUB_RUN_ATTEMPT);
    // Told before `docker run`, so the action's post removes the container even if this process dies right after.
    leftovers.container = name;
    settings.onLeftovers(leftovers);
    await phase(report, reporter, `Run ${target.imageRef} as ${name}`, () => engine.runContainer(name, [...inputs.runArgs, ...(cadence.kind === 'engine' ? cadence.runArgs : [])], target.imageRef));
    return name;
}
/** Waits until the container is ready, then runs the tests against it; undefined when there are none. */
async function waitAndTestPhases({ engine, inputs, report, reporter, settings }, target, cadence, name, 
/** What the container must run: run-args that made docker run another image fail the wait. */
imageId) {
    // The in-container test's `docker exec` starts now and waits at a gate for the container to be ready.
    const held = inputs.testCommand !== '' && inputs.testOn === 'container'
        ? holdContainerTest(engine, {
            command: inputs.testCommand,
            user: inputs.testUser,
            env: inputs.testEnv,
            container: { name },
        })
        : undefined;
    try {
        const readiness = await phase(report, reporter, `Wait until ${name} is ready`, async () => {
            const ready = await waitUntilReady(engine, name, inputs.waitFor, inputs.waitTimeoutSeconds, cadence, imageId);
            reporter.info(`Container ${name} is ready (${ready.condition}) after ${ready.seconds.toFixed(3)} s${ready.how === undefined ? '' : `, by ${ready.how}`}.`);
            if (ready.how !== undefined && cadence.kind !== 'image') {
                const imageCadence = imageCadenceMs(cadence.check, ready.seconds * 1000) / 1000;
                report.imageCadenceSeconds = imageCadence;
                reporter.info(`At the image's own cadence (a check every ${cadence.check.intervalMs / 1000} s) it would have been found healthy after ${imageCadence} s at the earliest.`);
            }
            return ready;
        });
        report.readySeconds = readiness.seconds;
        if (inputs.testCommand === '') {
            reporter.info(`No ${settings.naming.name('test-command')} given: the test phase is skipped.`);
            return undefined;
        }
        const where = inputs.testOn === 'container' ? `inside ${name}` : 'on the runner';
        return await phase(report, reporter, `Test ${where} (${readiness.condition})`, async () => {
            const test = {
                command: inputs.testCommand,
                on: inputs.testOn,
                user: inputs.testUser,
                env: inputs.testEnv,
                timeoutSeconds: inputs.testTimeoutSeconds,
                container: { id: readiness.container.id, name, imageRef: target.imageRef, ports: readiness.container.ports },
                workspace: settings.workspace,
            };
            const outcome = held === undefined ? await runTests(engine, test) : await held.release(test);
            report.testExitCode = outcome.exitCode;
            return outcome;
        });
    }
    finally {
        held?.cancel();
    }
}
async function collectReportsPhase({ engine, inputs, report, reporter, settings }, name) {
    const reports = await phase(report, reporter, `Collect test reports from ${name}:${inputs.testReports}`, () => collectReports(engine, name, inputs.testReports, 
    // Again, just before the copy: tests on the runner may have put a link there meanwhile.
    (0,workspace_path/* checkedWorkspacePath */.KQ)(settings.workspace, inputs.reportsDir, settings.naming.subject('reports-dir')), reporter));
    report.reportsDir = reports.dir;
    report.junit = reports.counts;
}
/** Tests that failed or timed out end the run here: nothing is pushed. */
function failUnlessPassed({ inputs }, tests, name) {
    if (tests?.timedOut === true)
        throw new TestsTimedOutError(inputs.testTimeoutSeconds, name);
    if (tests !== undefined && tests.exitCode !== 0)
        throw new TestsFailedError(tests.exitCode, name);
}
/** Logs in if credentials were given (unless the build did), pushes the sha tag then :latest everywhere, reads the digests. */
async function pushPhase(run, target, imageId) {
    const { inputs, report, reporter } = run;
    const mirrors = inputs.alsoPush.length === 0 ? '' : ` (and to ${inputs.alsoPush.length} more)`;
    await phase(report, reporter, `Push ${target.imageRef} and ${target.latestRef}${mirrors}`, async () => {
        if (inputs.testCommand === '')
            reporter.warning('deploy without a test-command: the image is pushed once its container was ready, untested.');
        await logIn(run, inputs.pushRetries);
        // Recorded per repository as each is done: when a mirror fails after the image's own repository got both
        // tags, the outputs say that it did (pushed, its digest) and which mirrors got them.
        await (0,push/* pushTags */.YP)(run.engine, {
            repositories: [inputs.image, ...inputs.alsoPush],
            built: inputs.image,
            tag: target.tag,
            imageId,
            retries: inputs.pushRetries,
            auth: inputs.registryAuth,
        }, reporter, (repository, { digest, mediaType }) => {
            report.digests = { ...report.digests, [repository]: digest };
            if (repository !== inputs.image.name)
                return;
            report.digest = digest;
            report.manifestType = mediaType;
            report.pushed = true;
        });
    });
}
/** Puts the run's record into env-file, in place of an earlier group of its prefix (written whole, then renamed). */
async function envFilePhase({ inputs, report, reporter, settings }) {
    await phase(report, reporter, `Record ${report.envPrefix}_* in ${inputs.envFile}`, async () => {
        // Again, just before the write: the tests may have put a link on the way meanwhile.
        const file = (0,workspace_path/* checkedWorkspacePath */.KQ)(settings.workspace, inputs.envFile, settings.naming.subject('env-file'));
        const before = await (0,promises_.readFile)(file, 'utf8').catch((error) => {
            if (error.code === 'ENOENT')
                return '';
            throw error;
        });
        await (0,promises_.mkdir)(external_node_path_.dirname(file), { recursive: true });
        await writeWhole(file, (0,service_env/* withEnvGroup */.xh)(before, (0,run_report/* serviceRecord */.$D)(report)));
        reporter.info(`${file} has ${report.envPrefix}_IMAGE, _SHA, _TAG${report.pushed ? ', _DIGEST' : ''} and _IMAGE_REF.`);
    });
}

;// CONCATENATED MODULE: ./src/loop/run.ts








/**
 * The loop: prune, build, tag, run, wait until ready, test, push; then clean up and report outputs and the
 * summary, also when a phase failed. SIGINT or SIGTERM stops what runs, cleans up and exits 130 or 143.
 */
async function runLoop(engine, readInputs, reporter, settings) {
    (0,command_log/* setCommandLog */.Sh)(reporter);
    const report = (0,run_report/* emptyReport */._O)();
    const leftovers = { ...cleanup/* NO_LEFTOVERS */.R };
    const background = new BackgroundWork();
    let finishing;
    // Once: by the run itself, or by a signal's handler; never twice, never side by side.
    const finish = () => (finishing ??= (async () => {
        await background.finish();
        if (leftovers.container !== '' || leftovers.loginConfig !== '') {
            await phase(report, reporter, 'Clean up', async () => settings.onLeftovers(await (0,cleanup/* cleanUp */.n)(engine, leftovers, reporter)));
        }
        reporter.outputs((0,run_report/* outputsOf */.Yz)(report));
        // The summary tells of the run; it is not the run: a runner that cannot take it fails nothing.
        await reporter.summary(report).catch((error) => {
            reporter.warning(`The job summary was not written: ${error instanceof Error ? error.message : String(error)}`);
        });
    })());
    const cancellation = cleanUpWhenCancelled(report, reporter, finish, () => finishing !== undefined);
    try {
        await runPhases({ engine, inputs: readInputs(), report, reporter, settings, leftovers, background });
    }
    catch (error) {
        // A cancelled run's own errors (its streams were stopped) say nothing new.
        if (cancellation.cancelled())
            return report;
        if (error instanceof ContainerNotReadyError) {
            reporter.details(`Diagnosis: state, health probes and last ${LOG_TAIL_LINES} log lines of ${error.container}`, error.diagnosis);
        }
        report.failure = error.message;
        reporter.failed(report.failure);
    }
    finally {
        // Once cancelled, the signal handler owns the clean-up, outputs and summary, and exits when they are done.
        // The handlers stay through the clean-up: a signal then lets it finish rather than cutting it short (the
        // CLI has no post step to undo a login left behind).
        if (!cancellation.cancelled())
            await finish();
        if (cancellation.cancelled())
            await new Promise(() => undefined); // the handler exits the process
        cancellation.stop();
    }
    return report;
}
/**
 * A runner cancels a job with SIGINT, then SIGTERM; a terminal sends SIGINT on Ctrl-C: stop what runs,
 * remove the container, undo the login, then exit. Nothing here waits for a post step. A signal during the
 * run's own clean-up lets that finish, then exits; a second Ctrl-C exits at once.
 */
function cleanUpWhenCancelled(report, reporter, finish, finishing) {
    let cancelled = false;
    const onSignal = (signal) => {
        const exitCode = signal === 'SIGINT' ? 130 : 143;
        if (cancelled) {
            // SIGTERM after SIGINT (the runner's way) leaves the clean-up be; a second SIGINT is a person insisting.
            if (signal !== 'SIGINT')
                return;
            (0,children/* killTracked */.HB)();
            process.exit(exitCode);
        }
        cancelled = true;
        if (finishing()) {
            reporter.warning(`Cancelled (${signal}) during the clean-up: finishing it first.`);
            void finish().finally(() => process.exit(exitCode));
            return;
        }
        (0,children/* killTracked */.HB)();
        report.failure = `Cancelled (${signal})`;
        reporter.failed(`Cancelled (${signal}): removing what the run started.`);
        void finish().finally(() => {
            (0,children/* killTracked */.HB)(); // what the interrupted flow started meanwhile (e.g. the next phase's docker call)
            process.exit(exitCode);
        });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return {
        stop: () => {
            process.off('SIGINT', onSignal);
            process.off('SIGTERM', onSignal);
        },
        cancelled: () => cancelled,
    };
}
/** The phases in order: each records itself in the report; a failed one ends the run. */
async function runPhases(run) {
    // Read only, by the repository's name alone: the prune's listing goes side by side with the engine check.
    const stopListing = new AbortController();
    const listing = run.inputs.prune === 'off' ? undefined : listForPrune(run.engine, pruneRepository(run.inputs), stopListing.signal);
    listing?.catch(() => undefined); // a missing engine is the check's to report
    const checked = await checkPhase(run).catch((error) => {
        stopListing.abort();
        throw error;
    });
    const { target } = checked;
    if (listing !== undefined)
        await prunePhase(run, checked, listing);
    const built = await buildPhase(run, checked);
    const cadence = healthCadenceFor(run, checked.facts, built);
    const container = await startContainerPhase(run, target, cadence);
    // The engine is less busy now than during the run (which the containerd store would hold up): the tidying.
    run.background.start();
    const tests = await waitAndTestPhases(run, target, cadence, container, built.imageId);
    // Reports are wanted most when the tests failed: collect them before failing, but a failed copy never
    // hides the tests' own verdict.
    let reportsFailure;
    if (run.inputs.testReports !== '')
        await collectReportsPhase(run, container).catch((error) => {
            reportsFailure = error instanceof Error ? error : new Error(String(error));
        });
    if (reportsFailure !== undefined && tests !== undefined && (tests.timedOut || tests.exitCode !== 0))
        run.reporter.warning(`The test reports were not collected: ${reportsFailure.message}`);
    failUnlessPassed(run, tests, container);
    if (reportsFailure !== undefined)
        throw reportsFailure;
    if (run.inputs.deploy)
        await pushPhase(run, target, built.imageId);
    if (run.inputs.envFile !== '')
        await envFilePhase(run);
}

// EXTERNAL MODULE: ./src/action/reporter.ts
var reporter = __webpack_require__(5121);
// EXTERNAL MODULE: ./src/action/saved-state.ts
var saved_state = __webpack_require__(2789);
;// CONCATENATED MODULE: ./src/action/main.ts








/** The repository's URL for the OCI source label, from the workflow's context. */
function sourceUrl() {
    if (process.env.GITHUB_REPOSITORY === undefined || process.env.GITHUB_REPOSITORY === '')
        return undefined;
    // @actions/github's Context alone: its entry point also builds an Octokit client, which this does not need.
    const context = new Context();
    return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`;
}
/** Saved for post, which removes the container and logs out if this process is killed outright. */
function saveLeftovers(leftovers) {
    core/* saveState */.LZ(saved_state/* STATE */.c4.container, leftovers.container);
    core/* saveState */.LZ(saved_state/* STATE */.c4.loggedInRegistry, leftovers.loggedInRegistry);
    core/* saveState */.LZ(saved_state/* STATE */.c4.loginConfig, leftovers.loginConfig);
}
/** The runner's workspace, where the job's paths are relative to. */
function actionWorkspace() {
    return process.env.GITHUB_WORKSPACE ?? process.cwd();
}
/** The inputs, masked; the password leaves the environment, which every child (the runner-side test too) inherits. */
function readActionInputs() {
    const inputs = readInputs((name) => core/* getInput */.V4(name, { trimWhitespace: false }), {
        env: process.env,
        mask: reporter/* actionReporter */.I.secret,
        workspace: actionWorkspace(),
    });
    delete process.env['INPUT_REGISTRY-PASSWORD'];
    return inputs;
}
/** The action's main step: read the inputs, then the loop's phases (src/loop/run.ts), reported as a step. */
async function runMain() {
    // The same bundle runs again as post: this tells it so.
    core/* saveState */.LZ(saved_state/* STATE */.c4.isPost, 'true');
    await runLoop(new docker_engine/* DockerEngine */.n(process.env), () => readActionInputs(), reporter/* actionReporter */.I, {
        env: process.env,
        workspace: actionWorkspace(),
        sourceUrl: sourceUrl(),
        naming: field_parser/* ACTION_NAMING */._C,
        onLeftovers: saveLeftovers,
    });
}


/***/ })

};

//# sourceMappingURL=773.index.js.map