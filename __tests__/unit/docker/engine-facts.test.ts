import { describe, expect, it } from 'vitest';
import { diskFullMessage } from '../../../src/loop/build.js';
import type { ImageStore } from '../../../src/docker/output.js';
import {
  buildxVersionOf,
  describeImageStore,
  engineLocation,
  versionAtLeast,
} from '../../../src/docker/engine-facts.js';
import { shortClusterHasDetach } from '../../../src/loop/run-args.js';

describe('engineLocation', () => {
  it.each<[string, NodeJS.ProcessEnv, string]>([
    [
      'DOCKER_HOST wins',
      { DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_CONTEXT: 'remote' },
      'DOCKER_HOST=tcp://10.0.0.5:2376',
    ],
    ['then DOCKER_CONTEXT', { DOCKER_CONTEXT: 'remote' }, 'DOCKER_CONTEXT=remote'],
    [
      'empty values count as unset',
      { DOCKER_HOST: '', DOCKER_CONTEXT: '' },
      'the default engine (DOCKER_HOST is unset: the current docker context, usually unix:///var/run/docker.sock)',
    ],
    [
      'the default',
      {},
      'the default engine (DOCKER_HOST is unset: the current docker context, usually unix:///var/run/docker.sock)',
    ],
  ])('%s', (_case, env, expected) => {
    expect(engineLocation(env)).toBe(expected);
  });
});

describe('describeImageStore', () => {
  it.each<[ImageStore, string]>([
    [{ kind: 'containerd' }, 'the containerd image store'],
    [{ kind: 'graphdriver', driver: 'overlay2' }, 'the overlay2 graph driver'],
    [{ kind: 'graphdriver', driver: 'vfs' }, 'the vfs graph driver'],
    [{ kind: 'unknown' }, 'an image store it did not name'],
  ])('%j → %s', (store, expected) => {
    expect(describeImageStore(store)).toBe(expected);
  });
});

describe('diskFullMessage', () => {
  it.each<[string, string, boolean]>([
    ['a tool in a RUN step', "dd: error writing '/big': No space left on device", true],
    [
      'the engine committing a layer',
      'failed to register layer: Error processing tar file(exit status 1): write /usr/lib/x.so: no space left on device',
      true,
    ],
    ['another failure', "The command '/bin/sh -c make' returned a non-zero code: 2", false],
  ])('%s', (_case, output, full) => {
    expect(diskFullMessage(output) !== undefined).toBe(full);
  });
});

describe('shortClusterHasDetach', () => {
  it.each<[string, boolean]>([
    ['-d', false], // a single option is checked by name, not as a cluster
    ['-td', true],
    ['-itd', true],
    ['-Pd', true],
    ['-it', false],
    ['-edebug=1', false], // -e takes a value: "debug=1"
    ['-itedebug', false], // -i -t, then -e with the value "debug"
    ['--detach', false],
    ['-', false],
  ])('%s → %s', (flag, expected) => {
    expect(shortClusterHasDetach(flag)).toBe(expected);
  });
});

describe('buildxVersionOf', () => {
  it.each<[string, string | undefined]>([
    ['github.com/docker/buildx v0.13.1 788433953af10f2a698f5c07611dddce2e08c7a0', '0.13.1'],
    ['github.com/docker/buildx 0.13.1+ds1 0.13.1+ds1-3', '0.13.1'],
    ['github.com/docker/buildx v0.14.0-desktop.1 171fcbeb69d67c90ba7f44f41a9e418f6a6ec1da', '0.14.0'],
    ['github.com/docker/buildx v0.10.0-rc2 0b1cbb3d1b2a8b2d0e1c9b6f6a8a4d1e2f3a4b5c', '0.10.0'],
    ['github.com/docker/buildx v0.9.1 ed00243a0ce2a0aee75311b06e32d33b44729689', '0.9.1'],
    ['v0.11.2', '0.11.2'],
    ['github.com/docker/buildx dev 1234567', undefined],
    ['', undefined],
  ])('%j → %s', (line, expected) => {
    expect(buildxVersionOf(line)).toBe(expected);
  });
});

describe('versionAtLeast', () => {
  it.each<[string, string, boolean]>([
    ['0.10.0', '0.10.0', true],
    ['0.13.1', '0.10.0', true],
    ['0.10.1', '0.10.0', true],
    ['1.0.0', '0.10.0', true],
    ['0.9.1', '0.10.0', false],
    ['0.9.99', '0.10.0', false],
    ['0.2.0', '0.10.0', false],
    ['0.10', '0.10.0', true],
    ['0.10.0', '0.10.1', false],
  ])('%s ≥ %s: %s', (version, minimum, expected) => {
    expect(versionAtLeast(version, minimum)).toBe(expected);
  });
});
