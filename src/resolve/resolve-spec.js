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
export const RESOLVE_INPUTS = [
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
export const RESOLVE_OUTPUTS = [
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
