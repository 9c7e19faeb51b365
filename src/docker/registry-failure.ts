// What a failed docker login, push or pull says of the registry: docker prints these as prose only.

export type RegistryFailure = 'auth' | 'permanent' | 'transient';

/**
 * What a failed `docker login`/`docker push` says: refused credentials and bad requests fail at once;
 * everything else (5xx, 429, connection reset or refused, timeouts, EOF) is worth another try.
 */
export function classifyRegistryFailure(stderr: string): RegistryFailure {
  if (
    /unauthorized|authentication required|no basic auth credentials|denied|forbidden|insufficient_scope|\b401\b|\b403\b/i.test(
      stderr,
    )
  )
    return 'auth';
  if (
    /invalid reference format|does not exist locally|tag does not exist|manifest invalid|name invalid|\b400 Bad Request\b/i.test(
      stderr,
    )
  )
    return 'permanent';
  return 'transient';
}
