#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9233:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  up: () => (/* binding */ CLI_NAMING),
  c8: () => (/* binding */ CliArgsError),
  $7: () => (/* binding */ SECRET_ENV),
  TZ: () => (/* binding */ inputsFilePath),
  hT: () => (/* binding */ parseCliArgs),
  CI: () => (/* binding */ usage)
});

// UNUSED EXPORTS: flagOf

;// CONCATENATED MODULE: ./src/loop/action-spec.js
// The action's inputs and outputs: the one list action.yml is written from (npm run build) and the CLI's
// flags and --help are read from. Plain JavaScript, so the build's script reads it as it is.

/**
 * @typedef {object} InputSpec
 * @property {string} name
 * @property {string} description
 * @property {boolean} [required]
 * @property {string} [default] what the runner passes when the workflow does not set it
 * @property {boolean} [boolean] true or false: the CLI's flag alone means true, --no-<name> false
 * @property {boolean} [lines] one value a line: the CLI's flag repeats
 * @property {boolean} [secret] never in argv: the CLI reads it from the environment
 * @property {string} [cliFlag] the CLI's flag, where the input's own name cannot be one
 */

/** @type {readonly InputSpec[]} */
const ACTION_INPUTS = [
  {
    name: 'image',
    description:
      'Repository name without tag or digest, e.g. ghcr.io/acme/app, localhost:5000/app, acme/app. Upper case in its path (as ghcr.io/${{ github.repository }} gives) is lower-cased, with a notice: registries refuse it.',
    required: true,
  },
  {
    name: 'deploy',
    description: 'Push the sha tag and :latest after the tests passed (true/false).',
    default: 'false',
    boolean: true,
  },
  {
    name: 'context',
    description: 'Build context directory.',
    default: '.',
  },
  {
    name: 'file',
    description: 'Dockerfile path. Default: Dockerfile in the context.',
    default: '',
  },
  {
    name: 'build-args',
    description: 'Build arguments, one KEY=VALUE per line.',
    default: '',
    lines: true,
  },
  {
    name: 'target',
    description: 'Build stage to stop at (docker build --target).',
    default: '',
  },
  {
    name: 'labels',
    description: 'Extra image labels, one KEY=VALUE per line; added to the OCI labels the action sets.',
    default: '',
    lines: true,
  },
  {
    name: 'builder',
    description:
      'buildx builder to build with (e.g. a remote BuildKit builder). Empty: the current one. When docker buildx is installed the build goes through it (--load); without it, the classic builder.',
    default: '',
  },
  {
    name: 'build-secrets',
    description:
      'BuildKit secrets, one a line: id=NAME,env=VARIABLE or id=NAME,src=PATH (RUN --mount=type=secret,id=NAME). Needs buildx; never passed as build args, which stay readable in the image history.',
    default: '',
    lines: true,
  },
  {
    name: 'cache-from',
    description:
      "Where the build takes its layer cache from: auto (the image's own :latest in its registry, and what the engine already has), none (only the engine's own cache), or one buildx cache spec a line (type=registry,ref=…, type=gha, type=local,src=…; beside auto, or alone). The classic builder pulls IMAGE:latest and takes only the image's own references. A source that is missing, unreachable or refused is a cache miss, never a failure.",
    default: 'auto',
    lines: true,
  },
  {
    name: 'cache-to',
    description:
      "Where the build leaves its cache: auto (BuildKit: inline, so the pushed :latest is the next build's cache source; the classic builder's images are that by themselves), none, or buildx cache specs a line (type=registry,ref=…,mode=max, type=gha,mode=max, type=local,dest=…). Specs the builder's driver cannot export are refused before the build.",
    default: 'auto',
    lines: true,
  },
  {
    name: 'sha',
    description:
      "Commit sha the image is built from. Default: git rev-parse HEAD in the context's work tree, else GITHUB_SHA.",
    default: '',
  },
  {
    name: 'tag-length',
    description: 'How many leading characters of the sha make the image tag (4 to 40).',
    default: '7',
  },
  {
    name: 'sha-env',
    description: 'Name of the environment variable inside the image that holds the full sha.',
    default: 'SHA',
  },
  {
    name: 'prune',
    description:
      'Before building, remove the local tags of the image other than :latest, the tag being built and prune-keep newest, and the dangling images the action built for it: true, false, or dry-run (list only).',
    default: 'true',
  },
  {
    name: 'prune-keep',
    description:
      'How many of the newest other tags (by creation time) pruning keeps, e.g. for a local rollback (0 to 1000).',
    default: '0',
  },
  {
    name: 'prune-grace',
    description:
      'Seconds during which a freshly tagged image is not pruned: protects a concurrent run of the same image between its build and its container start (0 to 86400).',
    default: '120',
  },
  {
    name: 'run-args',
    description:
      "Extra docker run arguments, one per line (--env=K=V, --publish=127.0.0.1::8080, --read-only, ...). A line '--flag value' is split into two arguments.",
    default: '',
    lines: true,
  },
  {
    name: 'wait-for',
    description:
      'What ready means: auto (healthy with a HEALTHCHECK, else running), healthy, running, http:PORT/path (PORT is the container port, reached where it is published; any 2xx, or #status=CODE), tcp:PORT, log:REGEX (a log line matches), or exit:0 (a one-shot container that exited 0).',
    default: 'auto',
  },
  {
    name: 'wait-timeout',
    description: 'Seconds to wait until the container is ready.',
    default: '60',
  },
  {
    name: 'test-command',
    description: 'Shell command run once the container is ready (sh -c). Empty skips the test phase.',
    default: '',
  },
  {
    name: 'test-on',
    description:
      "Where the test-command runs: container (docker exec into the container) or runner (the runner's shell in the workspace, with CONTAINER_ID, CONTAINER_NAME, IMAGE_REF and CONTAINER_PORT_<port>=127.0.0.1:<host port> for each published port).",
    default: 'container',
  },
  {
    name: 'test-user',
    description: 'User for the test-command inside the container (docker exec --user); test-on container only.',
    default: '',
  },
  {
    name: 'test-env',
    description:
      'Environment for the test-command, one KEY=VALUE per line (passed to docker exec by name, never in argv).',
    default: '',
    lines: true,
  },
  {
    name: 'test-timeout',
    description: 'Seconds the tests may take; on expiry they are stopped and the step fails. 0: no limit.',
    default: '0',
  },
  {
    name: 'test-reports',
    description:
      'Directory inside the container (absolute path) whose content is copied out to reports-dir after the tests, also when they fail. JUnit XML found there is summarised and failed tests are annotated.',
    default: '',
  },
  {
    name: 'reports-dir',
    description: 'Directory (relative to the workspace) that receives test-reports.',
    default: 'reports',
  },
  {
    name: 'push-retries',
    description:
      'How often a push (and the login) is retried after a transient failure (5xx, 429, connection reset or refused, timeout), with exponential backoff and jitter; refused credentials are never retried (0 to 10).',
    default: '3',
  },
  {
    name: 'also-push',
    description:
      'More repositories, one a line (e.g. a mirror on another registry), that receive the same two tags; credentials for them come from an earlier docker login.',
    default: '',
    lines: true,
  },
  {
    name: 'env-prefix',
    description:
      "What the names of the env output's variables start with (<PREFIX>_IMAGE, _SHA, _TAG, _DIGEST, _IMAGE_REF); empty: the image's last path component, upper-cased, every character outside A-Z 0-9 _ turned into _, and a _ before a leading digit (ghcr.io/acme/web-app: WEB_APP).",
    default: '',
  },
  {
    name: 'env-file',
    description:
      "A file (relative to the workspace) the env output's lines go into once the run passed: added at its end, in place of an earlier group of the same prefix and image, so several services built in one job add up to one file. Empty: none.",
    default: '',
    // Node.js reads --env-file itself, also after the script's path (and exits when there is no such file).
    cliFlag: 'env-output',
  },
  {
    name: 'registry-username',
    description:
      "Registry user. With registry-password, the action logs in to the image's registry once, before the cache pull (or the push), and logs out afterwards.",
    default: '',
  },
  {
    name: 'registry-password',
    description: 'Registry password or token (sent to docker on stdin, masked in logs).',
    default: '',
    secret: true,
  },
];

/**
 * @typedef {object} OutputSpec
 * @property {string} name
 * @property {string} description
 */

/** @type {readonly OutputSpec[]} */
const ACTION_OUTPUTS = [
  {
    name: 'sha',
    description:
      'Full commit sha the image was built from (also in the image as sha-env and the org.opencontainers.image.revision label).',
  },
  { name: 'tag', description: 'Image tag: the first tag-length characters of the sha.' },
  { name: 'image', description: 'Repository name, as given.' },
  { name: 'image-ref', description: 'image:tag.' },
  { name: 'latest-ref', description: 'image:latest.' },
  { name: 'image-id', description: 'Local image id (sha256:...) that both tags point to.' },
  {
    name: 'digest',
    description: 'Registry manifest digest of the pushed tag (sha256:...); empty when nothing was pushed.',
  },
  {
    name: 'digests',
    description:
      'JSON object: each pushed repository (the image and every also-push mirror) → its manifest digest in that registry; {} when nothing was pushed.',
  },
  {
    name: 'manifest-type',
    description:
      'Media type the registry serves for the pushed tags: one image manifest (Docker v2 or OCI), as tested; an index (an engine that added to the image on push) is named here and warned of. Empty when nothing was pushed or the registry could not be read back.',
  },
  { name: 'pushed', description: 'true when both tags were pushed, else false.' },
  { name: 'test-exit-code', description: 'Exit status of the test command; empty when no test ran.' },
  { name: 'ready-seconds', description: "Seconds from the container's start until it was ready." },
  { name: 'reports-dir', description: 'Where the test reports were copied to; empty when none were.' },
  { name: 'tests-passed', description: 'Passed test cases in the JUnit reports; empty without reports.' },
  {
    name: 'tests-failed',
    description: 'Failed test cases (failures and errors) in the JUnit reports; empty without reports.',
  },
  { name: 'tests-skipped', description: 'Skipped test cases in the JUnit reports; empty without reports.' },
  {
    name: 'pruned',
    description: 'How many tags and dangling images pruning removed (with prune dry-run: would remove).',
  },
  { name: 'reclaimed-bytes', description: 'Bytes of image layers pruning freed (0 with dry-run).' },
  {
    name: 'cache-hit',
    description:
      "true when the build reused at least one step of the Dockerfile from a cache (the registry's or the engine's), else false; empty when no build ran.",
  },
  {
    name: 'cache-steps-reused',
    description:
      'Steps of the Dockerfile (FROM aside) the build reused from a cache; BuildKit counts filesystem steps (RUN, COPY …), the classic builder every instruction.',
  },
  { name: 'cache-steps-run', description: 'Steps of the Dockerfile (FROM aside) the build ran.' },
  {
    name: 'env',
    description:
      'The run\'s record as dotenv lines, once it passed: <PREFIX>_IMAGE, _SHA, _TAG, _DIGEST (only when pushed: the manifest digest\'s 64 hex characters, without "sha256:") and _IMAGE_REF (image@sha256:... when pushed, else image:tag); empty when the run failed.',
  },
];

// EXTERNAL MODULE: ./src/shared/field-parser.ts
var field_parser = __nccwpck_require__(6021);
;// CONCATENATED MODULE: ./src/cli/args.ts


// The CLI's flags are the action's inputs, by the same names and with the same defaults (action.yml is
// written from the same list): `--image acme/app`, `--deploy`, `--build-args A=1 --build-args B=2`.
/** Where each secret input comes from instead of argv. */
const SECRET_ENV = { 'registry-password': 'REGISTRY_PASSWORD' };
/** Inputs also read from the environment when no flag gives them. */
const ENV_FALLBACK = { 'registry-username': 'REGISTRY_USERNAME', ...SECRET_ENV };
const BY_NAME = new Map(ACTION_INPUTS.map((input) => [input.name, input]));
/** The CLI's flag of an input: its name, but where Node.js would take that for itself. */
function flagOf(name) {
    return `--${BY_NAME.get(name)?.cliFlag ?? name}`;
}
const BY_FLAG = new Map(ACTION_INPUTS.map((input) => [flagOf(input.name), input]));
const CLI_NAMING = {
    subject: (name) => SECRET_ENV[name] ?? flagOf(name),
    name: (name) => SECRET_ENV[name] ?? flagOf(name),
};
/**
 * Bad flags, with the raw inputs the other flags gave: checking those too names every problem of the command
 * line in one go (`--frob` and a bad `--image` value alike), not the values' only once the flags are fixed.
 */
