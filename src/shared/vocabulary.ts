// The words every part of the loop shares: kept apart, with no imports, so no part imports another for them.

export interface KeyValue {
  readonly key: string;
  readonly value: string;
}

export interface RegistryAuth {
  readonly username: string;
  readonly password: string;
}

/** A full commit sha: SHA-1 (40) or SHA-256 (64) lowercase hex. */
export const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The OCI label that holds the commit sha the image was built from. */
export const REVISION_LABEL = 'org.opencontainers.image.revision';
/** The label the action puts on every image it builds: how its leftovers are recognised, never by name. */
export const REPOSITORY_LABEL = 'build-test-deploy.repository';

/** Summary tables are HTML: docker's error text must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
