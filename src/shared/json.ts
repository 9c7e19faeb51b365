// Reading parsed JSON (docker's `--format '{{json .}}'`, the registry's answers) without trusting its shape.

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value as a string: '' for anything else. */
export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