class CliArgsError extends field_parser/* InputError */.dz {
    inputs;
    constructor(problems, inputs) {
        super(problems);
        this.inputs = inputs;
        this.name = 'CliArgsError';
    }
}
const EXPRESSION = /\$\{\{/;
const OWN_FLAGS = new Set(['--verbose', '--output-file', '--inputs', '--help']);
/** An argument the parser reads as one of its options: never taken as the value of a refused flag. */
function isOption(arg) {
    if (arg === '-h')
        return true;
    const flag = arg.split('=')[0] ?? '';
    return (OWN_FLAGS.has(flag) ||
        BY_FLAG.has(flag) ||
        (arg.startsWith('--no-') && BY_FLAG.get(`--${arg.slice(5)}`)?.boolean === true));
}
/**
 * The value a flag takes from the next argument: any argument but one of this CLI's own options, so that
 * `--run-args --read-only` passes a docker option while `--image --deploy` says --image has no value.
 */
function valueAfter(argv, i) {
    const next = argv[i + 1];
    return next === undefined || (next !== '-h' && isOption(next)) ? undefined : next;
}
/** The help text: every flag from the list action.yml is written from. */
function usage() {
    const width = Math.max(...ACTION_INPUTS.map((input) => input.name.length)) + 4;
    const flags = ACTION_INPUTS.filter((input) => input.secret !== true).map((input) => {
        const flag = flagOf(input.name);
        const form = input.boolean === true ? flag : `${flag} ${input.lines === true ? 'LINE' : 'VALUE'}`;
        const extra = [
            input.required === true
                ? 'required'
                : input.default === undefined || input.default === ''
                    ? ''
                    : `default: ${input.default}`,
            input.lines === true ? 'repeat for more lines' : '',
        ].filter((part) => part !== '');
        return `  ${form.padEnd(width + 6)} ${input.description}${extra.length === 0 ? '' : ` (${extra.join('; ')})`}`;
    });
    return [
        'Usage: build-test-deploy --image NAME [flags]',
        '',
        'Runs the loop of the build-test-deploy action on this machine, the same code as the action: prune, build',
        'NAME:<sha7> (SHA=<sha> inside), tag NAME:latest, run it, wait until ready, test that very container, and',
        '(with --deploy) push both tags, only after the tests passed; the container and the login are removed at the end.',
        '',
        "Flags (the action's inputs, by the same names and defaults):",
        ...flags,
        '',
        '  --inputs FILE          a YAML mapping of inputs, e.g. the `with:` of the workflow step; flags win over it',
        '  --output-file FILE     also write the outputs there, as KEY=VALUE lines',
        "  --verbose              keep every phase's docker output, also when it succeeds",
        '  -h, --help             this text',
        '',
        `The registry password is read from ${SECRET_ENV['registry-password'] ?? ''} in the environment, never from a flag;`,
        'REGISTRY_USERNAME stands in for --registry-username.',
        '',
        `Prints the outputs on stdout as KEY=VALUE lines (${ACTION_OUTPUTS.map((output) => output.name).join(', ')}); the log goes to stderr.`,
        'Exit status: 0 passed, 1 the loop failed, 2 bad flags or inputs (nothing was touched), 130 interrupted (143 on SIGTERM).',
    ].join('\n');
}
/** A value of the inputs file as the runner would pass it: YAML scalars become strings. */
function fileValue(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    if (value === null)
        return '';
    return undefined;
}
/**
 * Parses the CLI's arguments (and the inputs file, already read): every problem is collected into one
 * InputError naming each flag, never a value (one may be a password).
 */
function parseCliArgs(argv, env, inputsFile) {
    const given = new Map();
    const problems = [];
    const notes = [];
    let verbose = false;
    let outputFile;
    let inputsGiven = false;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '-h' || arg === '--help')
            return { kind: 'help' };
        if (!arg.startsWith('--')) {
            problems.push(arg.startsWith('-')
                ? `${arg.slice(0, 2)} is not an option (see --help).`
                : `Unexpected argument #${i + 1}: every input is a flag, e.g. --image NAME (see --help).`);
            continue;
        }
        const equals = arg.indexOf('=');
        const flag = equals === -1 ? arg : arg.slice(0, equals);
        const attached = equals === -1 ? undefined : arg.slice(equals + 1);
        const takeValue = () => {
            if (attached !== undefined)
                return attached;
            const next = valueAfter(argv, i);
            if (next !== undefined)
                i++;
            return next;
        };
        // A refused flag's value, if it had one, goes with it: whatever it looks like (it may be a password),
        // unless it is one of the options.
        const skipValue = () => {
            if (attached === undefined && i + 1 < argv.length && !isOption(argv[i + 1] ?? ''))
                i++;
        };
        if (flag === '--verbose') {
            if (attached !== undefined)
                problems.push(`${flag} takes no value.`);
            verbose = true;
            continue;
        }
        if (flag === '--output-file' || flag === '--inputs') {
            const value = takeValue();
            const twice = flag === '--inputs' ? inputsGiven : outputFile !== undefined;
            if (value === undefined || value === '')
                problems.push(`${flag} needs a file path.`);
            else if (twice)
                problems.push(`${flag} is given twice.`);
            else if (flag === '--output-file')
                outputFile = value;
            else
                inputsGiven = true; // --inputs was read before parsing
            continue;
        }
        const negated = flag.startsWith('--no-') ? BY_FLAG.get(`--${flag.slice(5)}`) : undefined;
        const negation = negated?.boolean === true && attached === undefined;
        const input = negation ? negated : BY_FLAG.get(flag);
        if (input === undefined) {
            const renamed = BY_NAME.get(flag.slice(2));
            problems.push(renamed?.cliFlag === undefined
                ? `${flag} is not an option; expected one of the action's inputs as a flag (see --help).`
                : `${flag} is not an option: the ${renamed.name} input is ${flagOf(renamed.name)} here (Node.js reads ${flag} itself, wherever it stands).`);
            skipValue();
            continue;
        }
        if (input.secret === true) {
            problems.push(`${flag} is not an option: ${input.name} is read from ${SECRET_ENV[input.name] ?? ''} in the environment only, never from arguments.`);
            skipValue();
            continue;
        }
        const value = negation ? 'false' : input.boolean === true ? (attached ?? 'true') : takeValue();
        if (value === undefined) {
            problems.push(`${flag} needs a value (see --help).`);
            continue;
        }
        const values = given.get(input.name) ?? [];
        if (values.length > 0 && input.lines !== true)
            problems.push(`${flagOf(input.name)} is given twice; only multi-line inputs repeat.`);
        given.set(input.name, [...values, value]);
    }
    const fromFile = new Map();
    if (inputsFile !== undefined) {
        for (const [name, value] of Object.entries(inputsFile.values)) {
            const input = BY_NAME.get(name);
            const raw = fileValue(value);
            if (input === undefined)
                problems.push(`${inputsFile.path}: '${name}' is not an input of the action (see --help).`);
            else if (raw === undefined)
                problems.push(`${inputsFile.path}: '${name}' is a ${Array.isArray(value) ? 'list' : 'mapping'}; expected a string (a multi-line string for one value a line).`);
            else if (given.has(name) || (ENV_FALLBACK[name] !== undefined && (env[ENV_FALLBACK[name]] ?? '') !== ''))
                continue; // a flag or the environment wins
            else if (EXPRESSION.test(raw)) {
                if (input.required === true)
                    problems.push(`${inputsFile.path}: '${name}' is a workflow expression, which only a runner evaluates; expected ${CLI_NAMING.name(name)} to give it.`);
                else
                    notes.push(`${inputsFile.path}: '${name}' is a workflow expression, which only a runner evaluates: its default ${JSON.stringify(input.default ?? '')} is used; ${CLI_NAMING.name(name)} sets it.`);
            }
            else
                fromFile.set(name, raw);
        }
    }
    const inputs = {};
    for (const input of ACTION_INPUTS) {
        const fallback = ENV_FALLBACK[input.name];
        inputs[input.name] =
            given.get(input.name)?.join('\n') ??
                fromFile.get(input.name) ??
                ((fallback === undefined ? undefined : env[fallback]) || undefined) ??
                input.default ??
                '';
    }
    if (problems.length > 0)
        throw new CliArgsError(problems, inputs);
    return { kind: 'run', inputs, verbose, outputFile, notes };
}
/** The path `--inputs` names, found before the rest is parsed (it is read first). */
function inputsFilePath(argv) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i] ?? '';
        if (arg === '--inputs')
            return valueAfter(argv, i);
        if (arg.startsWith('--inputs='))
            return arg.slice('--inputs='.length);
    }
    return undefined;
}


/***/ }),

/***/ 486:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _loop_inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3668);
/* harmony import */ var _docker_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(7266);
/* harmony import */ var _loop_run_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9322);
/* harmony import */ var _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(6021);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9233);
/* harmony import */ var _source_url_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(1197);
/* harmony import */ var _work_tree_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(478);
/* harmony import */ var _terminal_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(1028);










// `npx build-test-deploy --image acme/app --test-command 'make test'`: the action's loop on this machine.
// Exit status: 0 passed, 1 the loop failed, 2 bad flags or inputs (before docker is touched), 130/143 interrupted.
async function readInputsFile(file) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8');
    }
    catch (error) {
        throw new _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz([
            `--inputs ${file} cannot be read: ${error.code ?? error.message}.`,
        ]);
    }
    // The YAML parser is loaded only for an inputs file.
    const { parse } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
    let values;
    try {
        values = parse(text);
    }
    catch (error) {
        throw new _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz([`--inputs ${file} is not YAML: ${error.message.split('\n')[0] ?? ''}.`]);
    }
    // A whole step (`with:` inside) is taken as well as its bare `with:` mapping.
    const mapping = typeof values === 'object' && values !== null && 'with' in values ? values.with : values;
    if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
        throw new _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz([`--inputs ${file}: expected a mapping of inputs (a step's with:), one name: value a line.`]);
    return { path: file, values: mapping };
}
async function main(argv) {
    let command;
    try {
        const file = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .inputsFilePath */ .TZ)(argv);
        const parsed = (0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .parseCliArgs */ .hT)(argv, process.env, file === undefined || file === '' ? undefined : await readInputsFile(file));
        if (parsed.kind === 'help') {
            process.stdout.write(`${(0,_args_js__WEBPACK_IMPORTED_MODULE_6__/* .usage */ .CI)()}\n`);
            return 0;
        }
        command = parsed;
    }
    catch (error) {
        return badInput(error instanceof _args_js__WEBPACK_IMPORTED_MODULE_6__/* .CliArgsError */ .c8 ? withValueProblems(error) : error);
    }
    // Read: out of the environment, which every child (the runner-side test too) inherits.
    delete process.env[_args_js__WEBPACK_IMPORTED_MODULE_6__/* .SECRET_ENV */ .$7['registry-password'] ?? ''];
    for (const note of command.notes)
        process.stderr.write(`note: ${note}\n`);
    const terminal = (0,_terminal_js__WEBPACK_IMPORTED_MODULE_9__/* .terminalReporter */ .C)({
        stream: process.stderr,
        fold: process.stderr.isTTY && !command.verbose,
        colour: (0,_terminal_js__WEBPACK_IMPORTED_MODULE_9__/* .useColour */ .O)(process.stderr, process.env),
    });
    // The outputs go out as soon as the loop reports them: after Ctrl-C the loop's clean-up reports them and
    // then exits 130, with no return to main.
    let outputFileFailed = false;
    const reporter = {
        ...terminal,
        outputs: (values) => {
            terminal.outputs(values);
            const lines = `${terminal.outputLines().join('\n')}\n`;
            process.stdout.write(lines);
            if (command.outputFile === undefined)
                return;
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(command.outputFile, lines);
            }
            catch (error) {
                outputFileFailed = true;
                process.stderr.write(`error: --output-file ${command.outputFile} cannot be written: ${error.message}\n`);
            }
        },
    };
    let inputs;
    try {
        inputs = (0,_loop_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)((name) => command.inputs[name] ?? '', {
            env: process.env,
            mask: reporter.secret,
            naming: _args_js__WEBPACK_IMPORTED_MODULE_6__/* .CLI_NAMING */ .up,
            workspace: process.cwd(),
        });
    }
    catch (error) {
        return badInput(error);
    }
    // The image is tagged with HEAD's sha: what the work tree adds to HEAD would ship under a sha that lacks it.
    const [changes, sourceUrl] = await Promise.all([
        inputs.sha === '' ? (0,_work_tree_js__WEBPACK_IMPORTED_MODULE_8__/* .uncommittedChanges */ .D)(inputs.context) : undefined,
        (0,_source_url_js__WEBPACK_IMPORTED_MODULE_7__/* .sourceUrlOf */ .c)(process.env, inputs.context),
    ]);
    if (changes !== undefined && changes > 0) {
        const what = `the context ${inputs.context} has ${changes} uncommitted change(s), which the image holds under HEAD's sha`;
        if (inputs.deploy) {
            return badInput(new _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz([`--deploy: ${what}; commit or stash them first, or leave out --deploy.`]));
        }
        reporter.warning(`${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: fine for a try, never pushed (--deploy refuses it).`);
    }
    const report = await (0,_loop_run_js__WEBPACK_IMPORTED_MODULE_4__/* .runLoop */ .y)(new _docker_docker_engine_js__WEBPACK_IMPORTED_MODULE_3__/* .DockerEngine */ .n(process.env), () => inputs, reporter, {
        env: process.env,
        workspace: process.cwd(),
        sourceUrl,
        naming: _args_js__WEBPACK_IMPORTED_MODULE_6__/* .CLI_NAMING */ .up,
        onLeftovers: () => undefined, // no post step: the loop cleans up itself, also when interrupted
    });
    if (outputFileFailed)
        return 1;
    return report.failure === undefined ? 0 : 1;
}
/**
 * Bad flags, and what is wrong with the values of the others: all named at once. A flag already named (given
 * twice, or without its value) is not named again for the value it was left with.
 */
function withValueProblems(error) {
    try {
        (0,_loop_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)((name) => error.inputs[name] ?? '', {
            env: process.env,
            mask: () => undefined,
            naming: _args_js__WEBPACK_IMPORTED_MODULE_6__/* .CLI_NAMING */ .up,
            workspace: process.cwd(),
        });
        return error;
    }
    catch (valueError) {
        if (!(valueError instanceof _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz))
            return error;
        const named = new Set(error.problems.map((problem) => problem.split(' ')[0]));
        return new _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz([
            ...error.problems,
            ...valueError.problems.filter((problem) => !named.has(problem.split(' ')[0])),
        ]);
    }
}
/** Bad flags or inputs: every problem named, exit status 2; anything else is a bug and stays loud. */
function badInput(error) {
    if (!(error instanceof _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz))
        throw error;
    process.stderr.write(`${error.problems.map((problem) => `error: ${problem}`).join('\n')}\n(see build-test-deploy --help)\n`);
    return 2;
}
process.exitCode = await main(process.argv.slice(2));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1197:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ sourceUrlOf)
/* harmony export */ });
/* unused harmony export webUrlOfRemote */
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(507);

/** `git@github.com:acme/app.git`, `https://user:token@github.com/acme/app.git` → `https://github.com/acme/app`. */
function webUrlOfRemote(remote) {
    const trimmed = remote.trim();
    const bare = (repository) => repository.replace(/\/+$/, '').replace(/\.git$/, '');
    // scp-like `user@host:path`: no scheme, a colon before the first slash.
    const scp = trimmed.includes('://') ? null : /^(?:[^@/\s]+@)?([^:/\s]+):([^\s]+)$/.exec(trimmed);
    if (scp !== null) {
        const repository = bare(scp[2] ?? '').replace(/^\/+/, '');
        return repository === '' ? undefined : `https://${scp[1] ?? ''}/${repository}`;
    }
    try {
        const url = new URL(trimmed);
        const repository = bare(url.pathname);
        if (!['https:', 'http:', 'ssh:', 'git:'].includes(url.protocol) || repository.length <= 1)
            return undefined;
        // Never the credentials a remote URL may hold; the port only of a web address (not ssh's or git's).
        return url.protocol === 'http:' || url.protocol === 'https:'
            ? `${url.protocol}//${url.host}${repository}`
            : `https://${url.hostname}${repository}`;
    }
    catch {
        return undefined;
    }
}
/**
 * The repository's URL for the OCI source label: as the action says it inside a workflow (GITHUB_REPOSITORY),
 * else the web address of the context's `origin` remote; none for a local-only repository.
 */
async function sourceUrlOf(env, context) {
    if (env.GITHUB_REPOSITORY !== undefined && env.GITHUB_REPOSITORY !== '')
        return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
    const remote = await (0,_process_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCommand */ .d)('git', ['-C', context, 'remote', 'get-url', 'origin'], { silent: true }).catch(() => undefined);
    return remote === undefined || remote.exitCode !== 0 ? undefined : webUrlOfRemote(remote.stdout);
}


/***/ }),

/***/ 1028:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ terminalReporter),
/* harmony export */   O: () => (/* binding */ useColour)
/* harmony export */ });
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_0__);

/** Colours only on a TTY, and never with NO_COLOR (any value but empty). */
function useColour(stream, env) {
    return stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
}
/** How many of a running phase's last output lines stay in view. */
const LIVE_LINES = 6;
function terminalReporter(options) {
    const { stream, fold, colour } = options;
    const paint = (code, text) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
    const secrets = [];
    // Kept longest first (see secret()): a secret inside another must not leave the rest of that one in view.
    const redact = (text) => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
    const outputs = [];
    // The running phase: its output lines (all kept, for a failure) and how many live lines are on screen.
    let phaseLines = [];
    // Each stream's unfinished line, and its decoder: a chunk may end inside a character, or inside a secret.
    const partials = { stdout: '', stderr: '' };
    const decoders = { stdout: new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8'), stderr: new node_string_decoder__WEBPACK_IMPORTED_MODULE_0__.StringDecoder('utf8') };
    let shown = 0;
    let inPhase = false;
    const columns = () => Math.max(20, (stream.columns || 80) - 1);
    const erase = () => {
        if (shown > 0)
            stream.write(`\x1b[${shown}F\x1b[J`);
        shown = 0;
    };
    // A progress line redrawn with \r: what stays is its last state.
    const lastState = (line) => line.replace(/\r+$/, '').replace(/^[^]*\r/, '');
    /** Whether `text` ends in the first characters of a secret, the rest of which may follow in the next chunk. */
    const endsInSecretStart = (text) => secrets.some((secret) => {
        for (let k = Math.min(secret.length - 1, text.length); k > 0; k--)
            if (text.endsWith(secret.slice(0, k)))
                return true;
        return false;
    });
    const drawLive = () => {
        // The unfinished lines too (a progress line), unless one may end inside a secret.
        const unfinished = [partials.stdout, partials.stderr].filter((text) => text !== '' && !endsInSecretStart(text));
        const tail = [...phaseLines, ...unfinished.map(lastState)].slice(-LIVE_LINES);
        for (const line of tail)
            stream.write(`${paint('2', `  ${line.replace(/\t/g, '  ').slice(0, columns() - 2)}`)}\n`);
        shown = tail.length;
    };
    /** A line that stays: above the live lines of a folded phase. */
    const say = (line) => {
        if (fold && inPhase)
            erase();
        stream.write(`${redact(line)}\n`);
        if (fold && inPhase)
            drawLive();
    };
    const phaseOutput = (text, from) => {
        // Redacted together with the unfinished line before it: a secret may come in two chunks. Of the unfinished
        // line only its last state is kept, with its trailing \r if any (the next chunk redraws it then).
        const parts = redact(partials[from] + text).split('\n');
        partials[from] = (parts.pop() ?? '').replace(/^[^]*\r(?=[^\r])/, '');
        const lines = parts.map(lastState);
        if (!fold || !inPhase) {
            for (const line of lines)
                stream.write(`${line}\n`);
            return;
        }
        phaseLines.push(...lines);
        erase();
        drawLive();
    };
    const flushPartial = () => {
        for (const from of ['stdout', 'stderr']) {
            const rest = redact(partials[from] + decoders[from].end());
            partials[from] = '';
            if (rest === '')
                continue;
            if (fold && inPhase)
                phaseLines.push(lastState(rest));
            else
                stream.write(`${lastState(rest)}\n`);
        }
    };
    return {
        phaseStarted: (name) => {
            flushPartial();
            // A phase that still runs (the clean-up after Ctrl-C interrupts it) keeps all it printed, as a failed one.
            if (fold && inPhase) {
                erase();
                for (const line of phaseLines)
                    stream.write(`  ${line}\n`);
            }
            stream.write(`${paint('1', `▸ ${name}`)}\n`);
            inPhase = true;
            phaseLines = [];
        },
        phaseEnded: (name, seconds, ok) => {
            flushPartial();
            if (fold)
                erase();
            const mark = ok ? paint('32', '✓') : paint('31', '✗');
            // A failed phase keeps all it printed: that is where the reason is.
            if (fold && !ok)
                for (const line of phaseLines)
                    stream.write(`  ${line}\n`);
            stream.write(`${mark} ${name} ${paint('2', `(${seconds.toFixed(3)} s)`)}\n`);
            inPhase = false;
            phaseLines = [];
        },
        info: (message) => say(`  ${message}`),
        warning: (message) => say(paint('33', `warning: ${message}`)),
        annotation: ({ message, title, file, line }) => say(paint('31', `error: ${title}${file === undefined ? '' : ` (${file}${line === undefined ? '' : `:${line}`})`}: ${message}`)),
        details: (title, text) => say(`${paint('1', title)}\n${text}`),
        secret: (value) => {
            if (value !== '' && !secrets.includes(value)) {
                secrets.push(value);
                secrets.sort((a, b) => b.length - a.length);
            }
        },
        failed: (message) => say(paint('31', `error: ${message}`)),
        outputs: (values) => {
            // One line each: a multi-line value (env) has its lines joined by spaces, none of which its lines hold.
            for (const [name, value] of Object.entries(values))
                outputs.push(`${name}=${value.replace(/\n/g, ' ')}`);
        },
        summary: (report) => {
            const total = report.phases.reduce((sum, phase) => sum + phase.seconds, 0);
            say(report.failure === undefined
                ? paint('32', `Passed: ${report.imageRef} (${report.imageId})${report.pushed ? `, pushed ${report.digest}` : ''} in ${total.toFixed(1)} s.`)
                : paint('31', `Failed after ${total.toFixed(1)} s.`));
            return Promise.resolve();
        },
        command: (line) => {
            flushPartial();
            phaseOutput(`$ ${line}\n`, 'stdout');
        },
        output: (chunk, from) => phaseOutput(decoders[from].write(chunk), from),
        outputLines: () => outputs,
    };
}


/***/ }),

