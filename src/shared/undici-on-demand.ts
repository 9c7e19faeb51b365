// In the bundles this module stands in for `undici` (tsconfig.json "paths", which ncc follows).
// @actions/http-client imports undici's ProxyAgent when it loads, and so does @actions/core through it
// (actions/toolkit#1621); @actions/github imports its fetch. Only a proxied Octokit request uses them, and
// this action sends none, yet loading undici cost every start (main and post) about 60 ms: a 1 MB chunk
// to compile and node's http, net, tls and crypto. A bundle that does send Octokit requests keeps the real
// undici as a chunk of its own, loaded on first use (its own path, `undici/index.js`, is not mapped); the
// action's bundles, which read only @actions/github's context, hold none.
import type RealUndici from 'undici/index.js';

type Undici = typeof RealUndici;
type FetchArguments = Parameters<Undici['fetch']>;

let loading: Promise<Undici> | undefined;

/** The real undici, loaded once. `default` is its module.exports under both Node and the bundler. */
function realUndici(): Promise<Undici> {
  loading ??= import('undici/index.js').then((module) => module.default);
  return loading;
}

/**
 * Records the options of a ProxyAgent and becomes the real one in `fetch`, the only place the toolkit
 * uses it (@actions/http-client builds it; @actions/github passes it to fetch as the dispatcher).
 */
export class ProxyAgent {
  #real: InstanceType<Undici['ProxyAgent']> | undefined;

  constructor(readonly options: ConstructorParameters<Undici['ProxyAgent']>[0]) {}

  real(undici: Undici): InstanceType<Undici['ProxyAgent']> {
    this.#real ??= new undici.ProxyAgent(this.options);
    return this.#real;
  }
}

export async function fetch(input: FetchArguments[0], init?: FetchArguments[1]): ReturnType<Undici['fetch']> {
  const undici = await realUndici();
  if (init?.dispatcher instanceof ProxyAgent)
    return undici.fetch(input, { ...init, dispatcher: init.dispatcher.real(undici) });
  return undici.fetch(input, init);
}
