import { docker, type DockerResult } from './cli.js';
import { containerImagesArgs, imageRemoveArgs, imageSummariesArgs } from './args.js';
import { apiErrorMessage, connectEngineApi, localEngineEndpoint, type EngineApi } from './engine-api.js';
import {
  parseApiContainer,
  parseApiImage,
  parseApiRemoval,
  parseContainerImages,
  parseImageSummaries,
  parseRemovalOutput,
  type ContainerImage,
  type ImageSummary,
} from './output.js';

/** Inspected images, and whether every one that was not found meanwhile (another job's prune) was read. */
export interface InspectedImages {
  readonly images: ImageSummary[];
  readonly complete: boolean;
}

/** What a removal in order did: the ids the engine deleted, and why some were refused (undefined: none were). */
export interface Removal {
  readonly deleted: readonly string[];
  readonly refused: string | undefined;
}

/**
 * The image calls the prune makes by the hundred, through the engine's API or the docker CLI: the same
 * engine, the same answers. Each call takes one run of ids or refs, handled in order.
 */
export interface ImageCalls {
  /** How the calls reach the engine, for the log. */
  readonly via: string;
  /** How many calls suit this road side by side: the API's connections, or docker processes. */
  readonly parallel: number;
  inspect(ids: readonly string[]): Promise<InspectedImages>;
  containers(ids: readonly string[]): Promise<ContainerImage[]>;
  remove(refs: readonly string[]): Promise<Removal>;
  /** Ends the API's connections (none for the CLI). */
  close(): void;
}

/** The docker CLI: one process per call, `processes` at a time. */
export function cliImageCalls(via: string, processes: number): ImageCalls {
  // Images gone between the listing and the inspect are all docker complained of.
  const vanished = (result: DockerResult): boolean =>
    result.stderr.split('\n').every((line) => line.trim() === '' || /no such (?:image|object)/i.test(line));
  return {
    via,
    parallel: processes,
    inspect: async (ids) => {
      const result = await docker(imageSummariesArgs(ids), { silent: true, allowFailure: true });
      return { images: parseImageSummaries(result.stdout), complete: result.exitCode === 0 || vanished(result) };
    },
    containers: async (ids) =>
      parseContainerImages((await docker(containerImagesArgs(ids), { silent: true, allowFailure: true })).stdout),
    remove: async (refs) => {
      const result = await docker(imageRemoveArgs(refs), { silent: true, allowFailure: true });
      return {
        deleted: parseRemovalOutput(result.stdout).deleted,
        refused: result.exitCode === 0 ? undefined : result.stderr.trim(),
      };
    },
    close: () => undefined,
  };
}

/** The engine's API: one request per id or ref, in order, on a connection of its own while it lasts. */
export function apiImageCalls(api: EngineApi, connections: number): ImageCalls {
  const each = async <T>(items: readonly string[], request: (item: string) => Promise<T>): Promise<T[]> => {
    const answers: T[] = [];
    for (const item of items) answers.push(await request(item));
    return answers;
  };
  const name = encodeURIComponent;
  return {
    via: `the engine API at unix://${api.socket}`,
    parallel: connections,
    inspect: async (ids) => {
      const answers = await each(ids, (id) => api.request('GET', `/images/${name(id)}/json`));
      return {
        images: answers.filter((answer) => answer.status === 200).map((answer) => parseApiImage(answer.body)),
        complete: answers.every((answer) => answer.status === 200 || answer.status === 404),
      };
    },
    containers: async (ids) => {
      const answers = await each(ids, (id) => api.request('GET', `/containers/${name(id)}/json`));
      return answers.filter((answer) => answer.status === 200).map((answer) => parseApiContainer(answer.body));
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
          .flatMap((answer) => parseApiRemoval(answer.body).deleted),
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
export async function imageCalls(
  env: NodeJS.ProcessEnv,
  side: { readonly connections: number; readonly processes: number },
): Promise<ImageCalls> {
  const endpoint = localEngineEndpoint(env);
  if (endpoint.socket === undefined) return cliImageCalls(`the docker CLI (${endpoint.why})`, side.processes);
  const api = await connectEngineApi(endpoint.socket, env, side.connections);
  return api === undefined
    ? cliImageCalls(
        `the docker CLI (no engine API answers at unix://${endpoint.socket}, ${endpoint.from})`,
        side.processes,
      )
    : apiImageCalls(api, side.connections);
}