/***/ 478:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ uncommittedChanges)
/* harmony export */ });
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(507);

/**
 * How many files in the context differ from the commit checked out (`git status --porcelain`, untracked
 * files included, ignored ones not); undefined outside a git work tree. A developer's checkout often has
 * some: the image would then hold them under HEAD's sha.
 */
async function uncommittedChanges(context) {
    const status = await (0,_process_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCommand */ .d)('git', ['-C', context, 'status', '--porcelain', '--untracked-files=normal', '--', '.'], {
        silent: true,
    }).catch(() => undefined);
    if (status === undefined || status.exitCode !== 0)
        return undefined;
    return status.stdout.split('\n').filter((line) => line.trim() !== '').length;
}


/***/ }),

/***/ 8391:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $4: () => (/* binding */ imageInspectArgs),
/* harmony export */   Cj: () => (/* binding */ tagArgs),
/* harmony export */   F$: () => (/* binding */ containerImagesArgs),
/* harmony export */   F_: () => (/* binding */ testExecArgs),
/* harmony export */   G_: () => (/* binding */ allImageIdsArgs),
/* harmony export */   Gh: () => (/* binding */ containerLogsArgs),
/* harmony export */   Hx: () => (/* binding */ engineStoreArgs),
/* harmony export */   JG: () => (/* binding */ killContainerArgs),
/* harmony export */   L7: () => (/* binding */ containerRemoveArgs),
/* harmony export */   R8: () => (/* binding */ containerInspectArgs),
/* harmony export */   b2: () => (/* binding */ imageRemoveArgs),
/* harmony export */   be: () => (/* binding */ loginArgs),
/* harmony export */   bw: () => (/* binding */ pullArgs),
/* harmony export */   cX: () => (/* binding */ containerEventsArgs),
/* harmony export */   dn: () => (/* binding */ imageHistoryArgs),
/* harmony export */   fQ: () => (/* binding */ runArgs),
/* harmony export */   g0: () => (/* binding */ engineInfoArgs),
/* harmony export */   gQ: () => (/* binding */ followLogsArgs),
/* harmony export */   kJ: () => (/* binding */ pushArgs),
/* harmony export */   m8: () => (/* binding */ danglingArgs),
/* harmony export */   mT: () => (/* binding */ healthProbeArgs),
/* harmony export */   oM: () => (/* binding */ copyFromContainerArgs),
/* harmony export */   pe: () => (/* binding */ repositoryTagsArgs),
/* harmony export */   qt: () => (/* binding */ buildxInspectArgs),
/* harmony export */   rg: () => (/* binding */ imageSummariesArgs),
/* harmony export */   tj: () => (/* binding */ danglingLabelledArgs),
/* harmony export */   zy: () => (/* binding */ containerIdsArgs)
/* harmony export */ });
/* unused harmony exports execShellArgs, EXEC_GATE, EXEC_GATE_NAME, heldExecShellArgs */
const JSON_FORMAT = '{{json .}}';
/**
 * The engine's version and image store, and the CLI's plugins (buildx among them), in one call: `docker info`
 * asks every plugin for its metadata anyway.
 */
function engineInfoArgs() {
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
function buildxInspectArgs(builder) {
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


/***/ }),

/***/ 1936:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ax: () => (/* binding */ STAMP_BASE),
/* harmony export */   Bt: () => (/* binding */ legacyBuildArgs),
/* harmony export */   ev: () => (/* binding */ stampDockerfile),
/* harmony export */   k3: () => (/* binding */ BAKE_STAMP_TARGET),
/* harmony export */   kp: () => (/* binding */ bakeEntitlements),
/* harmony export */   rz: () => (/* binding */ bakeArgs),
/* harmony export */   wr: () => (/* binding */ legacyStampArgs),
/* harmony export */   xC: () => (/* binding */ BAKE_BUILD_TARGET),
/* harmony export */   xs: () => (/* binding */ bakeDefinition)
/* harmony export */ });
/* unused harmony exports secretArg, bakeLiteral, dockerfileString */
function secretArg(secret) {
    return 'env' in secret.source
        ? `id=${secret.id},env=${secret.source.env}`
        : `id=${secret.id},src=${secret.source.src}`;
}
/** The user's Dockerfile on the classic builder; the stamp follows (legacyStampArgs). */
function legacyBuildArgs(options) {
    return [
        'build',
        // A failed step's container (and its layer, on a full disk) is not left behind.
        '--force-rm',
        ...options.cacheFrom.flatMap((ref) => ['--cache-from', ref]),
        '--file',
        options.file,
        '--iidfile',
        options.iidFile,
        ...options.buildArgs.flatMap(({ key, value }) => ['--build-arg', `${key}=${value}`]),
        ...(options.target === '' ? [] : ['--target', options.target]),
        // A context named like an option (`-x`) would reach docker as one.
        options.context.startsWith('-') ? `./${options.context}` : options.context,
    ];
}
/** The classic builder's stamp: a Dockerfile on stdin (see stampDockerfile), no context. */
function legacyStampArgs(tags) {
    return ['build', ...tags.flatMap((tag) => ['--tag', tag]), '-'];
}
/** The bake targets: the user's Dockerfile, and the stamp that starts from its result. */
const BAKE_BUILD_TARGET = 'build';
const BAKE_STAMP_TARGET = 'stamp';
/** The name the stamp's FROM gives the build target's result (a bake `target:` context). */
const STAMP_BASE = 'build-test-deploy-build';
/** Bake reads every string of its file as an HCL template: `${` and `%{` must stay literal. */
function bakeLiteral(text) {
    return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}
/**
 * The bake file of one BuildKit build: the user's Dockerfile, and the stamp, whose FROM is that build's
 * result as a `target:` context. Bake hands the stamp the build's whole graph, not an image: the stamp's
 * inline cache then covers every step of the user's Dockerfile, so the pushed :latest is a cache source.
 */
function bakeDefinition(options) {
    const literal = (values) => values.map(bakeLiteral);
    const build = {
        context: bakeLiteral(options.context),
        dockerfile: bakeLiteral(options.file),
        args: Object.fromEntries(options.buildArgs.map(({ key, value }) => [key, bakeLiteral(value)])),
        ...(options.target === '' ? {} : { target: options.target }),
        ...(options.secrets.length === 0 ? {} : { secret: literal(options.secrets.map(secretArg)) }),
        'cache-from': literal(options.cacheFrom),
        // Only the stamp's result is wanted (the docker driver writes an untagged image anyway).
        output: ['type=cacheonly'],
    };
    const stamp = {
        context: bakeLiteral(options.stampContext),
        'dockerfile-inline': bakeLiteral(options.stampDockerfile),
        contexts: { [STAMP_BASE]: `target:${BAKE_BUILD_TARGET}` },
        tags: literal(options.tags),
        'cache-from': literal(options.cacheFrom),
        'cache-to': literal(options.cacheTo),
        output: ['type=docker'],
    };
    return { target: { [BAKE_BUILD_TARGET]: build, [BAKE_STAMP_TARGET]: stamp } };
}
/**
 * BuildKit's default provenance attestation holds the build's start and end times: on the containerd image
 * store it makes the image an index whose digest changes with every build of the same commit. And it would
 * describe the stamp step, not the user's build.
 */
const NO_PROVENANCE = '--provenance=false';
/** Bakes the stamp target (and with it the build target), its progress as JSON (see build-progress.ts). */
function bakeArgs(options) {
    return [
        'buildx',
        'bake',
        '--file',
        options.bakeFile,
        '--metadata-file',
        options.metadataFile,
        '--progress=rawjson',
        NO_PROVENANCE,
        ...(options.allow ?? []).map((entitlement) => `--allow=${entitlement}`),
        ...(options.builder === '' ? [] : ['--builder', options.builder]),
        BAKE_STAMP_TARGET,
    ];
}
/** A cache spec's attributes (`type=local,dest=/c,mode=max`). */
function specAttributes(spec) {
    return new Map(spec.split(',').map((part) => {
        const equals = part.indexOf('=');
        return equals === -1 ? [part.trim(), ''] : [part.slice(0, equals).trim(), part.slice(equals + 1)];
    }));
}
/**
 * What bake must be allowed to read and write on this machine: exactly the files the inputs name (a build
 * secret's file, a local cache source), and the folder a local cache goes to. `existing` gives the deepest part
 * of a path that exists, which is what buildx grants (a cache folder is made by the build).
 */
function bakeEntitlements(options, existing) {
    const read = [
        ...options.secrets.flatMap((secret) => ('src' in secret.source ? [secret.source.src] : [])),
        ...options.cacheFrom.flatMap((spec) => {
            const attributes = specAttributes(spec);
            return attributes.get('type') === 'local' && (attributes.get('src') ?? '') !== ''
                ? [attributes.get('src') ?? '']
                : [];
        }),
    ];
    const write = options.cacheTo.flatMap((spec) => {
        const attributes = specAttributes(spec);
        return attributes.get('type') === 'local' && (attributes.get('dest') ?? '') !== ''
            ? [attributes.get('dest') ?? '']
            : [];
    });
    return [
        ...new Set([
            ...read.map((file) => `fs.read=${existing(file)}`),
            ...write.map((dir) => `fs.write=${existing(dir)}`),
        ]),
    ];
}
/** A Dockerfile double-quoted string: `"`, `\\` and `$` (variable expansion) escaped, so a value arrives as written. */
function dockerfileString(text) {
    return `"${text.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}
/**
 * Metadata-only steps on top of the user's image: ENV comes last, so the sha holds whatever the
 * Dockerfile declared, without editing the user's Dockerfile. All labels go in one LABEL instruction:
 * the classic builder makes a step of each --label flag.
 */
function stampDockerfile(baseImage, shaEnv, sha, labels) {
    const label = labels.length === 0
        ? ''
        : `LABEL ${labels.map(({ key, value }) => `${dockerfileString(key)}=${dockerfileString(value)}`).join(' ')}\n`;
    return `FROM ${baseImage}\nENV ${shaEnv}=${sha}\n${label}`;
}


/***/ }),

/***/ 454:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ BuildProgress),
/* harmony export */   n: () => (/* binding */ FAILED_STEP_LINES)
/* harmony export */ });
// BuildKit's progress as JSON (`--progress=rawjson`: one JSON object after another, each over several lines),
// read as it comes: shown in the log as `--progress=plain` shows it, and kept for what the cache did.
/** How much of a failed step's output the error repeats. */
const FAILED_STEP_LINES = 20;
// `[stage 2/4] RUN …`, `[2/4] COPY …`: the Dockerfile's own steps; `[internal] …` and `[stamp] exporting …` are not.
const STEP_NAME = /^\[(?:[^\]]+ )?\d+\/\d+\] (\S+)/;
const CACHE_IMPORT_NAME = /^(?:\[[^\]]*\] )?importing cache manifest from (\S+)$/;
class BuildProgress {
    vertices = new Map();
    rendered = [];
    // The splitter's state: depth of braces, inside a string, after a backslash, the object or text so far.
    depth = 0;
    inString = false;
    escaped = false;
    object = '';
    text = '';
    /** Takes the next chunk of output; returns what to show of it in the log (plain lines). */
    write(chunk) {
        const out = [];
        for (const char of chunk) {
            if (this.depth === 0) {
                if (char === '{' && this.text.trim() === '') {
                    this.text = '';
                    this.depth = 1;
                    this.object = char;
                }
                else if (char === '\n') {
                    if (this.text.trim() !== '')
                        out.push(this.text);
                    this.text = '';
                }
                else
                    this.text += char;
                continue;
            }
            this.object += char;
            if (this.inString) {
                if (this.escaped)
                    this.escaped = false;
                else if (char === '\\')
                    this.escaped = true;
                else if (char === '"')
                    this.inString = false;
            }
            else if (char === '"')
                this.inString = true;
            else if (char === '{')
                this.depth++;
            else if (char === '}' && --this.depth === 0) {
                out.push(...this.take(this.object));
                this.object = '';
            }
        }
        this.rendered.push(...out);
        return out.map((line) => `${line}\n`).join('');
    }
    /** The output has ended: what is left to show. */
    end() {
        const out = [];
        for (const vertex of this.vertices.values())
            if (vertex.pending !== '')
                out.push(this.line(vertex, vertex.pending));
        if (this.text.trim() !== '')
            out.push(this.text);
        if (this.object.trim() !== '')
            out.push(this.object);
        this.text = '';
        this.object = '';
        this.rendered.push(...out);
        return out.map((line) => `${line}\n`).join('');
    }
    /** Everything shown so far, as the log has it. */
    log() {
        return this.rendered.join('\n');
    }
    /** The Dockerfile's steps that completed, each once: reused from a cache, or run. */
    steps() {
        return [...this.vertices.values()]
            .filter((vertex) => vertex.completed || vertex.cached)
            .map((vertex) => ({ vertex, kind: STEP_NAME.exec(vertex.name)?.[1] }))
            .filter(({ kind }) => kind !== undefined && kind.toUpperCase() !== 'FROM')
            .map(({ vertex }) => ({ name: vertex.name, cached: vertex.cached }));
    }
    /** The step whose own error failed the build (not one cancelled with it), and its last lines of output. */
    failedStep() {
        const failed = [...this.vertices.values()].find((vertex) => vertex.error !== '' && STEP_NAME.test(vertex.name) && !/\b(?:context )?cancel+ed\b/i.test(vertex.error));
        if (failed === undefined)
            return undefined;
        const output = failed.pending === '' ? failed.output : [...failed.output, failed.pending];
        return { name: failed.name, output: output.slice(-FAILED_STEP_LINES) };
    }
    /** The registry cache sources BuildKit tried, each once. */
    cacheImports() {
        const imports = new Map();
        for (const vertex of this.vertices.values()) {
            const ref = CACHE_IMPORT_NAME.exec(vertex.name)?.[1];
            if (ref === undefined || !vertex.completed)
                continue;
            const error = vertex.error === '' ? undefined : vertex.error;
            // Both targets import the same source: a miss in either is a miss.
            if (!imports.has(ref) || error !== undefined)
                imports.set(ref, { ref, error });
        }
        return [...imports.values()];
    }
    take(json) {
        let status;
        try {
            status = JSON.parse(json);
        }
        catch {
            return [json];
        }
        const out = [];
        for (const raw of Array.isArray(status.vertexes) ? status.vertexes : [])
            out.push(...this.vertex(raw));
        for (const raw of Array.isArray(status.logs) ? status.logs : [])
            out.push(...this.logLines(raw));
        for (const raw of Array.isArray(status.warnings) ? status.warnings : []) {
            if (typeof raw.short === 'string')
                out.push(`WARNING: ${Buffer.from(raw.short, 'base64').toString().trim()}`);
        }
        return out;
    }
    known(digest, name) {
        const existing = this.vertices.get(digest);
        if (existing !== undefined)
            return { vertex: existing, isNew: false };
        const vertex = {
            digest,
            number: this.vertices.size + 1,
            name,
            cached: false,
            completed: false,
            error: '',
            started: undefined,
            completedAt: undefined,
            pending: '',
            output: [],
        };
        this.vertices.set(digest, vertex);
        return { vertex, isNew: true };
    }
    vertex(raw) {
        if (typeof raw.digest !== 'string')
            return [];
        const name = typeof raw.name === 'string' ? raw.name : raw.digest;
        const { vertex, isNew } = this.known(raw.digest, name);
        const out = isNew ? [`#${vertex.number} ${name}`] : [];
        if (raw.cached === true)
            vertex.cached = true;
        if (typeof raw.started === 'string')
            vertex.started ??= raw.started;
        if (typeof raw.error === 'string' && raw.error !== '')
            vertex.error = raw.error;
        if (typeof raw.completed === 'string' && !vertex.completed) {
            vertex.completed = true;
            vertex.completedAt = raw.completed;
            if (vertex.pending !== '') {
                out.push(this.line(vertex, vertex.pending));
                vertex.output.push(vertex.pending);
            }
            vertex.pending = '';
            out.push(`#${vertex.number} ${this.outcome(vertex)}`);
        }
        return out;
    }
    outcome(vertex) {
        if (vertex.error !== '')
            return `ERROR: ${vertex.error}`;
        if (vertex.cached)
            return 'CACHED';
        const seconds = vertex.started === undefined || vertex.completedAt === undefined
            ? undefined
            : (Date.parse(vertex.completedAt) - Date.parse(vertex.started)) / 1000;
        return seconds === undefined || Number.isNaN(seconds) ? 'DONE' : `DONE ${seconds.toFixed(1)}s`;
    }
    logLines(raw) {
        if (typeof raw.vertex !== 'string' || typeof raw.data !== 'string')
            return [];
        const { vertex } = this.known(raw.vertex, raw.vertex);
        // As plain progress shows a step's output: with the seconds since the step started.
        const seconds = typeof raw.timestamp === 'string' && vertex.started !== undefined
            ? (Date.parse(raw.timestamp) - Date.parse(vertex.started)) / 1000
            : Number.NaN;
        const lines = (vertex.pending + Buffer.from(raw.data, 'base64').toString()).split(/\r?\n/);
        vertex.pending = lines.pop() ?? '';
        vertex.output.push(...lines);
        vertex.output.splice(0, Math.max(0, vertex.output.length - FAILED_STEP_LINES));
        return lines.map((line) => this.line(vertex, Number.isFinite(seconds) ? `${seconds.toFixed(3)} ${line}` : line));
    }
    line(vertex, text) {
        return `#${vertex.number} ${text}`;
    }
}


