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
export const ACTION_INPUTS = [
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
export const ACTION_OUTPUTS = [
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
