// A registry's refusal or its surprising answer, said as the registry said it.

/** A registry said something the caller should see as is: refused credentials, no such tag, ... */
export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}