/***/ }),

/***/ 9331:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Bi: () => (/* binding */ DockerError),
  T3: () => (/* binding */ docker),
  Bp: () => (/* binding */ dockerUntil),
  Hw: () => (/* binding */ startDocker)
});

// UNUSED EXPORTS: lastLines

;// CONCATENATED MODULE: external "node:readline"
const external_node_readline_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:readline");
// EXTERNAL MODULE: ./src/process/children.ts
var children = __nccwpck_require__(1414);
// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __nccwpck_require__(507);
;// CONCATENATED MODULE: ./src/docker/cli.ts



class DockerError extends Error {
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
        throw new DockerError(args, result);
    return result;
}
function startDocker(args, options) {
    return (0,run/* spawnTracked */.A)('docker', args, { env: options.env, stdio: [options.stdin, 'pipe', 'pipe'] });
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
            finish(() => code === 0 ? resolve(undefined) : reject(new DockerError(args, { exitCode: code ?? -1, stdout: '', stderr })));
        });
    });
}
function lastLines(text, count) {
    return text.trim().split('\n').slice(-count).join(' | ');
}


/***/ }),

/***/ 656:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The docker CLI's config folder (config.json, contexts, cli-plugins): DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== ''
        ? env.DOCKER_CONFIG
        : node_path__WEBPACK_IMPORTED_MODULE_1__.join((0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.docker');
}


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _2: () => (/* binding */ storedCredentials),
/* harmony export */   ur: () => (/* binding */ configKey)
/* harmony export */ });
/* unused harmony exports authsEntry, helperFor */
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(507);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(656);
/* harmony import */ var _shared_image_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6876);





