export const id = 527;
export const ids = [527];
export const modules = {

/***/ 5121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ actionReporter)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6421);
/* harmony import */ var _process_command_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1207);
/* harmony import */ var _loop_run_report_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8746);



/** The loop as a workflow step shows it: a log group per phase, annotations, step outputs, the job summary. */
const actionReporter = {
    phaseStarted: (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(name),
    phaseEnded: (_name, seconds) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Took ${seconds.toFixed(3)} s.`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    },
    info: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(message),
    warning: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(message),
    annotation: ({ message, title, file, line }) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, { title, file, startLine: line }),
    details: (title, text) => {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(title);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(text);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    },
    secret: (value) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(value),
    failed: (message) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(message),
    outputs: (outputs) => {
        for (const [name, value] of Object.entries(outputs))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(name, value);
    },
    summary: writeSummary,
    ..._process_command_log_js__WEBPACK_IMPORTED_MODULE_1__/* .RUNNER_LOG */ .ki,
};
async function writeSummary(report) {
    if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '')
        return;
    const { facts, phases } = (0,_loop_run_report_js__WEBPACK_IMPORTED_MODULE_2__/* .summaryTables */ .QQ)(report);
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z
        .addHeading('Build, test, deploy', 3)
        .addTable([
        [
            { data: 'What', header: true },
            { data: 'Value', header: true },
        ],
        ...facts,
    ])
        .addTable([
        [
            { data: 'Phase', header: true },
            { data: 'Took', header: true },
            { data: 'Status', header: true },
        ],
        ...phases,
    ])
        .write();
}


/***/ }),

/***/ 8391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 1670:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DockerError),
/* harmony export */   Bp: () => (/* binding */ dockerUntil),
/* harmony export */   Hw: () => (/* binding */ startDocker),
/* harmony export */   T3: () => (/* binding */ docker)
/* harmony export */ });
/* unused harmony export lastLines */
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _process_children_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1414);
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7212);



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
    const result = await (0,_process_run_js__WEBPACK_IMPORTED_MODULE_2__/* .runCommand */ .d)('docker', args, {
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
    return (0,_process_run_js__WEBPACK_IMPORTED_MODULE_2__/* .spawnTracked */ .A)('docker', args, { env: options.env, stdio: [options.stdin, 'pipe', 'pipe'] });
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
        const child = (0,_process_run_js__WEBPACK_IMPORTED_MODULE_2__/* .spawnTracked */ .A)('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
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
                (0,_process_children_js__WEBPACK_IMPORTED_MODULE_1__/* .killChild */ .fH)(child);
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
        (0,node_readline__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input: child.stdout }).on('line', handle);
        if (options.stderrLines === true)
            (0,node_readline__WEBPACK_IMPORTED_MODULE_0__.createInterface)({ input: child.stderr }).on('line', handle);
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ dockerConfigDir)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/** The docker CLI's config folder (config.json, contexts, cli-plugins): DOCKER_CONFIG, else ~/.docker. */
function dockerConfigDir(env) {
    return env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== ''
        ? env.DOCKER_CONFIG
        : node_path__WEBPACK_IMPORTED_MODULE_1__.join((0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)(), '.docker');
}


/***/ }),

/***/ 5517:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _2: () => (/* binding */ storedCredentials),
/* harmony export */   ur: () => (/* binding */ configKey)
/* harmony export */ });
/* unused harmony exports authsEntry, helperFor */
/* harmony import */ var _process_run_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7212);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(656);
/* harmony import */ var _shared_image_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6876);





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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ DockerEngine)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/docker/args.ts
var docker_args = __webpack_require__(8391);
// EXTERNAL MODULE: ./src/docker/build-args.ts
var build_args = __webpack_require__(1936);
// EXTERNAL MODULE: ./src/docker/build-progress.ts
var build_progress = __webpack_require__(454);
// EXTERNAL MODULE: ./src/docker/cli.ts
var cli = __webpack_require__(1670);
// EXTERNAL MODULE: ./src/docker/engine-facts.ts
var engine_facts = __webpack_require__(7206);
// EXTERNAL MODULE: ./src/docker/output.ts
var output = __webpack_require__(7807);
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
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/process/children.ts
var children = __webpack_require__(1414);
// EXTERNAL MODULE: ./src/shared/json.ts
var json = __webpack_require__(8451);
// EXTERNAL MODULE: ./src/docker/config.ts
var docker_config = __webpack_require__(656);
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
    const http = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 7067, 23));
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
var image_reference = __webpack_require__(6876);
// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __webpack_require__(5517);
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
var workspace_path = __webpack_require__(6134);
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sf: () => (/* binding */ imageStoreOf),
/* harmony export */   Xx: () => (/* binding */ checkEngine),
/* harmony export */   ap: () => (/* binding */ describeImageStore),
/* harmony export */   kW: () => (/* binding */ builderDriver),
/* harmony export */   u4: () => (/* binding */ BAKE_FS_ENTITLEMENTS_BUILDX),
/* harmony export */   wf: () => (/* binding */ engineLocation),
/* harmony export */   zy: () => (/* binding */ versionAtLeast)
/* harmony export */ });
/* unused harmony exports ENGINE_TIMEOUT_MS, buildxVersionOf */
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1670);
/* harmony import */ var _args_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8391);
/* harmony import */ var _output_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7807);



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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony import */ var _shared_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8451);

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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $x: () => (/* binding */ cacheMissReason),
/* harmony export */   Yo: () => (/* binding */ parseCacheSetting),
/* harmony export */   _s: () => (/* binding */ planCache),
/* harmony export */   e7: () => (/* binding */ describeCache),
/* harmony export */   l7: () => (/* binding */ registryRef),
/* harmony export */   p2: () => (/* binding */ CACHE_AUTO)
/* harmony export */ });
/* unused harmony exports cacheForm, parseCacheSpec, NO_CACHE */
/* harmony import */ var _shared_field_parser_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6021);
/* harmony import */ var _shared_image_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6876);
/* harmony import */ var _docker_registry_failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7898);



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

/***/ 4978:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ NO_LEFTOVERS),
/* harmony export */   n: () => (/* binding */ cleanUp)
/* harmony export */ });
/* harmony import */ var _container_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7169);
/* harmony import */ var _push_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(673);


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
        await undo('container', () => (0,_container_js__WEBPACK_IMPORTED_MODULE_0__/* .removeContainer */ .o)(engine, leftovers.container));
    if (leftovers.loginConfig !== '') {
        await undo('loginConfig', () => (0,_push_js__WEBPACK_IMPORTED_MODULE_1__/* .logout */ .ri)(engine, leftovers.loggedInRegistry, leftovers.loginConfig));
        if (remaining.loginConfig !== '')
            remaining.loggedInRegistry = leftovers.loggedInRegistry;
    }
    return remaining;
}


/***/ }),

/***/ 7169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ removeContainer),
/* harmony export */   x: () => (/* binding */ containerName)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A container name unique per run, attempt and step (parallel jobs on one self-hosted engine never
 * collide), readable in `docker ps`: `<last path component>-<tag>-<run id>-<attempt>-<random>`.
 */
function containerName(repositoryPath, tag, runId, runAttempt, random = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(3).toString('hex')) {
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


/***/ }),

/***/ 673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iD: () => (/* binding */ login),
  ri: () => (/* binding */ logout),
  YP: () => (/* binding */ pushTags)
});

// UNUSED EXPORTS: loginServer, withRetries

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/docker/credentials.ts
var credentials = __webpack_require__(5517);
// EXTERNAL MODULE: ./src/docker/output.ts
var output = __webpack_require__(7807);
// EXTERNAL MODULE: ./src/docker/registry-failure.ts
var registry_failure = __webpack_require__(7898);
// EXTERNAL MODULE: ./src/shared/image-reference.ts
var image_reference = __webpack_require__(6876);
// EXTERNAL MODULE: ./src/loop/run-report.ts
var run_report = __webpack_require__(8746);
// EXTERNAL MODULE: ./src/registry/manifest.ts
var registry_manifest = __webpack_require__(506);
// EXTERNAL MODULE: ./src/shared/json.ts
var json = __webpack_require__(8451);
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
var registry_error = __webpack_require__(8787);
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
    async readImage(reference, platform = registry_manifest/* DEFAULT_PLATFORM */.Er) {
        const top = await this.getManifest(reference);
        let current = top;
        let chosen;
        for (let depth = 0; current.manifest.kind === 'index'; depth++) {
            if (depth >= MAX_INDEX_DEPTH)
                throw new registry_error/* RegistryError */.g(`The index ${top.digest} nests deeper than ${MAX_INDEX_DEPTH} levels.`);
            const entry = (0,registry_manifest/* selectManifest */.yY)(current.manifest.manifests, platform);
            chosen = entry.platform;
            current = await this.getManifest(entry.digest);
        }
        const config = current.manifest.config;
        const configTypes = [registry_manifest/* MEDIA_TYPE */.Ap.dockerConfig, registry_manifest/* MEDIA_TYPE */.Ap.ociConfig];
        if (!configTypes.includes(config.mediaType)) {
            throw new registry_error/* RegistryError */.g(`The manifest ${current.digest} is not a container image: its config has the media type "${config.mediaType.slice(0, 140)}".`);
        }
        const blob = await this.getBlob(config.digest, CONFIG_LIMIT_BYTES);
        return {
            digest: top.digest,
            manifestDigest: current.digest,
            platform: chosen,
            config: (0,registry_manifest/* parseImageConfig */.FB)(parseJson(blob, `config blob ${config.digest}`)),
        };
    }
    async getManifest(reference) {
        const path = `/v2/${this.options.repository}/manifests/${reference}`;
        const response = await this.get(path, registry_manifest/* MANIFEST_ACCEPT */.dY);
        if (response.status !== 200)
            throw await this.unexpected(response, path, registry_manifest/* DIGEST_PATTERN */.WA.test(reference) ? `manifest ${reference}` : `tag "${reference}"`);
        const bytes = await readLimited(response, MANIFEST_LIMIT_BYTES, path);
        const computed = (0,registry_manifest/* digestOf */.ol)(bytes);
        const header = response.headers.get('docker-content-digest') ?? '';
        if (registry_manifest/* DIGEST_PATTERN */.WA.test(reference) && !(0,registry_manifest/* matchesDigest */._j)(bytes, reference)) {
            throw new registry_error/* RegistryError */.g(`The manifest the registry ${this.options.registry} returned for ${reference} does not match that digest.`);
        }
        if (header.startsWith('sha256:') && header !== computed) {
            throw new registry_error/* RegistryError */.g(`The registry ${this.options.registry} says the manifest of ${reference} is ${header}, but its content hashes to ${computed}.`);
        }
        const digest = registry_manifest/* DIGEST_PATTERN */.WA.test(reference) ? reference : registry_manifest/* DIGEST_PATTERN */.WA.test(header) ? header : computed;
        return {
            digest,
            manifest: (0,registry_manifest/* parseManifest */.Ng)(parseJson(bytes, `manifest ${reference}`), response.headers.get('content-type') ?? ''),
        };
    }
    /**
     * What a tag names, from a HEAD (which registries do not count as a pull): its digest and media type (an image
     * manifest or an index; '' when the registry sends none); a GET where no digest comes.
     */
    async manifestHead(reference) {
        const path = `/v2/${this.options.repository}/manifests/${reference}`;
        const response = await this.get(path, registry_manifest/* MANIFEST_ACCEPT */.dY, 'HEAD');
        if (response.status !== 200)
            throw await this.unexpected(response, path, `tag "${reference}"`, 'HEAD');
        await discard(response);
        const header = response.headers.get('docker-content-digest') ?? '';
        if (!registry_manifest/* DIGEST_PATTERN */.WA.test(header)) {
            const fetched = await this.getManifest(reference);
            return { digest: fetched.digest, mediaType: fetched.manifest.mediaType };
        }
        return { digest: header, mediaType: (0,registry_manifest/* headerMediaType */.g1)(response.headers.get('content-type') ?? '') };
    }
    /** The digest a tag names: see manifestHead. */
    async manifestDigest(reference) {
        return (await this.manifestHead(reference)).digest;
    }
    async getBlob(digest, limitBytes) {
        if (!registry_manifest/* DIGEST_PATTERN */.WA.test(digest))
            throw new registry_error/* RegistryError */.g(`"${digest.slice(0, 140)}" is not a digest.`);
        const path = `/v2/${this.options.repository}/blobs/${digest}`;
        const response = await this.get(path, '*/*');
        if (response.status !== 200)
            throw await this.unexpected(response, path, `blob ${digest}`);
        const bytes = await readLimited(response, limitBytes, path);
        if (!(0,registry_manifest/* matchesDigest */._j)(bytes, digest))
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
        await (0,promises_.setTimeout)(delay);
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
        reporter.info(`Pushed ${repository.name}:${request.tag} and :latest (${digest}, ${(0,run_report/* describeManifest */.FK)(mediaType)}).`);
        // The engine made more of it than the one image tested (an attestation, an index): said, not hidden.
        if ((0,registry_manifest/* isIndexMediaType */.$$)(mediaType))
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
        if (!(error instanceof registry_error/* RegistryError */.g))
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


/***/ }),

/***/ 8746:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ serviceRecord),
/* harmony export */   FK: () => (/* binding */ describeManifest),
/* harmony export */   QQ: () => (/* binding */ summaryTables),
/* harmony export */   Yz: () => (/* binding */ outputsOf),
/* harmony export */   _O: () => (/* binding */ emptyReport)
/* harmony export */ });
/* harmony import */ var _shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7084);
/* harmony import */ var _shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1229);
/* harmony import */ var _cache_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4164);
/* harmony import */ var _registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(506);




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
        env: report.failure === undefined && report.sha !== '' ? (0,_shared_service_env_js__WEBPACK_IMPORTED_MODULE_0__/* .envLines */ .Xk)(serviceRecord(report)).join('\n') : '',
    };
}
/** How the summary and the push's log name what the registry serves for the pushed tags. */
function describeManifest(mediaType) {
    if (mediaType === '')
        return 'not read back';
    return `${(0,_registry_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .isIndexMediaType */ .$$)(mediaType) ? 'an index' : 'one image manifest'} (${mediaType})`;
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
        ['Cache', report.cache === undefined ? '—' : (0,_cache_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCache */ .e7)(report.cache).replace(/^cache: /, '')],
    ];
    const phases = report.phases.map((p) => [p.name, `${p.seconds.toFixed(1)} s`, p.ok ? 'ok' : 'failed']);
    return { facts: facts.map((row) => row.map(_shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeHtml */ .ZD)), phases: phases.map((row) => row.map(_shared_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeHtml */ .ZD)) };
}


/***/ }),

/***/ 1414:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sh: () => (/* binding */ setCommandLog),
/* harmony export */   a0: () => (/* binding */ commandLog),
/* harmony export */   ki: () => (/* binding */ RUNNER_LOG)
/* harmony export */ });
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

/***/ 7212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ spawnTracked),
/* harmony export */   d: () => (/* binding */ runCommand)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6193);
/* harmony import */ var node_string_decoder__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_string_decoder__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _children_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1414);
/* harmony import */ var _command_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1207);





function spawnTracked(file, args, options) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(file, [...args], { ...options, detached: true });
    (0,_children_js__WEBPACK_IMPORTED_MODULE_3__/* .track */ .u4)(child);
    return child;
}
/** Runs a command to its end, its output shown as it comes (unless silent) and returned. */
function runCommand(file, args, options = {}) {
    const silent = options.silent === true;
    const log = (0,_command_log_js__WEBPACK_IMPORTED_MODULE_4__/* .commandLog */ .a0)();
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
        const decoder = new node_string_decoder__WEBPACK_IMPORTED_MODULE_1__.StringDecoder('utf8');
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
        const stop = () => (0,_children_js__WEBPACK_IMPORTED_MODULE_3__/* .killChild */ .fH)(child);
        options.signal?.addEventListener('abort', stop, { once: true });
        if (options.signal?.aborted === true)
            stop();
        child.on('error', reject);
        child.on('close', (code, signal) => {
            options.signal?.removeEventListener('abort', stop);
            if (render !== undefined)
                show(render.write(decoder.end()) + render.end());
            resolve({
                exitCode: code ?? (signal === null ? 1 : 128 + (node_os__WEBPACK_IMPORTED_MODULE_2__.constants.signals[signal] ?? 0)),
                stdout: Buffer.concat(stdout).toString(),
                stderr: Buffer.concat(stderr).toString(),
            });
        });
        child.stdin.on('error', () => undefined); // it exited before reading it all: its exit status says why
        child.stdin.end(options.input);
    });
}


/***/ }),

/***/ 506:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ isIndexMediaType),
/* harmony export */   Ap: () => (/* binding */ MEDIA_TYPE),
/* harmony export */   Er: () => (/* binding */ DEFAULT_PLATFORM),
/* harmony export */   FB: () => (/* binding */ parseImageConfig),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   WA: () => (/* binding */ DIGEST_PATTERN),
/* harmony export */   _j: () => (/* binding */ matchesDigest),
/* harmony export */   dY: () => (/* binding */ MANIFEST_ACCEPT),
/* harmony export */   g1: () => (/* binding */ headerMediaType),
/* harmony export */   ol: () => (/* binding */ digestOf),
/* harmony export */   yY: () => (/* binding */ selectManifest)
/* harmony export */ });
/* unused harmony exports runnerPlatform, parsePlatform, platformName */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _shared_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8451);
/* harmony import */ var _registry_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8787);



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
    return `${algorithm}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(bytes).digest('hex')}`;
}
function matchesDigest(bytes, digest) {
    if (!DIGEST_PATTERN.test(digest))
        return false;
    return digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') === digest;
}
function parseDescriptor(value, what) {
    if (!(0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(value))
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g(`The ${what} is not a descriptor object.`);
    const digest = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value.digest);
    if (!DIGEST_PATTERN.test(digest))
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g(`The ${what} has the digest "${digest.slice(0, 140)}"; expected sha256:<64 hex> or sha512:<128 hex>.`);
    const platform = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(value.platform)
        ? {
            os: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value.platform.os),
            architecture: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value.platform.architecture),
            ...((0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value.platform.variant) === '' ? {} : { variant: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value.platform.variant) }),
        }
        : undefined;
    const annotations = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(value.annotations) ? value.annotations : {};
    const attestation = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(annotations['vnd.docker.reference.type']) === 'attestation-manifest' ||
        (platform?.os === 'unknown' && platform.architecture === 'unknown');
    return {
        mediaType: (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value.mediaType),
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
    if (!(0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(body))
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g('The manifest is not a JSON object.');
    if (body.schemaVersion === 1)
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g('The manifest is Docker image manifest schema 1, which is not supported; push the image again with a current docker or buildx.');
    const known = [
        MEDIA_TYPE.dockerManifest,
        MEDIA_TYPE.dockerManifestList,
        MEDIA_TYPE.ociManifest,
        MEDIA_TYPE.ociIndex,
    ];
    const declared = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(body.mediaType);
    const header = headerMediaType(contentType);
    const mediaType = known.includes(declared)
        ? declared
        : known.includes(header)
            ? header
            : Array.isArray(body.manifests)
                ? MEDIA_TYPE.ociIndex
                : (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(body.config)
                    ? MEDIA_TYPE.ociManifest
                    : declared || header;
    if (isIndexMediaType(mediaType)) {
        if (!Array.isArray(body.manifests))
            throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g(`The ${mediaType} has no manifests list.`);
        return {
            kind: 'index',
            mediaType,
            manifests: body.manifests.map((entry, n) => parseDescriptor(entry, `index entry ${n + 1}`)),
        };
    }
    if (mediaType === MEDIA_TYPE.dockerManifest || mediaType === MEDIA_TYPE.ociManifest) {
        return { kind: 'image', mediaType, config: parseDescriptor(body.config, "manifest's config") };
    }
    throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g(`The manifest has the media type "${mediaType.slice(0, 140)}"; expected a Docker or OCI image manifest or index.`);
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
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g(entries.length === 0 ? 'The index lists no manifests.' : 'The index lists only attestations, no image.');
    throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g(`The index has no ${platformName(platform)} image; its entries are ${manifests.map((entry) => platformName(entry.platform)).join(', ')}.`);
}
/** Env and labels of an image config blob (`config.Env`, `config.Labels`). */
function parseImageConfig(body) {
    if (!(0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(body))
        throw new _registry_error_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryError */ .g('The image config is not a JSON object.');
    const config = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(body.config) ? body.config : {};
    const labels = (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .isObject */ .G)(config.Labels) ? config.Labels : {};
    return {
        env: Array.isArray(config.Env) ? config.Env.map(_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g) : [],
        labels: Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, (0,_shared_json_js__WEBPACK_IMPORTED_MODULE_2__/* .str */ .g)(value)])),
    };
}


/***/ }),

/***/ 8787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 6021:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1229);

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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ho: () => (/* binding */ envFileImage),
/* harmony export */   RB: () => (/* binding */ sameRepository),
/* harmony export */   Xk: () => (/* binding */ envLines),
/* harmony export */   nJ: () => (/* binding */ defaultEnvPrefix),
/* harmony export */   xh: () => (/* binding */ withEnvGroup)
/* harmony export */ });
/* unused harmony exports ENV_SUFFIXES, pinnedRef */
/* harmony import */ var _image_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6876);

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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P1: () => (/* binding */ REVISION_LABEL),
/* harmony export */   S: () => (/* binding */ REPOSITORY_LABEL),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   jg: () => (/* binding */ ENV_NAME_PATTERN),
/* harmony export */   yw: () => (/* binding */ SHA_PATTERN)
/* harmony export */ });
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
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EN: () => (/* binding */ existingPrefix),
/* harmony export */   KQ: () => (/* binding */ checkedWorkspacePath),
/* harmony export */   X5: () => (/* binding */ workspacePath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


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


/***/ })

};

//# sourceMappingURL=527.index.js.map