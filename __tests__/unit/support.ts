import { InputError } from '../../src/shared/field-parser.js';

/** The problems of the InputError `run` throws; fails the test when it throws none, or something else. */
export function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}