/** The key docker uses in config.json for a registry: Docker Hub's is its legacy index URL. */
function configKey(registry) {
    return registry === _shared_image_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .DOCKER_HUB */ .Xb ? 'https://index.docker.io/v1/' : registry;
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
    const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join((0,_config_js__WEBPACK_IMPORTED_MODULE_3__/* .dockerConfigDir */ .k)(process.env), 'config.json');
    let config;
    try {
        config = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
    const helper = helperFor(config, registry);
    if (helper !== undefined && helper !== '') {
        // The credential-helper protocol: the server on stdin, {"Username","Secret"} on stdout.
        const result = await (0,_process_run_js__WEBPACK_IMPORTED_MODULE_0__/* .runCommand */ .d)(`docker-credential-${helper}`, ['get'], {
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

/***/ 7266:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  n: () => (/* binding */ DockerEngine)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/docker/args.ts
var docker_args = __nccwpck_require__(8391);
// EXTERNAL MODULE: ./src/docker/build-args.ts
var build_args = __nccwpck_require__(1936);
// EXTERNAL MODULE: ./src/docker/build-progress.ts
var build_progress = __nccwpck_require__(454);
// EXTERNAL MODULE: ./src/docker/cli.ts + 1 modules
var cli = __nccwpck_require__(9331);
// EXTERNAL MODULE: ./src/docker/engine-facts.ts
var engine_facts = __nccwpck_require__(7206);
// EXTERNAL MODULE: ./src/docker/output.ts
var output = __nccwpck_require__(7807);
;// CONCATENATED MODULE: ./src/docker/docker-image-reader.ts




/** The engine's images, read through the docker CLI: all that resolve asks, without the loop's operations. */
class DockerImageReader {
    imageStore() {
        return (0,engine_facts/* imageStoreOf */.Sf)();
    }
    async inspectImage(ref) {
        return (0,output/* parseImageDetails */.Dr)((await (0,cli/* docker */.T3)((0,docker_args/* imageInspectArgs */.$4)(ref), { silent: true })).stdout);
    }
    async findImage(ref) {
        const args = (0,docker_args/* imageInspectArgs */.$4)(ref);
        const result = await (0,cli/* docker */.T3)(args, { silent: true, allowFailure: true });
        if (result.exitCode === 0)
            return (0,output/* parseImageDetails */.Dr)(result.stdout);
        if (/no such (?:image|object)/i.test(result.stderr))
            return undefined;
        throw new cli/* DockerError */.Bi(args, result);
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/process/children.ts
var children = __nccwpck_require__(1414);
// EXTERNAL MODULE: ./src/shared/json.ts
var json = __nccwpck_require__(8451);
// EXTERNAL MODULE: ./src/docker/config.ts
var docker_config = __nccwpck_require__(656);
;// CONCATENATED MODULE: ./src/docker/engine-api.ts






// The engine's own API over its unix socket, where the docker CLI would reach the engine there too: for the
// calls the prune makes by the hundred, the CLI processes cost more than the engine's own work
// (docs/adr/0004-prune-through-the-engine-api.md). Every other call, and every other endpoint: the CLI.
/** The CLI's engine when no DOCKER_HOST, context or config names another. */
const DEFAULT_SOCKET = '/var/run/docker.sock';
const socketOf = (host) => host.startsWith('unix://') && host.length > 'unix://'.length ? host.slice('unix://'.length) : undefined;
/**
 * The docker CLI's choice of engine (DOCKER_HOST, else DOCKER_CONTEXT, else config.json's currentContext,
 * else the default socket), where it ends at a unix socket without TLS. Pure: the stored contexts come in.
 */
function engineEndpoint(env, platform, currentContext, contexts) {
    if (platform === 'win32')
        return { socket: undefined, why: 'on Windows the engine listens on a named pipe' };
    if ((env.DOCKER_TLS ?? '') !== '' || (env.DOCKER_TLS_VERIFY ?? '') !== '')
        return { socket: undefined, why: 'DOCKER_TLS or DOCKER_TLS_VERIFY is set' };
    const host = env.DOCKER_HOST ?? '';
    if (host !== '') {
        const socket = socketOf(host);
        return socket === undefined
            ? { socket: undefined, why: `DOCKER_HOST=${host} is no unix socket` }
            : { socket, from: `DOCKER_HOST=${host}` };
    }
    const name = env.DOCKER_CONTEXT !== undefined && env.DOCKER_CONTEXT !== '' ? env.DOCKER_CONTEXT : currentContext;
    if (name === undefined || name === '' || name === 'default')
        return { socket: DEFAULT_SOCKET, from: 'the default context' };
    const contextHost = contexts.host(name);
    if (contextHost === undefined)
        return { socket: undefined, why: `docker context ${name} has no docker endpoint` };
    const socket = socketOf(contextHost);
    if (socket === undefined)
        return { socket: undefined, why: `docker context ${name} is at ${contextHost}, no unix socket` };
    if (contexts.hasTls(name))
        return { socket: undefined, why: `docker context ${name} uses TLS` };
    return { socket, from: `docker context ${name}` };
}
function readJson(file) {
    try {
        return JSON.parse((0,external_node_fs_.readFileSync)(file, 'utf8'));
    }
    catch {
        return undefined;
    }
}
/** engineEndpoint from this machine's docker config folder, as the CLI reads it. */
function localEngineEndpoint(env) {
    const dir = (0,docker_config/* dockerConfigDir */.k)(env);
    const config = readJson(external_node_path_.join(dir, 'config.json'));
    // The CLI keeps each context under the sha256 of its name.
    const stored = (name, ...parts) => external_node_path_.join(dir, 'contexts', ...parts, (0,external_node_crypto_.createHash)('sha256').update(name).digest('hex'));
    const contexts = {
        host: (name) => {
            const meta = readJson(external_node_path_.join(stored(name, 'meta'), 'meta.json'));
            const endpoints = (0,json/* isObject */.G)(meta) && (0,json/* isObject */.G)(meta.Endpoints) ? meta.Endpoints : {};
            const host = (0,json/* isObject */.G)(endpoints.docker) ? (0,json/* str */.g)(endpoints.docker.Host) : '';
            return host === '' ? undefined : host;
        },
        hasTls: (name) => (0,external_node_fs_.existsSync)(stored(name, 'tls')),
    };
    const current = (0,json/* isObject */.G)(config) ? (0,json/* str */.g)(config.currentContext) : '';
    return engineEndpoint(env, process.platform, current === '' ? undefined : current, contexts);
}
/** The API version the CLI would speak: DOCKER_API_VERSION when set, else the engine's own (its `/_ping`). */
function apiVersionOf(env, pingHeader) {
    const pinned = env.DOCKER_API_VERSION ?? '';
    const version = pinned !== '' ? pinned : (pingHeader ?? '');
    return /^\d+\.\d+$/.test(version) ? version : undefined;
}
/**
 * Connects to the engine at `socket` with up to `connections` requests at a time, undefined when it does not
 * answer its `/_ping` with an API version (the caller then takes the CLI, which says why if it fails too).
 * The connections end with a cancelled run's children.
 */
async function connectEngineApi(socket, env, connections) {
    // Loaded here: a run that prunes nothing never pays for node's http.
    const http = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const untrack = (0,children/* trackConnections */.RA)(agent);
    const close = () => {
        untrack();
        agent.destroy();
    };
    const send = (method, apiPath) => new Promise((resolve, reject) => {
        const sent = http.request({ socketPath: socket, path: apiPath, method, agent }, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
                const header = response.headers['api-version'];
                resolve({
                    status: response.statusCode ?? 0,
                    body: Buffer.concat(chunks).toString('utf8'),
                    version: typeof header === 'string' ? header : undefined,
                });
            });
        });
        sent.on('error', reject);
        sent.end();
    });
    const ping = await send('GET', '/_ping').catch(() => undefined);
    const version = ping?.status === 200 ? apiVersionOf(env, ping.version) : undefined;
    if (version === undefined) {
        close();
        return undefined;
    }
    return {
        socket,
        request: async (method, apiPath) => {
            const { status, body } = await send(method, `/v${version}${apiPath}`);
            return { status, body };
        },
        close,
    };
}
/** The message of an API error answer (`{"message": …}`), else its body. */
function apiErrorMessage(response) {
    try {
        const parsed = JSON.parse(response.body);
        if ((0,json/* isObject */.G)(parsed) && typeof parsed.message === 'string')
            return parsed.message;
    }
    catch {
        // not JSON: the body as it came
    }
    return response.body.trim() === '' ? `HTTP ${response.status}` : response.body.trim();
}

;// CONCATENATED MODULE: ./src/docker/image-calls.ts




/** The docker CLI: one process per call, `processes` at a time. */
function cliImageCalls(via, processes) {
    // Images gone between the listing and the inspect are all docker complained of.
    const vanished = (result) => result.stderr.split('\n').every((line) => line.trim() === '' || /no such (?:image|object)/i.test(line));
    return {
        via,
        parallel: processes,
        inspect: async (ids) => {
            const result = await (0,cli/* docker */.T3)((0,docker_args/* imageSummariesArgs */.rg)(ids), { silent: true, allowFailure: true });
            return { images: (0,output/* parseImageSummaries */.Zp)(result.stdout), complete: result.exitCode === 0 || vanished(result) };
        },
        containers: async (ids) => (0,output/* parseContainerImages */.Zq)((await (0,cli/* docker */.T3)((0,docker_args/* containerImagesArgs */.F$)(ids), { silent: true, allowFailure: true })).stdout),
        remove: async (refs) => {
            const result = await (0,cli/* docker */.T3)((0,docker_args/* imageRemoveArgs */.b2)(refs), { silent: true, allowFailure: true });
            return {
                deleted: (0,output/* parseRemovalOutput */.XN)(result.stdout).deleted,
                refused: result.exitCode === 0 ? undefined : result.stderr.trim(),
            };
        },
        close: () => undefined,
    };
}
/** The engine's API: one request per id or ref, in order, on a connection of its own while it lasts. */
function apiImageCalls(api, connections) {
    const each = async (items, request) => {
        const answers = [];
        for (const item of items)
            answers.push(await request(item));
        return answers;
    };
    const name = encodeURIComponent;
    return {
        via: `the engine API at unix://${api.socket}`,
        parallel: connections,
        inspect: async (ids) => {
            const answers = await each(ids, (id) => api.request('GET', `/images/${name(id)}/json`));
            return {
                images: answers.filter((answer) => answer.status === 200).map((answer) => (0,output/* parseApiImage */.PF)(answer.body)),
                complete: answers.every((answer) => answer.status === 200 || answer.status === 404),
            };
        },
        containers: async (ids) => {
            const answers = await each(ids, (id) => api.request('GET', `/containers/${name(id)}/json`));
            return answers.filter((answer) => answer.status === 200).map((answer) => (0,output/* parseApiContainer */.RX)(answer.body));
        },
        remove: async (refs) => {
            const answers = await each(refs, (ref) => api.request('DELETE', `/images/${name(ref)}`));
            // As the CLI reports a refusal (a container started using the image meanwhile).
            const refused = answers
                .filter((answer) => answer.status !== 200)
                .map((answer) => `Error response from daemon: ${apiErrorMessage(answer)}`);
            return {
                deleted: answers
                    .filter((answer) => answer.status === 200)
                    .flatMap((answer) => (0,output/* parseApiRemoval */.uq)(answer.body).deleted),
                refused: refused.length === 0 ? undefined : refused.join('\n'),
            };
        },
        close: () => api.close(),
    };
}
/**
 * The API where the docker CLI talks to a unix socket and the engine answers there, with `side.connections`
 * requests at a time; the CLI otherwise, with `side.processes` docker processes at a time.
 */
async function imageCalls(env, side) {
    const endpoint = localEngineEndpoint(env);
    if (endpoint.socket === undefined)
        return cliImageCalls(`the docker CLI (${endpoint.why})`, side.processes);
    const api = await connectEngineApi(endpoint.socket, env, side.connections);
    return api === undefined
        ? cliImageCalls(`the docker CLI (no engine API answers at unix://${endpoint.socket}, ${endpoint.from})`, side.processes)
        : apiImageCalls(api, side.connections);
}

// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(6876);
// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __nccwpck_require__(5517);
;// CONCATENATED MODULE: ./src/docker/private-config.ts






// The run's own docker config folder: the login the inputs give lives there, reachable by the action's own docker
// calls and by nothing else. The shared config (HOME's, DOCKER_CONFIG's: what the tests on the runner see, what
// docker/login-action wrote) is never written: an earlier login to the same registry is left as it was, and two
// runs under one user never log each other out. Everything else of the user's config is carried over: its
// settings and other logins (config.json), its plugins (buildx, compose), builders and contexts (linked).
const PREFIX = 'build-test-deploy-docker-config-';
/** The user's config.json with `registry`'s login kept in the file itself (0600, in a 0700 folder). */
function privateConfigJson(config, registry) {
    if (config.credsStore === undefined && config.credHelpers === undefined)
        return config;
    // An empty helper for the registry makes the CLI keep its login in config.json, not in the user's store.
    const hosts = registry === image_reference/* DOCKER_HUB */.Xb ? ['index.docker.io', (0,credentials/* configKey */.ur)(registry)] : [registry];
    return { ...config, credHelpers: { ...config.credHelpers, ...Object.fromEntries(hosts.map((host) => [host, ''])) } };
}
/** Makes the run's own config folder, under RUNNER_TEMP (or the system's temp folder); returns its path. */
async function createPrivateConfig(env, registry) {
    const shared = (0,docker_config/* dockerConfigDir */.k)(env);
    const dir = await (0,promises_.mkdtemp)(external_node_path_.join(env.RUNNER_TEMP !== undefined && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : (0,external_node_os_.tmpdir)(), PREFIX));
    try {
        let config = {};
        try {
            config = JSON.parse(await (0,promises_.readFile)(external_node_path_.join(shared, 'config.json'), 'utf8'));
        }
        catch {
            // none, or unreadable: docker itself would start from an empty one
        }
        await (0,promises_.writeFile)(external_node_path_.join(dir, 'config.json'), JSON.stringify(privateConfigJson(config, registry), null, 2), {
            mode: 0o600,
        });
        const entries = await (0,promises_.readdir)(shared).catch(() => []);
        for (const entry of entries)
            if (entry !== 'config.json')
                await (0,promises_.symlink)(external_node_path_.join(shared, entry), external_node_path_.join(dir, entry));
        return dir;
    }
    catch (error) {
        await removePrivateConfig(dir);
        throw error;
    }
}
/** Removes the run's own config folder and the login in it; only ever one this module made. */
async function removePrivateConfig(dir) {
    if (!external_node_path_.basename(dir).startsWith(PREFIX))
        throw new Error(`${dir} is not a docker config this action made.`);
    // The links go with the folder; what they point to stays.
    await (0,promises_.rm)(dir, { recursive: true, force: true });
}

// EXTERNAL MODULE: ./src/shared/workspace-path.ts
var workspace_path = __nccwpck_require__(6134);
;// CONCATENATED MODULE: ./src/docker/docker-engine.ts














const quiet = { silent: true, allowFailure: true };
const outcome = (result) => result.exitCode === 0 ? { ok: true, error: '' } : { ok: false, error: result.stderr.trim() };
const lines = (result) => result.stdout.split('\n').filter((line) => line !== '');
/** Its output failed the build: docker's message, and the output that says why. */
function buildFailure(args, result, log) {
    const shown = log === undefined ? result : { ...result, stdout: '', stderr: log };
    return { ok: false, error: new cli/* DockerError */.Bi(args, shown).message, log: log ?? result.stdout + result.stderr };
}
/** The engine through the docker CLI, as the user configured it (DOCKER_HOST, DOCKER_CONTEXT); the prune's calls by the hundred through its API where it answers. */
class DockerEngine extends DockerImageReader {
    env;
    /** The run's own docker config, once logged in: every later call of this engine uses it. */
    ownConfig;
    constructor(env = process.env) {
        super();
        this.env = env;
    }
    /** One docker CLI call, with the run's own config once there is one. */
    docker(args, options = {}) {
        return (0,cli/* docker */.T3)(args, this.ownConfig === undefined ? options : { ...options, env: { ...this.env, DOCKER_CONFIG: this.ownConfig } });
    }
    facts() {
        return (0,engine_facts/* checkEngine */.Xx)(this.env);
    }
    builderDriver(builder) {
        return (0,engine_facts/* builderDriver */.kW)(builder);
    }
    async pullImage(ref) {
        return outcome(await this.docker((0,docker_args/* pullArgs */.bw)(ref), { allowFailure: true }));
    }
    async tagImage(source, target) {
        await this.docker((0,docker_args/* tagArgs */.Cj)(source, target), { silent: true });
    }
    async removeImages(refs) {
        return outcome(await this.docker((0,docker_args/* imageRemoveArgs */.b2)(refs), quiet));
    }
    async imageHistory(id) {
        const result = await this.docker((0,docker_args/* imageHistoryArgs */.dn)(id), quiet);
        return result.exitCode === 0 ? (0,output/* parseImageHistory */.nM)(result.stdout) : undefined;
    }
    async imageIds() {
        const listed = await this.docker((0,docker_args/* allImageIdsArgs */.G_)(), quiet);
        return listed.exitCode === 0 ? [...new Set(lines(listed))] : undefined;
    }
    async repositoryTags(repository, signal) {
        return (0,output/* parseListedTags */.M$)((await this.docker((0,docker_args/* repositoryTagsArgs */.pe)(repository), { silent: true, signal })).stdout);
    }
    async danglingImages(label, signal) {
        const args = label === undefined ? (0,docker_args/* danglingArgs */.m8)() : (0,docker_args/* danglingLabelledArgs */.tj)(label.key, label.value);
        return lines(await this.docker(args, { silent: true, signal }));
    }
    async containerIds(signal) {
        return lines(await this.docker((0,docker_args/* containerIdsArgs */.zy)(), { silent: true, signal }));
    }
    imageCalls(side) {
        return imageCalls(this.env, side);
    }
    async classicBuild(build) {
        const dir = await workDir();
        try {
            const iidFile = external_node_path_.join(dir, 'image.iid');
            const args = (0,build_args/* legacyBuildArgs */.Bt)({ ...build, iidFile });
            const result = await this.docker(args, { allowFailure: true });
            if (result.exitCode !== 0)
                return { ...buildFailure(args, result), failedStep: (0,output/* legacyFailedStep */.Bs)(result.stdout, build_progress/* FAILED_STEP_LINES */.n) };
            return {
                ok: true,
                imageId: (await (0,promises_.readFile)(iidFile, 'utf8')).trim(),
                steps: (0,output/* parseLegacySteps */.C5)(result.stdout),
            };
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async classicStamp(tags, dockerfile) {
        const args = (0,build_args/* legacyStampArgs */.wr)(tags);
        const result = await this.docker(args, { input: dockerfile, silent: true, allowFailure: true });
        return result.exitCode === 0 ? { ok: true } : buildFailure(args, result);
    }
    async bake(options, builder, progress) {
        const dir = await workDir();
        try {
            const bakeFile = external_node_path_.join(dir, 'bake.json');
            const metadataFile = external_node_path_.join(dir, 'metadata.json');
            // buildx grants a path that does not exist yet (a cache folder the build makes) by its deepest existing part.
            const existing = (file) => (0,workspace_path/* existingPrefix */.EN)(external_node_path_.resolve(file)).existing;
            const allow = options.fsEntitlements ? (0,build_args/* bakeEntitlements */.kp)(options, existing) : [];
            const args = (0,build_args/* bakeArgs */.rz)({ bakeFile, metadataFile, builder, allow });
            await (0,promises_.writeFile)(bakeFile, JSON.stringify((0,build_args/* bakeDefinition */.xs)(options), undefined, 2));
            const result = await this.docker(args, { allowFailure: true, renderStderr: progress });
            if (result.exitCode !== 0)
                return {
                    ...buildFailure(args, result, progress.log()),
                    failedStep: progress.failedStep(),
                    stderr: result.stderr,
                };
            const digests = await (0,promises_.readFile)(metadataFile, 'utf8')
                .then(output/* parseBakeMetadata */.eK)
                .catch(() => ({}));
            return { ok: true, digests };
        }
        finally {
            await (0,promises_.rm)(dir, { recursive: true, force: true });
        }
    }
    async runContainer(name, extraArgs, imageRef) {
        return (await this.docker((0,docker_args/* runArgs */.fQ)(name, extraArgs, imageRef))).stdout.trim();
    }
    async inspectContainer(container) {
        return (0,output/* parseContainerState */.O2)((await this.docker((0,docker_args/* containerInspectArgs */.R8)(container), { silent: true })).stdout);
    }
    async findContainer(container) {
        const result = await this.docker((0,docker_args/* containerInspectArgs */.R8)(container), quiet);
        return result.exitCode === 0 ? (0,output/* parseContainerState */.O2)(result.stdout) : undefined;
    }
    async containerLogs(container, tail) {
        const logs = await this.docker((0,docker_args/* containerLogsArgs */.Gh)(container, tail), quiet);
        return (0,output/* mergeLogStreams */.A3)(logs.stdout, logs.stderr);
    }
    untilEvent(container, pick, signal) {
        return (0,cli/* dockerUntil */.Bp)((0,docker_args/* containerEventsArgs */.cX)(container.id, container.created), (line) => pick((0,output/* parseReadinessEvent */.e8)(line)), signal);
    }
    untilLogLine(container, pick, signal) {
        // `docker logs --follow` replays all output since the start before following: no line is missed.
        return (0,cli/* dockerUntil */.Bp)((0,docker_args/* followLogsArgs */.gQ)(container), pick, signal, { stderrLines: true });
    }
    startExec(exec) {
        const args = (0,docker_args/* testExecArgs */.F_)(exec, false);
        return { child: (0,cli/* startDocker */.Hw)(args, { env: execEnv(exec), stdin: 'ignore' }), display: `docker ${args.join(' ')}` };
    }
    holdExec(exec) {
        const args = (0,docker_args/* testExecArgs */.F_)(exec, true);
        return { child: (0,cli/* startDocker */.Hw)(args, { env: execEnv(exec), stdin: 'pipe' }), display: `docker ${args.join(' ')}` };
    }
    describeExec(exec) {
        return `docker ${(0,docker_args/* testExecArgs */.F_)(exec, false).join(' ')}`;
    }
    async probeHealth(container, command, timeoutMs, signal) {
        const timeout = AbortSignal.timeout(timeoutMs);
        const result = await this.docker((0,docker_args/* healthProbeArgs */.mT)(container, command), {
            ...quiet,
            signal: AbortSignal.any([signal, timeout]),
        });
        return result.exitCode === 0;
    }
    async killContainer(container) {
        await this.docker((0,docker_args/* killContainerArgs */.JG)(container), quiet);
    }
    async removeContainer(container) {
        const result = await this.docker((0,docker_args/* containerRemoveArgs */.L7)(container), quiet);
        if (result.exitCode === 0)
            return 'removed';
        if (/no such container/i.test(result.stderr))
            return 'gone';
        return { error: result.stderr.trim() };
    }
    async copyFromContainer(container, source, dir) {
        return outcome(await this.docker((0,docker_args/* copyFromContainerArgs */.oM)(container, source, dir), { allowFailure: true }));
    }
    async login(server, username, password) {
        const made = this.ownConfig === undefined;
        this.ownConfig ??= await createPrivateConfig(this.env, server ?? image_reference/* DOCKER_HUB */.Xb);
        const result = outcome(await this.docker((0,docker_args/* loginArgs */.be)(server, username), { input: password, allowFailure: true }));
        if (result.ok)
            return { ...result, config: this.ownConfig };
        // A failed first login leaves no folder behind: a retry makes a new one.
        if (made)
            await this.dropOwnConfig(this.ownConfig);
        return { ...result, config: undefined };
    }
    async logout(_server, config) {
        try {
            await this.dropOwnConfig(config);
            return { ok: true, error: '' };
        }
        catch (error) {
            return { ok: false, error: error.message };
        }
    }
    async dropOwnConfig(config) {
        if (this.ownConfig === config)
            this.ownConfig = undefined;
        await removePrivateConfig(config);
    }
    async push(ref) {
        const result = await this.docker((0,docker_args/* pushArgs */.kJ)(ref), { allowFailure: true });
        const tag = ref.slice(ref.lastIndexOf(':') + 1);
        return { ...outcome(result), digest: result.exitCode === 0 ? (0,output/* pushedDigest */.Mn)(result.stdout, tag) : undefined };
    }
}
/** A folder of the run's own for a build's files, where the runner keeps its temporary files. */
function workDir() {
    return (0,promises_.mkdtemp)(external_node_path_.join(process.env.RUNNER_TEMP ?? (0,external_node_os_.tmpdir)(), 'build-test-deploy-'));
}
/** The docker CLI's environment for a test's exec: test-env's values, which its argv names only. */
function execEnv(exec) {
    return { ...process.env, ...Object.fromEntries(exec.env.map(({ key, value }) => [key, value])) };
}


/***/ }),

/***/ 7206:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Sf: () => (/* binding */ imageStoreOf),
/* harmony export */   Xx: () => (/* binding */ checkEngine),
/* harmony export */   ap: () => (/* binding */ describeImageStore),
/* harmony export */   kW: () => (/* binding */ builderDriver),
/* harmony export */   u4: () => (/* binding */ BAKE_FS_ENTITLEMENTS_BUILDX),
/* harmony export */   wf: () => (/* binding */ engineLocation),
/* harmony export */   zy: () => (/* binding */ versionAtLeast)
/* harmony export */ });
/* unused harmony exports ENGINE_TIMEOUT_MS, buildxVersionOf */
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9331);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8391);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7807);



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
        return await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .dockerUntil */ .Bp)(args, pick, timeout.signal);
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
    return firstLine((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .engineStoreArgs */ .Hx)(), timeoutMs).then(_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageStore */ .gi, () => (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageStore */ .gi)(undefined));
}
/**
 * Asks the engine for its version and image store (and the CLI for buildx) before anything else, so a missing
 * or silent engine is a clear error within seconds, not a hang in the middle of a build.
 */
