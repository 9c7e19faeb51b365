// The distribution reference grammar (github.com/distribution/reference, regexp.go), for a
// repository name without tag or digest: the action adds the tag itself.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainPattern = new RegExp(`^(?:${ipv6Address}|${domainComponent}(?:\\.${domainComponent})*)(?::[0-9]+)?$`);
const pathComponentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;

/** Docker Hub's registry host, as `docker login` and RepoDigests name it. */
export const DOCKER_HUB = 'docker.io';
const LEGACY_DOCKER_HUB = 'index.docker.io';
const MAX_NAME_LENGTH = 255;

export interface ImageName {
  /** The name as the user wrote it, e.g. `localhost:5000/app`. */
  readonly name: string;
  /** Registry host[:port]; `docker.io` when the name has no domain. */
  readonly registry: string;
  /** Repository path inside the registry, e.g. `acme/app` or `library/nginx`. */
  readonly path: string;
}

/** A tag, as the reference grammar has it. */
export const TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** The repository of a reference `name[:tag][@sha256:…]`: without its tag and digest. */
export function repositoryOf(reference: string): string {
  const name = reference.replace(/@sha256:[0-9a-f]{64}$/, '');
  const colon = name.lastIndexOf(':');
  return colon > name.lastIndexOf('/') && TAG_PATTERN.test(name.slice(colon + 1)) ? name.slice(0, colon) : name;
}

export const IMAGE_NAME_FORM =
  'a repository name without tag or digest: [host[:port]/]path, lowercase path components of a-z 0-9 separated by ".", "_", "__" or "-", e.g. ghcr.io/acme/app, localhost:5000/app, acme/app';

/**
 * The name with its repository path lower-cased: GHCR and most registries refuse upper-case paths, which
 * `ghcr.io/${{ github.repository }}` gives for an owner or repository with a capital letter. A first component
 * with a dot, a colon or `localhost` is a registry host and keeps its case; without one the whole name is a path.
 */
export function lowercasePath(name: string): string {
  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  const host = first.includes('.') || first.includes(':') || first === 'localhost' ? first : '';
  return host === '' ? name.toLowerCase() : `${host}/${name.slice(slash + 1).toLowerCase()}`;
}

/** Parses a repository name; throws an Error saying what is wrong (without naming the input). */
export function parseImageName(name: string): ImageName {
  if (name === '') throw new Error('is empty');
  if (/\s/.test(name)) throw new Error('contains white space');
  if (name.includes('@')) throw new Error('must not include a digest (@sha256:...): the action tags the image itself');
  if (name.length > MAX_NAME_LENGTH) throw new Error(`is longer than ${MAX_NAME_LENGTH} characters`);

  const slash = name.indexOf('/');
  const first = slash === -1 ? '' : name.slice(0, slash);
  // As in the reference grammar: the first component is a domain if it looks like one.
  const hasDomain =
    first !== '' &&
    (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase());
  // index.docker.io is Docker Hub's old name; docker itself normalises it to docker.io.
  const registry = hasDomain && first !== LEGACY_DOCKER_HUB ? first : DOCKER_HUB;
  const path = hasDomain ? name.slice(slash + 1) : name;

  if (hasDomain && !domainPattern.test(first)) throw new Error(`has an invalid registry host "${first}"`);
  const lastComponent = path.slice(path.lastIndexOf('/') + 1);
  if (lastComponent.includes(':'))
    throw new Error(
      `must not include a tag (":${lastComponent.split(':')[1]}"): the action tags the image with the commit sha`,
    );
  for (const component of path.split('/')) {
    if (component === '') throw new Error('has an empty path component');
    if (component !== component.toLowerCase())
      throw new Error(`has the path component "${component}", which is not lowercase`);
    if (!pathComponentPattern.test(component)) throw new Error(`has the invalid path component "${component}"`);
  }
  return { name, registry, path: registry === DOCKER_HUB && !path.includes('/') ? `library/${path}` : path };
}

/** The short form docker prints in `docker image ls` and RepoDigests (`docker.io/library/x` → `x`). */
export function familiarName(image: ImageName): string {
  if (image.registry !== DOCKER_HUB) return `${image.registry}/${image.path}`;
  // Only official images drop library/: docker.io/library/a/b stays library/a/b.
  const rest = image.path.slice('library/'.length);
  return image.path.startsWith('library/') && !rest.includes('/') ? rest : image.path;
}

/**
 * parseImageName, but a name whose only fault is upper case in its path is taken lower-cased, and `lowered` says
 * so; anything else the grammar refuses is refused with the message it has.
 */
export function parseLoweringPath(raw: string): { image: ImageName; lowered?: string } {
  try {
    return { image: parseImageName(raw) };
  } catch (error) {
    const lowered = lowercasePath(raw);
    if (lowered === raw) throw error;
    try {
      return { image: parseImageName(lowered), lowered };
    } catch {
      throw error;
    }
  }
}

/** The notice of a lower-cased path, `subject` naming where it was given. */
export function loweredNotice(subject: string, raw: string, lowered: string): string {
  return `${subject} is "${raw}": registries refuse upper-case repository paths, so the image is ${lowered}.`;
}
