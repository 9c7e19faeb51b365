import { imageInspectArgs } from './args.js';
import { docker, DockerError } from './cli.js';
import type { ImageReader } from './engine.js';
import { imageStoreOf } from './engine-facts.js';
import { parseImageDetails, type ImageDetails, type ImageStore } from './output.js';

/** The engine's images, read through the docker CLI: all that resolve asks, without the loop's operations. */
export class DockerImageReader implements ImageReader {
  imageStore(): Promise<ImageStore> {
    return imageStoreOf();
  }

  async inspectImage(ref: string): Promise<ImageDetails> {
    return parseImageDetails((await docker(imageInspectArgs(ref), { silent: true })).stdout);
  }

  async findImage(ref: string): Promise<ImageDetails | undefined> {
    const args = imageInspectArgs(ref);
    const result = await docker(args, { silent: true, allowFailure: true });
    if (result.exitCode === 0) return parseImageDetails(result.stdout);
    if (/no such (?:image|object)/i.test(result.stderr)) return undefined;
    throw new DockerError(args, result);
  }
}