async function checkEngine(env = process.env, timeoutMs = ENGINE_TIMEOUT_MS) {
    // Without an engine the CLI still prints the line (with an empty version), then fails saying why.
    const info = await firstMatch((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .engineInfoArgs */ .g0)(), (line) => {
        const parsed = engineInfoOf(line);
        return parsed?.version === '' ? undefined : parsed;
    }, timeoutMs).catch((error) => error);
    if (info instanceof Error) {
        const reason = info instanceof _cli_js__WEBPACK_IMPORTED_MODULE_0__/* .DockerError */ .Bi ? (info.result.stderr.trim().split('\n').pop() ?? info.message) : info.message;
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
    return firstMatch((0,_args_js__WEBPACK_IMPORTED_MODULE_2__/* .buildxInspectArgs */ .qt)(builder), (line) => /^Driver:\s+(\S+)/.exec(line)?.[1], timeoutMs).catch(() => undefined);
}
function engineInfoOf(line) {
    try {
        return (0,_output_js__WEBPACK_IMPORTED_MODULE_1__/* .parseEngineInfo */ .Y)(line);
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


/***/ }),

/***/ 7807:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $R: () => (/* binding */ envValue),
/* harmony export */   A3: () => (/* binding */ mergeLogStreams),
/* harmony export */   Bs: () => (/* binding */ legacyFailedStep),
/* harmony export */   C5: () => (/* binding */ parseLegacySteps),
/* harmony export */   Dr: () => (/* binding */ parseImageDetails),
/* harmony export */   M$: () => (/* binding */ parseListedTags),
/* harmony export */   Mn: () => (/* binding */ pushedDigest),
/* harmony export */   O2: () => (/* binding */ parseContainerState),
/* harmony export */   PF: () => (/* binding */ parseApiImage),
/* harmony export */   RX: () => (/* binding */ parseApiContainer),
/* harmony export */   XN: () => (/* binding */ parseRemovalOutput),
/* harmony export */   Y: () => (/* binding */ parseEngineInfo),
/* harmony export */   Zp: () => (/* binding */ parseImageSummaries),
/* harmony export */   Zq: () => (/* binding */ parseContainerImages),
/* harmony export */   Zu: () => (/* binding */ digestsFor),
/* harmony export */   e8: () => (/* binding */ parseReadinessEvent),
/* harmony export */   eK: () => (/* binding */ parseBakeMetadata),
/* harmony export */   gi: () => (/* binding */ parseImageStore),
/* harmony export */   nM: () => (/* binding */ parseImageHistory),
/* harmony export */   uq: () => (/* binding */ parseApiRemoval)
/* harmony export */ });
/* unused harmony exports HEALTHCHECK_DEFAULTS, parseJsonLines, parseHealthcheck */
/* harmony import */ var _shared_json_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8451);

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
        id: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.Id),
        parent: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.Parent),
        repoTags: stringList(image.RepoTags),
        created: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.Created),
        size: typeof image.Size === 'number' ? image.Size : 0,
        lastTagTime: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.LastTagTime),
        labels: stringRecord(image.Labels, 'image labels'),
        layers: stringList(image.Layers),
    };
}
function parseImageSummaries(stdout) {
    return parseJsonLines(stdout).map((line) => imageSummaryOf(asObject(line, 'docker image inspect')));
}
const containerImageOf = (container) => ({
    name: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(container.Name).replace(/^\//, ''),
    imageId: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(container.Image),
});
const field = (value, name) => ((0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .G)(value) ? value[name] : undefined);
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
    const of = (name) => items.map((item) => (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(field(item, name))).filter((value) => value !== '');
    return { untagged: of('Untagged'), deleted: of('Deleted') };
}
function parseContainerImages(stdout) {
    return parseJsonLines(stdout).map((line) => containerImageOf(asObject(line, 'docker container inspect')));
}
/** `docker image ls --no-trunc --format '{{json .}}' <repository>`: its tags and their image ids. */
function parseListedTags(stdout) {
    return parseJsonLines(stdout).map((line) => {
        const image = asObject(line, 'docker image ls');
        return { id: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.ID), tag: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(image.Tag) };
    });
}
/** `docker image history --human=false --format '{{json .}}'`: the image first, then its ancestors. */
function parseImageHistory(stdout) {
    return parseJsonLines(stdout).map((line) => {
        const step = asObject(line, 'docker image history');
        const size = Number((0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(step.Size));
        return { id: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(step.ID), size: Number.isFinite(size) ? size : 0, createdBy: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(step.CreatedBy) };
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
    if (!(0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .G)(metadata))
        return {};
    return Object.fromEntries(Object.entries(metadata).map(([target, value]) => {
        const digest = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .isObject */ .G)(value) ? value['containerimage.digest'] : undefined;
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
        id: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(container.Id),
        name: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(container.Name).replace(/^\//, ''),
        image: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(container.Image),
        created: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(container.Created),
        status: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(state.Status),
        exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : -1,
        oomKilled: state.OOMKilled === true,
        error: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(state.Error),
        health: health === undefined
            ? undefined
            : {
                status: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(health.Status),
                probes: (Array.isArray(health.Log) ? health.Log : []).map((probe) => {
                    const p = asObject(probe, 'health probe');
                    return {
                        start: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(p.Start),
                        exitCode: typeof p.ExitCode === 'number' ? p.ExitCode : -1,
                        output: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(p.Output),
                    };
                }),
            },
        ports: Object.fromEntries(Object.entries(ports).map(([port, bindings]) => [
            port,
            (Array.isArray(bindings) ? bindings : []).map((binding) => {
                const b = asObject(binding, 'port binding');
                return { hostIp: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(b.HostIp), hostPort: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(b.HostPort) };
            }),
        ])),
    };
}
/** One line of `docker events --format '{{json .}}'`. */
function parseReadinessEvent(line) {
    const event = asObject(JSON.parse(line), 'docker events');
    const action = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(event.Action) || (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(event.status);
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
            const exitCode = Number.parseInt((0,_shared_json_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .g)(attributes.exitCode), 10);
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

/***/ 7898:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ classifyRegistryFailure)
/* harmony export */ });
// What a failed docker login, push or pull says of the registry: docker prints these as prose only.
/**
 * What a failed `docker login`/`docker push` says: refused credentials and bad requests fail at once;
 * everything else (5xx, 429, connection reset or refused, timeouts, EOF) is worth another try.
 */
function classifyRegistryFailure(stderr) {
    if (/unauthorized|authentication required|no basic auth credentials|denied|forbidden|insufficient_scope|\b401\b|\b403\b/i.test(stderr))
        return 'auth';
    if (/invalid reference format|does not exist locally|tag does not exist|manifest invalid|name invalid|\b400 Bad Request\b/i.test(stderr))
        return 'permanent';
    return 'transient';
}


/***/ }),

/***/ 4164:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ cacheMissReason),
/* harmony export */   Yo: () => (/* binding */ parseCacheSetting),
/* harmony export */   _s: () => (/* binding */ planCache),
/* harmony export */   e7: () => (/* binding */ describeCache),
/* harmony export */   l7: () => (/* binding */ registryRef),
/* harmony export */   p2: () => (/* binding */ CACHE_AUTO)
/* harmony export */ });
/* unused harmony exports cacheForm, parseCacheSpec, NO_CACHE */
/* harmony import */ var _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6021);
/* harmony import */ var _shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6876);
/* harmony import */ var _docker_registry_failure_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7898);



const CACHE_AUTO = { auto: true, specs: [] };
const TYPES = {
    from: ['registry', 'local', 'gha', 's3', 'azblob'],
    to: ['inline', 'registry', 'local', 'gha', 's3', 'azblob'],
};
/** Attributes a type cannot go without, per direction. */
const REQUIRED = {
    from: { registry: 'ref', local: 'src' },
    to: { registry: 'ref', local: 'dest' },
};
function cacheForm(direction) {
    return direction === 'from'
        ? 'auto, none, or one buildx cache spec a line (type=registry,ref=…, type=gha, type=local,src=…)'
        : 'auto, none, or one buildx cache spec a line (type=registry,ref=…,mode=max, type=gha,mode=max, type=local,dest=…, type=inline)';
}
/** Parses one buildx cache spec; throws saying what is wrong with it (without quoting it). */
function parseCacheSpec(line, direction) {
    // buildx takes a bare image reference as a registry cache source.
    if (direction === 'from' && !line.includes('=')) {
        try {
            (0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageName */ ["if"])((0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryOf */ ._M)(line));
        }
        catch (error) {
            throw new Error(`it is neither a cache spec nor an image reference (the name ${error.message})`);
        }
        return { type: 'registry', attributes: { type: 'registry', ref: line }, text: `type=registry,ref=${line}` };
    }
    if (!line.includes('='))
        throw new Error('an image reference is a cache source only; write type=registry,ref=…');
    const attributes = {};
    for (const pair of line.split(',')) {
        const equals = pair.indexOf('=');
        const key = pair.slice(0, equals).trim();
        if (equals < 1 || key === '' || pair.slice(equals + 1).trim() === '')
            throw new Error(`"${pair.trim()}" is not key=value`);
        if (key in attributes)
            throw new Error(`it sets ${key} twice`);
        attributes[key] = pair.slice(equals + 1).trim();
    }
    const type = attributes.type;
    if (type === undefined)
        throw new Error('it has no type=…');
    if (!TYPES[direction].includes(type))
        throw new Error(`type=${type} is not one of ${TYPES[direction].join(', ')}`);
    const required = REQUIRED[direction][type];
    if (required !== undefined && attributes[required] === undefined)
        throw new Error(`it has no ${required}=… (type=${type} needs one)`);
    // As buildx reads it: buildx does not trim the fields.
    const text = Object.entries(attributes)
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
    return { type, attributes, text };
}
/** The ref of a `type=registry` cache spec as planned (its fields in any order), else undefined. */
function registryRef(spec) {
    try {
        const parsed = parseCacheSpec(spec, 'from');
        return parsed.type === 'registry' ? parsed.attributes.ref : undefined;
    }
    catch {
        return undefined;
    }
}
/** Parses cache-from or cache-to; empty means auto. */
function parseCacheSetting(raw, direction) {
    const lines = (0,_shared_field_parser_js__WEBPACK_IMPORTED_MODULE_0__/* .nonBlankLines */ .n5)(raw);
    if (lines.length === 0)
        return CACHE_AUTO;
    const problems = [];
    const specs = [];
    let auto = false;
    lines.forEach((line, index) => {
        if (line === 'auto')
            auto = true;
        else if (line === 'none') {
            if (lines.length > 1)
                problems.push(`line ${index + 1} is none beside other lines (none stands alone)`);
        }
        else {
            try {
                specs.push(parseCacheSpec(line, direction));
            }
            catch (error) {
                problems.push(`line ${index + 1} is "${line}": ${error.message}`);
            }
        }
    });
    if (problems.length > 0)
        throw new Error(`${problems.join('; ')}; expected ${cacheForm(direction)}`);
    return { auto, specs };
}
const NO_CACHE = { pull: [], from: [], to: [] };
/** A registry cache spec whose ref names this image (any tag): what the classic builder can use. */
function ownImageRef(spec, image) {
    const ref = spec.type === 'registry' ? spec.attributes.ref : undefined;
    if (ref === undefined || Object.keys(spec.attributes).some((key) => key !== 'type' && key !== 'ref'))
        return undefined;
    try {
        return (0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarName */ .hG)((0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .parseImageName */ ["if"])((0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryOf */ ._M)(ref))) === (0,_shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .familiarName */ .hG)(image) ? ref : undefined;
    }
    catch {
        return undefined;
    }
}
function describeBuilder(builder) {
    return `the buildx builder ${builder.name === '' ? '(the current one)' : `"${builder.name}"`} has the docker driver`;
}
/**
 * Plans the cache of one build; throws, naming the input and what it needs, when a spec cannot work with this
 * builder. `auto`: the image's own :latest in its registry (and the engine's own cache, always); on BuildKit
 * the pushed image carries its cache inline.
 */
function planCache(from, to, image, builder, naming) {
    const latest = `${image.name}:latest`;
    const problems = [];
    if (builder.kind === 'legacy') {
        const refs = from.auto ? [latest] : [];
        for (const spec of from.specs) {
            const ref = ownImageRef(spec, image);
            if (ref === undefined)
                problems.push(`${naming.subject('cache-from')} has "${spec.text}", which needs BuildKit (docker buildx); the classic builder takes only the image's own reference (e.g. ${latest}) as a cache source.`);
            else if (!refs.includes(ref))
                refs.push(ref);
        }
        for (const spec of to.specs)
            problems.push(`${naming.subject('cache-to')} has "${spec.text}", which needs BuildKit (docker buildx); with the classic builder use auto (its images are cache sources by themselves) or none.`);
        if (problems.length > 0)
            throw new Error(problems.join('\n'));
        return { pull: refs, from: refs, to: [] };
    }
    if (builder.driver === 'docker') {
        // The docker driver exports cache only inline, unless the engine keeps its images in containerd.
        const dockerDriverCan = (spec, direction) => spec.type === 'inline' ||
            (!['s3', 'azblob'].includes(spec.type) && (direction === 'from' || builder.containerdStore));
        for (const [direction, setting] of [
            ['from', from],
            ['to', to],
        ]) {
            for (const spec of setting.specs) {
                if (dockerDriverCan(spec, direction))
                    continue;
                const needs = ['s3', 'azblob'].includes(spec.type)
                    ? 'a builder with another driver (docker-container, kubernetes or remote)'
                    : 'a builder with another driver (docker-container, kubernetes or remote), or the containerd image store on this engine';
                problems.push(`${naming.subject(`cache-${direction}`)} has "${spec.text}", which needs ${needs}; ${describeBuilder(builder)}${builder.containerdStore ? '' : ' on an engine without the containerd image store'}.`);
            }
        }
        if (problems.length > 0)
            throw new Error(problems.join('\n'));
    }
    const specs = (setting, auto, text) => [
        ...new Set([...(setting.auto ? [auto] : []), ...setting.specs.map(text)]),
    ];
    return {
        pull: [],
        from: specs(from, `type=registry,ref=${latest}`, (spec) => spec.text),
        // A cache export that fails (a refused push of the cache ref, say) is no reason to fail the build.
        to: specs(to, 'type=inline', (spec) => spec.type === 'inline' || 'ignore-error' in spec.attributes ? spec.text : `${spec.text},ignore-error=true`),
    };
}
/** Why a registry cache source was not used, from the builder's or the pull's message. */
function cacheMissReason(message) {
    const reason = message
        .trim()
        .split('\n')
        .pop()
        ?.replace(/^Error response from daemon: /, '')
        .replace(/^failed to configure registry cache importer: /, '')
        .trim() ?? '';
    if (/\bnot found\b|manifest unknown|name unknown|no such manifest/i.test(reason))
        return 'not found';
    return (0,_docker_registry_failure_js__WEBPACK_IMPORTED_MODULE_2__/* .classifyRegistryFailure */ .k)(reason) === 'auth' ? `refused: ${reason}` : `unreachable: ${reason}`;
}
/** One line for the build group and the summary: `cache: hit from …` or `cache: miss: … not found`, with the steps. */
function describeCache(outcome) {
    const found = outcome.sources.filter((source) => source.found === true).map((source) => source.source);
    const unknown = outcome.sources.filter((source) => source.found === undefined).map((source) => source.source);
    const missed = outcome.sources
        .filter((source) => source.found === false)
        .map((source) => `${source.source} ${source.reason ?? 'not found'}`);
    const steps = outcome.stepsReused + outcome.stepsRun;
    const counts = `${outcome.stepsReused} of ${steps} step${steps === 1 ? '' : 's'} reused, ${outcome.stepsRun} run`;
    const misses = missed.length === 0 ? '' : `miss: ${missed.join('; ')}`;
    if (outcome.stepsReused === 0) {
        const what = [misses, ...unknown.map((source) => `${source} gave nothing`)].filter((part) => part !== '');
        return `cache: ${what.length === 0 ? 'miss' : what.join('; ')} (${counts})${outcome.sources.length === 0 ? '; no cache source asked for' : ''}`;
    }
    // Which source a reused step came from, BuildKit says only for registry sources.
    const from = found.length > 0 ? found.join(', ') : [...unknown, "the engine's own cache"].join(' or ');
    return `cache: hit from ${from} (${counts})${misses === '' ? '' : `; ${misses}`}`;
}


/***/ }),

/***/ 3668:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Ko: () => (/* binding */ readInputs)
});

// UNUSED EXPORTS: PRUNE_GRACE_RANGE, PRUNE_KEEP_RANGE, PUSH_RETRIES_RANGE, TEST_TIMEOUT_RANGE, WAIT_FOR_FORM, WAIT_TIMEOUT_RANGE, parseBuildSecrets, parseInputs, parseKeyValueLines, parsePruneMode, parseWaitFor

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(6876);
// EXTERNAL MODULE: ./src/shared/field-parser.ts
var field_parser = __nccwpck_require__(6021);
// EXTERNAL MODULE: ./src/shared/service-env.ts
var service_env = __nccwpck_require__(7084);
// EXTERNAL MODULE: ./src/shared/workspace-path.ts
var workspace_path = __nccwpck_require__(6134);
// EXTERNAL MODULE: ./src/shared/vocabulary.ts
var vocabulary = __nccwpck_require__(1229);
// EXTERNAL MODULE: ./src/loop/cache.ts
var cache = __nccwpck_require__(4164);
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
    const cacheFrom = field('cache-from', (raw) => (0,cache/* parseCacheSetting */.Yo)(raw, 'from'), cache/* CACHE_AUTO */.p2);
    const cacheTo = field('cache-to', (raw) => (0,cache/* parseCacheSetting */.Yo)(raw, 'to'), cache/* CACHE_AUTO */.p2);
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


/***/ }),

/***/ 9322:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  y: () => (/* binding */ runLoop)
});

// EXTERNAL MODULE: ./src/process/children.ts
var children = __nccwpck_require__(1414);
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
var command_log = __nccwpck_require__(1207);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/loop/container.ts

/**
 * A container name unique per run, attempt and step (parallel jobs on one self-hosted engine never
 * collide), readable in `docker ps`: `<last path component>-<tag>-<run id>-<attempt>-<random>`.
 */
function containerName(repositoryPath, tag, runId, runAttempt, random = (0,external_node_crypto_.randomBytes)(3).toString('hex')) {
    const base = repositoryPath.slice(repositoryPath.lastIndexOf('/') + 1);
    return [base, tag, runId ?? 'local', runAttempt ?? '1', random].join('-').replace(/[^a-zA-Z0-9_.-]/g, '_');
}
/** Removes the container and its anonymous volumes; true when it is gone (also when it never existed). */
async function removeContainer(engine, name) {
    const removal = await engine.removeContainer(name);
    if (removal === 'removed')
        return { done: true, message: `Removed container ${name}.` };
    if (removal === 'gone')
        return { done: true, message: `Container ${name} was already gone.` };
    return { done: false, message: `Could not remove container ${name}: ${removal.error}` };
}

;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __nccwpck_require__(5517);
// EXTERNAL MODULE: ./src/docker/output.ts
var output = __nccwpck_require__(7807);
// EXTERNAL MODULE: ./src/docker/registry-failure.ts
var registry_failure = __nccwpck_require__(7898);
// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __nccwpck_require__(6876);
// EXTERNAL MODULE: ./src/shared/service-env.ts
var service_env = __nccwpck_require__(7084);
// EXTERNAL MODULE: ./src/loop/cache.ts
var loop_cache = __nccwpck_require__(4164);
// EXTERNAL MODULE: ./src/shared/json.ts
var json = __nccwpck_require__(8451);
;// CONCATENATED MODULE: ./src/registry/registry-error.ts
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
    return `${algorithm}:${(0,external_node_crypto_.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function matchesDigest(bytes, digest) {
    if (!DIGEST_PATTERN.test(digest))
        return false;
    return digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') === digest;
}
function parseDescriptor(value, what) {
    if (!(0,json/* isObject */.G)(value))
        throw new RegistryError(`The ${what} is not a descriptor object.`);
    const digest = (0,json/* str */.g)(value.digest);
    if (!DIGEST_PATTERN.test(digest))
        throw new RegistryError(`The ${what} has the digest "${digest.slice(0, 140)}"; expected sha256:<64 hex> or sha512:<128 hex>.`);
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
        throw new RegistryError('The manifest is not a JSON object.');
    if (body.schemaVersion === 1)
        throw new RegistryError('The manifest is Docker image manifest schema 1, which is not supported; push the image again with a current docker or buildx.');
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
            throw new RegistryError(`The ${mediaType} has no manifests list.`);
        return {
            kind: 'index',
            mediaType,
            manifests: body.manifests.map((entry, n) => parseDescriptor(entry, `index entry ${n + 1}`)),
        };
    }
    if (mediaType === MEDIA_TYPE.dockerManifest || mediaType === MEDIA_TYPE.ociManifest) {
        return { kind: 'image', mediaType, config: parseDescriptor(body.config, "manifest's config") };
    }
    throw new RegistryError(`The manifest has the media type "${mediaType.slice(0, 140)}"; expected a Docker or OCI image manifest or index.`);
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
        throw new RegistryError(entries.length === 0 ? 'The index lists no manifests.' : 'The index lists only attestations, no image.');
    throw new RegistryError(`The index has no ${platformName(platform)} image; its entries are ${manifests.map((entry) => platformName(entry.platform)).join(', ')}.`);
}
/** Env and labels of an image config blob (`config.Env`, `config.Labels`). */
function parseImageConfig(body) {
    if (!(0,json/* isObject */.G)(body))
        throw new RegistryError('The image config is not a JSON object.');
    const config = (0,json/* isObject */.G)(body.config) ? body.config : {};
    const labels = (0,json/* isObject */.G)(config.Labels) ? config.Labels : {};
    return {
        env: Array.isArray(config.Env) ? config.Env.map(json/* str */.g) : [],
        labels: Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, (0,json/* str */.g)(value)])),
    };
}

;// CONCATENATED MODULE: ./src/loop/run-report.ts




function emptyReport() {
    return {
        image: '',
        envPrefix: '',
        sha: '',
        tag: '',
        imageRef: '',
        latestRef: '',
        imageId: '',
        digest: '',
        digests: {},
        manifestType: '',
        pushed: false,
        testExitCode: undefined,
        pruned: 0,
        reclaimedBytes: 0,
        readySeconds: undefined,
        imageCadenceSeconds: undefined,
        reportsDir: '',
        junit: undefined,
        notices: [],
        cache: undefined,
        phases: [],
        failure: undefined,
    };
}
/** The run's record for the env output and env-file: the digest only of a push. */
function serviceRecord(report) {
    return {
        prefix: report.envPrefix,
        image: report.image,
        sha: report.sha,
        tag: report.tag,
        digest: report.pushed ? report.digest : '',
    };
}
function outputsOf(report) {
    return {
        sha: report.sha,
        tag: report.tag,
        image: report.image,
        'image-ref': report.imageRef,
        'latest-ref': report.latestRef,
        'image-id': report.imageId,
        digest: report.digest,
        digests: JSON.stringify(report.digests),
        'manifest-type': report.manifestType,
        pushed: String(report.pushed),
        'test-exit-code': report.testExitCode === undefined ? '' : String(report.testExitCode),
        'ready-seconds': report.readySeconds === undefined ? '' : report.readySeconds.toFixed(3),
        'reports-dir': report.reportsDir,
        'tests-passed': report.junit === undefined ? '' : String(report.junit.passed),
        'tests-failed': report.junit === undefined ? '' : String(report.junit.failed),
        'tests-skipped': report.junit === undefined ? '' : String(report.junit.skipped),
        pruned: String(report.pruned),
        'reclaimed-bytes': String(report.reclaimedBytes),
        'cache-hit': report.cache === undefined ? '' : String(report.cache.stepsReused > 0),
        'cache-steps-reused': report.cache === undefined ? '' : String(report.cache.stepsReused),
        'cache-steps-run': report.cache === undefined ? '' : String(report.cache.stepsRun),
        // Only a run that passed is a record to deploy from.
        env: report.failure === undefined && report.sha !== '' ? (0,service_env/* envLines */.Xk)(serviceRecord(report)).join('\n') : '',
    };
}
/** How the summary and the push's log name what the registry serves for the pushed tags. */
function describeManifest(mediaType) {
    if (mediaType === '')
        return 'not read back';
    return `${isIndexMediaType(mediaType) ? 'an index' : 'one image manifest'} (${mediaType})`;
}
function summaryTables(report) {
    const facts = [
        ['Result', report.failure === undefined ? 'passed' : `failed: ${report.failure}`],
        ...report.notices.map((notice) => ['Note', notice]),
        ['Image', report.imageRef || report.image],
        ['Tag', report.tag],
        ['SHA', report.sha],
        ['Image id', report.imageId],
        ['Digest', report.digest || '—'],
        ...Object.entries(report.digests)
            .filter(([repository]) => repository !== report.image)
            .map(([repository, digest]) => [`Mirror ${repository}`, digest]),
        [
            'Pushed',
            report.pushed
                ? `true: ${describeManifest(report.manifestType)}${report.testExitCode === undefined ? '; no test-command ran: pushed once the container was ready, untested' : ''}`
                : 'false',
        ],
        ['Test exit code', report.testExitCode === undefined ? '—' : String(report.testExitCode)],
        [
            'Ready after',
            report.readySeconds === undefined
                ? '—'
                : `${report.readySeconds.toFixed(3)} s${report.imageCadenceSeconds === undefined ? '' : ` (the image's own health check cadence: ${report.imageCadenceSeconds} s)`}`,
        ],
        [
            'Tests (JUnit)',
            report.junit === undefined
                ? '—'
                : `${report.junit.passed} passed, ${report.junit.failed} failed, ${report.junit.skipped} skipped`,
        ],
        ['Pruned', `${report.pruned} (${report.reclaimedBytes} bytes reclaimed)`],
        ['Cache', report.cache === undefined ? '—' : describeCache(report.cache).replace(/^cache: /, '')],
    ];
    const phases = report.phases.map((p) => [p.name, `${p.seconds.toFixed(1)} s`, p.ok ? 'ok' : 'failed']);
    return { facts: facts.map((row) => row.map(escapeHtml)), phases: phases.map((row) => row.map(escapeHtml)) };
}

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
        throw new RegistryError('The registry asked for a Bearer token but named no realm (token endpoint) in WWW-Authenticate.');
    let url;
    try {
        url = new URL(realm);
    }
    catch {
        throw new RegistryError(`The registry's token realm "${realm}" is not a URL.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new RegistryError(`The registry's token realm "${realm}" is not an http(s) URL.`);
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
    async readImage(reference, platform = DEFAULT_PLATFORM) {
        const top = await this.getManifest(reference);
        let current = top;
        let chosen;
        for (let depth = 0; current.manifest.kind === 'index'; depth++) {
            if (depth >= MAX_INDEX_DEPTH)
                throw new RegistryError(`The index ${top.digest} nests deeper than ${MAX_INDEX_DEPTH} levels.`);
            const entry = selectManifest(current.manifest.manifests, platform);
            chosen = entry.platform;
            current = await this.getManifest(entry.digest);
        }
        const config = current.manifest.config;
        const configTypes = [MEDIA_TYPE.dockerConfig, MEDIA_TYPE.ociConfig];
        if (!configTypes.includes(config.mediaType)) {
            throw new RegistryError(`The manifest ${current.digest} is not a container image: its config has the media type "${config.mediaType.slice(0, 140)}".`);
        }
        const blob = await this.getBlob(config.digest, CONFIG_LIMIT_BYTES);
        return {
            digest: top.digest,
            manifestDigest: current.digest,
            platform: chosen,
            config: parseImageConfig(parseJson(blob, `config blob ${config.digest}`)),
        };
    }
    async getManifest(reference) {
        const path = `/v2/${this.options.repository}/manifests/${reference}`;
        const response = await this.get(path, MANIFEST_ACCEPT);
        if (response.status !== 200)
            throw await this.unexpected(response, path, DIGEST_PATTERN.test(reference) ? `manifest ${reference}` : `tag "${reference}"`);
        const bytes = await readLimited(response, MANIFEST_LIMIT_BYTES, path);
        const computed = digestOf(bytes);
        const header = response.headers.get('docker-content-digest') ?? '';
        if (DIGEST_PATTERN.test(reference) && !matchesDigest(bytes, reference)) {
            throw new RegistryError(`The manifest the registry ${this.options.registry} returned for ${reference} does not match that digest.`);
        }
        if (header.startsWith('sha256:') && header !== computed) {
            throw new RegistryError(`The registry ${this.options.registry} says the manifest of ${reference} is ${header}, but its content hashes to ${computed}.`);
        }
        const digest = DIGEST_PATTERN.test(reference) ? reference : DIGEST_PATTERN.test(header) ? header : computed;
        return {
            digest,
            manifest: parseManifest(parseJson(bytes, `manifest ${reference}`), response.headers.get('content-type') ?? ''),
        };
    }
    /**
     * What a tag names, from a HEAD (which registries do not count as a pull): its digest and media type (an image
     * manifest or an index; '' when the registry sends none); a GET where no digest comes.
     */
    async manifestHead(reference) {
        const path = `/v2/${this.options.repository}/manifests/${reference}`;
        const response = await this.get(path, MANIFEST_ACCEPT, 'HEAD');
        if (response.status !== 200)
            throw await this.unexpected(response, path, `tag "${reference}"`, 'HEAD');
        await discard(response);
        const header = response.headers.get('docker-content-digest') ?? '';
        if (!DIGEST_PATTERN.test(header)) {
            const fetched = await this.getManifest(reference);
            return { digest: fetched.digest, mediaType: fetched.manifest.mediaType };
        }
        return { digest: header, mediaType: headerMediaType(response.headers.get('content-type') ?? '') };
    }
    /** The digest a tag names: see manifestHead. */
    async manifestDigest(reference) {
        return (await this.manifestHead(reference)).digest;
    }
    async getBlob(digest, limitBytes) {
        if (!DIGEST_PATTERN.test(digest))
            throw new RegistryError(`"${digest.slice(0, 140)}" is not a digest.`);
        const path = `/v2/${this.options.repository}/blobs/${digest}`;
        const response = await this.get(path, '*/*');
        if (response.status !== 200)
            throw await this.unexpected(response, path, `blob ${digest}`);
        const bytes = await readLimited(response, limitBytes, path);
        if (!matchesDigest(bytes, digest))
            throw new RegistryError(`The blob ${digest} the registry ${this.options.registry} returned does not match its digest.`);
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
            throw new RegistryError(`The registry ${this.options.registry} answered 401 to ${method} ${path} with ${challenges.length === 0 ? 'no WWW-Authenticate challenge' : `the unsupported challenge ${challenges.map((c) => c.scheme).join(', ')}`}.`, 401);
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
        return new RegistryError(`The registry ${this.options.registry} gives ${who} no pull access to ${this.options.repository}: it does not exist, or it is private (HTTP 401, insufficient_scope).`, 401, 'DENIED');
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
            throw new RegistryError(`The registry ${this.options.registry} wants credentials sent to ${url.origin} over plain http; refusing.`);
        }
        const response = await this.send(url.toString(), 'application/json', auth === undefined ? undefined : basicAuthorization(auth));
        if (response.status === 401 || response.status === 403) {
            await discard(response);
            throw this.authRefused(response.status);
        }
        if (response.status !== 200) {
            const body = await response.text().catch(() => '');
            throw new RegistryError(`The token endpoint ${url.origin}${url.pathname} of the registry ${this.options.registry} answered HTTP ${response.status}${describeBody(body)}.`, response.status);
        }
        const body = parseJson(await readLimited(response, 1024 * 1024, url.pathname), 'token response');
        const token = (0,json/* isObject */.G)(body) ? (0,json/* str */.g)(body.token) || (0,json/* str */.g)(body.access_token) : '';
        if (token === '')
            throw new RegistryError(`The token endpoint ${url.origin}${url.pathname} of the registry ${this.options.registry} returned no token.`);
        return `Bearer ${token}`;
    }
    authRefused(status) {
        const auth = this.options.auth;
        return auth === undefined
            ? new RegistryError(`The registry ${this.options.registry} requires credentials to read ${this.options.repository} (HTTP ${status}), and none were given.`, status, 'UNAUTHORIZED')
            : new RegistryError(`The registry ${this.options.registry} refused the credentials of user "${auth.username}" for ${this.options.repository} (HTTP ${status}).`, status, 'UNAUTHORIZED');
    }
    /** `what`: `tag "latest"`, `manifest sha256:…`, `blob sha256:…`. */
    async unexpected(response, path, what, method = 'GET') {
        const body = await response.text().catch(() => '');
        const error = registryErrorCode(body);
        if (response.status === 404) {
            return new RegistryError(`The registry ${this.options.registry} has no ${what} in ${this.options.repository}${error === undefined ? '' : ` (${error.code}${error.message === '' ? '' : `: ${error.message}`})`}.`, 404, error?.code ?? 'NOT_FOUND');
        }
        if (response.status === 403) {
            const who = this.options.auth === undefined ? 'anonymous access' : `user "${this.options.auth.username}"`;
            return new RegistryError(`The registry ${this.options.registry} denied ${who} to ${this.options.repository} (HTTP 403${error === undefined ? '' : `, ${error.code}`}).`, 403, error?.code ?? 'DENIED');
        }
        if (response.status === 429) {
            const asked = retryAfterMs(response.headers.get('retry-after'));
            return new RegistryError(`The registry ${this.options.registry} limits requests (HTTP 429 to ${method} ${path})${asked === undefined ? '' : `, asking to wait ${Math.ceil(asked / 1000)} s`}${asked !== undefined && asked > MAX_RETRY_AFTER_MS ? `, longer than the ${MAX_RETRY_AFTER_MS / 1000} s waited for` : this.retries > 0 ? `, also after ${this.retries} wait(s)` : ''}${describeBody(body)}.`, 429, error?.code ?? 'TOOMANYREQUESTS');
        }
        return new RegistryError(`The registry ${this.options.registry} answered HTTP ${response.status} to ${method} ${path}${describeBody(body)}.`, response.status, error?.code);
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
                throw new RegistryError(`Could not reach the registry ${this.options.registry} at ${new URL(target).origin}: ${reason}.`);
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
                throw new RegistryError(`The registry ${this.options.registry} redirected more than ${MAX_REDIRECTS} times.`);
            target = new URL(location, target).toString();
        }
    }
}
function parseJson(bytes, what) {
    try {
        return JSON.parse(Buffer.from(bytes).toString('utf8'));
    }
    catch {
        throw new RegistryError(`The ${what} is not JSON.`);
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
        throw new RegistryError(`${what} is ${declared} bytes; more than the ${limit} this reads.`);
    }
    if (response.body === null)
        return new Uint8Array();
    const chunks = [];
    let total = 0;
    for await (const chunk of response.body) {
        total += chunk.byteLength;
        if (total > limit)
            throw new RegistryError(`${what} is more than the ${limit} bytes this reads.`);
        chunks.push(chunk);
    }
    return new Uint8Array(Buffer.concat(chunks));
}

;// CONCATENATED MODULE: ./src/loop/push.ts










/** The server argument for docker login/logout: none for Docker Hub. */
function loginServer(registry) {
    return registry === image_reference/* DOCKER_HUB */.Xb ? undefined : registry;
}
function who(auth) {
    return auth === undefined
        ? 'the credentials of the earlier docker login (or none)'
        : `the credentials of user "${auth.username}"`;
}
/** Runs a registry operation, retrying transient failures `retries` times; refusals fail at once, saying who was refused where. */
async function withRetries(what, registry, auth, retries, operation, reporter) {
    for (let attempt = 0;; attempt++) {
        const result = await operation();
        if (result.ok)
            return result;
        const reason = result.error.split('\n').pop() ?? '';
        const kind = (0,registry_failure/* classifyRegistryFailure */.k)(result.error);
        if (kind === 'auth')
            throw new Error(`The registry ${registry} refused ${who(auth)} for ${what}: ${reason}`);
        if (kind === 'permanent')
            throw new Error(`${what} failed: ${reason}`);
        if (attempt >= retries)
            throw new Error(`${what} failed after ${attempt + 1} attempt(s) (push-retries: ${retries}); the registry ${registry} did not recover: ${reason}`);
        const delay = backoffMs(attempt + 1);
        reporter.warning(`${what} failed (${reason}); retry ${attempt + 1} of ${retries} in ${(delay / 1000).toFixed(1)} s.`);
        await (0,promises_namespaceObject.setTimeout)(delay);
    }
}
/**
 * Logs in with the password on stdin (masked when the inputs were read), retrying an unreachable registry.
 * Returns the run's own docker config folder the login is kept in.
 */
async function login(engine, registry, auth, retries, reporter) {
    const { config } = await withRetries(`docker login to ${registry}`, registry, auth, retries, () => engine.login(loginServer(registry), auth.username, auth.password), reporter);
    if (config === undefined)
        throw new Error(`docker login to ${registry} kept no docker config.`);
    return config;
}
/** Undoes the login: the run's own config folder goes, and the login with it; the shared config is untouched. */
async function logout(engine, registry, config) {
    const result = await engine.logout(loginServer(registry), config);
    return result.ok
        ? { done: true, message: `Logged out of ${registry}.` }
        : { done: false, message: `Could not log out of ${registry}: ${result.error}` };
}
/**
 * Pushes the sha tag, then latest, to each repository (so :latest never names what that registry does
 * not hold yet), then checks in each registry that both tags name one digest. Returns repository → what
 * the registry serves for both; `onPushed` hears of each repository as it is done, so a later failure
 * (a mirror's) loses nothing of what is true already.
 */
async function pushTags(engine, request, reporter, onPushed = () => undefined) {
    const pushed = {};
    for (const repository of request.repositories) {
        const mirror = repository.name !== request.built.name;
        const shaRef = `${repository.name}:${request.tag}`;
        const latestRef = `${repository.name}:latest`;
        // docker push goes by name: the names are set to the tested image's id first, whatever another run on this
        // engine tagged meanwhile.
        await Promise.all([shaRef, latestRef].map((ref) => engine.tagImage(request.imageId, ref)));
        let manifest;
        try {
            const auth = repository.registry === request.built.registry ? request.auth : undefined;
            const push = (ref) => withRetries(`docker push ${ref}`, repository.registry, auth, request.retries, () => engine.push(ref), reporter);
            const shaPush = await push(shaRef);
            await push(latestRef);
            manifest = await readBack(engine, repository, request, shaPush.digest, auth, reporter);
        }
        finally {
            // The mirror's local tags served the push only: the engine is left as the build left it.
            if (mirror)
                await engine.removeImages([shaRef, latestRef]);
        }
        pushed[repository.name] = manifest;
        onPushed(repository.name, manifest);
        const { digest, mediaType } = manifest;
        reporter.info(`Pushed ${repository.name}:${request.tag} and :latest (${digest}, ${describeManifest(mediaType)}).`);
        // The engine made more of it than the one image tested (an attestation, an index): said, not hidden.
        if (isIndexMediaType(mediaType))
            reporter.warning(`${repository.name}:${request.tag} is an index in the registry (${mediaType}), not the one image manifest that was tested: the engine added to it on push.`);
    }
    return pushed;
}
/**
 * The registry's digest is the tested image's: the image id itself (the containerd store names an image by its
 * manifest), or a digest the engine recorded when it pushed that very id (RepoDigests); no pull, no GET.
 */
async function provePushed(engine, repository, request, digest) {
    if (digest === request.imageId)
        return;
    const recorded = (0,output/* digestsFor */.Zu)((await engine.inspectImage(request.imageId)).repoDigests, (0,image_reference/* familiarName */.hG)(repository));
    if (recorded.includes(digest))
        return;
    throw new Error(`After the push, ${repository.name}:${request.tag} is ${digest} in the registry, which the engine never pushed for the tested image ${request.imageId} (its digests there: ${recorded.join(', ') || 'none'}): another run pushed that tag meanwhile?`);
}
/** What both tags name in the registry; falls back to docker's RepoDigests when the registry cannot be read. */
async function readBack(engine, repository, request, shaPushDigest, auth, reporter) {
    const client = new RegistryClient({
        registry: repository.registry,
        repository: repository.path,
        auth: auth ?? (await (0,credentials/* storedCredentials */._2)(repository.registry, reporter.secret)),
        retries: request.retries,
    });
    try {
        // HEADs: a registry that counts pulls (Docker Hub) counts no HEAD.
        const sha = await client.manifestHead(request.tag);
        const latest = await client.manifestDigest('latest');
        if (sha.digest !== latest) {
            throw new Error(`After the push, ${repository.name}:${request.tag} is ${sha.digest} but :latest is ${latest} in the registry: another push moved :latest meanwhile?`);
        }
        await provePushed(engine, repository, request, sha.digest);
        return sha;
    }
    catch (error) {
        if (!(error instanceof RegistryError))
            throw error;
        reporter.warning(`Could not read the pushed tags back from ${repository.registry} (${error.message}); the digest is docker's record of the push.`);
        const { repoDigests } = await engine.inspectImage(request.imageId);
        const candidates = (0,output/* digestsFor */.Zu)(repoDigests, (0,image_reference/* familiarName */.hG)(repository));
        // An image pushed before under other manifests can carry several digests: the push's own report says which.
        const digest = candidates.length === 1 ? candidates[0] : candidates.find((candidate) => candidate === shaPushDigest);
        if (digest === undefined)
            throw new Error(`Pushed ${repository.name}:${request.tag}, but docker reports no single registry digest for it (RepoDigests: ${candidates.join(', ') || 'none'}).`);
        return { digest, mediaType: '' };
    }
}

;// CONCATENATED MODULE: ./src/loop/cleanup.ts


const NO_LEFTOVERS = { container: '', loggedInRegistry: '', loginConfig: '' };
/** Removes what the run left behind; says (as warnings) what it could not undo, and returns that. Never throws. */
async function cleanUp(engine, leftovers, reporter) {
    const remaining = { ...NO_LEFTOVERS };
    const undo = async (what, action) => {
        try {
            const result = await action();
            if (result.done)
                reporter.info(result.message);
            else
                reporter.warning(result.message);
            if (!result.done)
                remaining[what] = leftovers[what];
        }
        catch (error) {
            reporter.warning(`Clean-up of ${what} failed: ${error.message}`);
            remaining[what] = leftovers[what];
        }
    };
    if (leftovers.container !== '')
        await undo('container', () => removeContainer(engine, leftovers.container));
    if (leftovers.loginConfig !== '') {
        await undo('loginConfig', () => logout(engine, leftovers.loggedInRegistry, leftovers.loginConfig));
        if (remaining.loginConfig !== '')
            remaining.loggedInRegistry = leftovers.loggedInRegistry;
    }
    return remaining;
}

// EXTERNAL MODULE: ./src/shared/vocabulary.ts
var vocabulary = __nccwpck_require__(1229);
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
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/docker/engine-facts.ts
var engine_facts = __nccwpck_require__(7206);
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

// EXTERNAL MODULE: ./src/shared/workspace-path.ts
var workspace_path = __nccwpck_require__(6134);
// EXTERNAL MODULE: ./src/docker/build-args.ts
var build_args = __nccwpck_require__(1936);
// EXTERNAL MODULE: ./src/docker/build-progress.ts
var build_progress = __nccwpck_require__(454);
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

// EXTERNAL MODULE: ./src/process/run.ts + 1 modules
var run = __nccwpck_require__(507);
// EXTERNAL MODULE: ./src/shared/field-parser.ts
var field_parser = __nccwpck_require__(6021);
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

;// CONCATENATED MODULE: external "node:net"
const external_node_net_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");
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
            await (0,promises_namespaceObject.setTimeout)(PROBE_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
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
        const socket = (0,external_node_net_namespaceObject.connect)({ host: host.replace(/^\[|\]$/g, ''), port, timeout: PROBE_TIMEOUT_MS });
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
            await (0,promises_namespaceObject.setTimeout)(PROBE_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
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
                watchers.push((0,promises_namespaceObject.setTimeout)(cadence.unhealthyAfterMs, undefined, { signal: stop.signal }).then(() => {
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
                const timeout = (0,promises_namespaceObject.setTimeout)(timeoutSeconds * 1000, undefined, { signal: stop.signal }).then(() => ({
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
    const { addCounts, parseJUnit } = await Promise.all(/* import() */[__nccwpck_require__.e(879), __nccwpck_require__.e(886)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5886));
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
    leftovers.loginConfig = await login(engine, inputs.image.registry, inputs.registryAuth, retries, reporter);
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
    const name = containerName(inputs.image.path, target.tag, settings.env.GITHUB_RUN_ID, settings.env.GITHUB_RUN_ATTEMPT);
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
        await pushTags(run.engine, {
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
        await writeWhole(file, (0,service_env/* withEnvGroup */.xh)(before, serviceRecord(report)));
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
    const report = emptyReport();
    const leftovers = { ...NO_LEFTOVERS };
    const background = new BackgroundWork();
    let finishing;
    // Once: by the run itself, or by a signal's handler; never twice, never side by side.
    const finish = () => (finishing ??= (async () => {
        await background.finish();
        if (leftovers.container !== '' || leftovers.loginConfig !== '') {
            await phase(report, reporter, 'Clean up', async () => settings.onLeftovers(await cleanUp(engine, leftovers, reporter)));
        }
        reporter.outputs(outputsOf(report));
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


/***/ }),

/***/ 1414:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HB: () => (/* binding */ killTracked),
/* harmony export */   RA: () => (/* binding */ trackConnections),
/* harmony export */   fH: () => (/* binding */ killChild),
/* harmony export */   u4: () => (/* binding */ track)
/* harmony export */ });
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

/***/ 1207:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Sh: () => (/* binding */ setCommandLog),
/* harmony export */   a0: () => (/* binding */ commandLog)
/* harmony export */ });
/* unused harmony export RUNNER_LOG */
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


/***/ }),

/***/ 507:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d: () => (/* binding */ runCommand),
  A: () => (/* binding */ spawnTracked)
});

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __nccwpck_require__(6193);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: ./src/process/children.ts
var children = __nccwpck_require__(1414);
// EXTERNAL MODULE: ./src/process/command-log.ts
var command_log = __nccwpck_require__(1207);
;// CONCATENATED MODULE: ./src/process/run.ts





function spawnTracked(file, args, options) {
    const child = (0,external_node_child_process_namespaceObject.spawn)(file, [...args], { ...options, detached: true });
    (0,children/* track */.u4)(child);
    return child;
}
/** Runs a command to its end, its output shown as it comes (unless silent) and returned. */
function runCommand(file, args, options = {}) {
    const silent = options.silent === true;
    const log = (0,command_log/* commandLog */.a0)();
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
        const decoder = new external_node_string_decoder_.StringDecoder('utf8');
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

/***/ 6021:
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
/* harmony export */   n5: () => (/* binding */ nonBlankLines),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1229);

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

/***/ 6876:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Bf: () => (/* binding */ IMAGE_NAME_FORM),
/* harmony export */   GO: () => (/* binding */ parseLoweringPath),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   _M: () => (/* binding */ repositoryOf),
/* harmony export */   hG: () => (/* binding */ familiarName),
/* harmony export */   "if": () => (/* binding */ parseImageName),
/* harmony export */   nA: () => (/* binding */ loweredNotice)
/* harmony export */ });
/* unused harmony exports TAG_PATTERN, lowercasePath */
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

/***/ 8451:
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

/***/ 7084:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ envFileImage),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   Xk: () => (/* binding */ envLines),
/* harmony export */   nJ: () => (/* binding */ defaultEnvPrefix),
/* harmony export */   xh: () => (/* binding */ withEnvGroup)
/* harmony export */ });
/* unused harmony exports ENV_SUFFIXES, pinnedRef */
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6876);

const ENV_SUFFIXES = ['IMAGE', 'SHA', 'TAG', 'DIGEST', 'IMAGE_REF'];
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
        const [first, second] = [(0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageName */ ["if"])(a), (0,_image_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseImageName */ ["if"])(b)];
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

/***/ 1229:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ REVISION_LABEL),
/* harmony export */   S: () => (/* binding */ REPOSITORY_LABEL),
/* harmony export */   jg: () => (/* binding */ ENV_NAME_PATTERN),
/* harmony export */   yw: () => (/* binding */ SHA_PATTERN)
/* harmony export */ });
/* unused harmony export escapeHtml */
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

/***/ 6134:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ existingPrefix),
/* harmony export */   KQ: () => (/* binding */ checkedWorkspacePath),
/* harmony export */   X5: () => (/* binding */ workspacePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** `child` is below `parent` (both absolute and normalised), not `parent` itself. */
function below(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1__.relative(parent, child);
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) && !node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute(relative);
}
function realOrSelf(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(file);
    }
    catch {
        return node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(file);
    }
}
/** The deepest part of `file` that exists (a link counts, even a broken one), and what follows it. */
function existingPrefix(file) {
    const rest = [];
    let existing = file;
    for (;;) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(existing);
            return { existing, rest };
        }
        catch {
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(existing);
            if (parent === existing)
                return { existing, rest };
            rest.unshift(node_path__WEBPACK_IMPORTED_MODULE_1__.basename(existing));
            existing = parent;
        }
    }
}
/**
 * Where `raw` (relative to the workspace, or absolute) lands: strictly inside the workspace, once every
 * symbolic link on the way that exists has been followed. A path not there yet is fine: it is created inside.
 */
function workspacePath(workspace, raw) {
    const root = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(workspace);
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(root, raw);
    if (file === root)
        return { problem: `is "${raw}", the workspace itself; expected a path inside it` };
    if (!below(root, file))
        return { problem: `is "${raw}", outside the workspace ${root}; expected a path inside it` };
    const { existing, rest } = existingPrefix(file);
    let real;
    try {
        real = node_path__WEBPACK_IMPORTED_MODULE_1__.join((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(existing), ...rest);
    }
    catch {
        return {
            problem: `is "${raw}", which leads through a broken symbolic link (${existing}); expected a path inside the workspace`,
        };
    }
    if (!below(realOrSelf(root), real))
        return {
            problem: `is "${raw}", which a symbolic link sends to ${real}, outside the workspace ${root}; expected a path inside it`,
        };
    return { path: file };
}
/** workspacePath's path, or an Error naming the input (for the check just before a write). */
function checkedWorkspacePath(workspace, raw, subject) {
    const checked = workspacePath(workspace, raw);
    if ('problem' in checked)
        throw new Error(`${subject} ${checked.problem}.`);
    return checked.path;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:string_decoder");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

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
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
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
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(486);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map