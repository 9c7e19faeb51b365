import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  chainIds,
  engineDeletedAll,
  freedBases,
  freedBytes,
  layerSizes,
  type LayeredImage,
  type LayerStep,
} from '../../../src/loop/image-layers.js';

const diffId = (c: string): string => `sha256:${c.repeat(64)}`;
const D1 = diffId('1');
const D2 = diffId('2');
const D3 = diffId('3');
const D4 = diffId('4');
const sha256 = (text: string): string => `sha256:${createHash('sha256').update(text).digest('hex')}`;

describe('chainIds', () => {
  it.each<[string, string[], string[]]>([
    ['no layers', [], []],
    ['one layer: its diff id', [D1], [D1]],
    [
      'three layers: each digests the chain below, a space, its diff id',
      [D1, D2, D3],
      [D1, sha256(`${D1} ${D2}`), sha256(`${sha256(`${D1} ${D2}`)} ${D3}`)],
    ],
  ])('%s', (_case, diffIds, expected) => {
    expect(chainIds(diffIds)).toEqual(expected);
  });

  it('gives the second layer the digest sha256sum computes (OCI image spec, ChainID)', () => {
    // printf '%s' "sha256:1…1 sha256:2…2" | sha256sum
    expect(chainIds([D1, D2])[1]).toBe('sha256:9932074217c35353d2e03a3f5a86549f7c67bfeb0ba53e23d69f4d4c8f7958f5');
  });

  it('changes every chain id above a different bottom layer, though the diff ids above are the same', () => {
    const one = chainIds([D1, D2, D3]);
    const other = chainIds([D4, D2, D3]);
    expect(one.map((chainId, index) => chainId === other[index])).toEqual([false, false, false]);
  });

  it('keeps the chain ids below a different top layer', () => {
    const one = chainIds([D1, D2, D3]);
    const other = chainIds([D1, D2, D4]);
    expect(other.slice(0, 2)).toEqual(one.slice(0, 2));
    expect(other[2]).not.toBe(one[2]);
  });

  it('tells the same layers in another order apart', () => {
    expect(chainIds([D2, D1]).at(-1)).not.toBe(chainIds([D1, D2]).at(-1));
  });
});

describe('layerSizes', () => {
  const steps = (...pairs: [string, number][]): LayerStep[] => pairs.map(([createdBy, size]) => ({ createdBy, size }));

  // `docker image history` of a BuildKit build, oldest first (the CLI prints newest first).
  const buildKit = steps(
    ['COPY busybox /bin/busybox # buildkit', 1982256],
    ['RUN /bin/busybox --install -s /bin # buildkit', 0],
    ['RUN /bin/sh -c head -c 300000 /dev/urandom > /blob # buildkit', 300000],
    ['RUN /bin/sh -c echo > /y # buildkit', 1],
    ['LABEL x=2', 0],
  );

  it.each<[string, number, LayerStep[], number[] | undefined]>([
    ['a BuildKit history: an empty RUN is a layer, a LABEL is not', 4, buildKit, [1982256, 0, 300000, 1]],
    [
      'a BuildKit stamp on top: ENV and LABEL carry no layer',
      4,
      [
        ...buildKit,
        ...steps(
          ['ENV SHA=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8', 0],
          ['LABEL org.opencontainers.image.revision=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8', 0],
        ),
      ],
      [1982256, 0, 300000, 1],
    ],
    [
      'a classic history: #(nop) ENV, LABEL and CMD carry no layer, #(nop) COPY and ADD do',
      2,
      steps(
        ['/bin/sh -c #(nop) ADD file:6b5f3c7e0d9a1f2e4c8b0a3d5f7e9c1b3a5d7f9e1c3b5a7d9f1e3c5b7a9d1f3e in / ', 4261550],
        ['/bin/sh -c #(nop)  CMD ["sh"]', 0],
        ['/bin/sh -c #(nop) COPY file:0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9 in / ', 120],
        ['/bin/sh -c #(nop)  ENV SHA=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8', 0],
        [
          '/bin/sh -c #(nop)  LABEL org.opencontainers.image.revision=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8 team=web',
          0,
        ],
      ),
      [4261550, 120],
    ],
    [
      'a classic history with an empty RUN: a layer, even when its command starts like an instruction',
      3,
      steps(
        ['/bin/sh -c #(nop) ADD file:6b5f in / ', 4261550],
        ['/bin/sh -c USER=app ./configure', 0],
        ['/bin/sh -c #(nop)  USER app', 0],
        ['|1 ENV=prod /bin/sh -c make', 5],
        ['/bin/sh -c #(nop)  ARG ENV', 0],
      ),
      [4261550, 0, 5],
    ],
    [
      "every metadata-only instruction, BuildKit's and classic",
      1,
      steps(
        ['COPY app /app # buildkit', 10],
        ['CMD ["node" "server.js"]', 0],
        ['ENTRYPOINT ["/entry"]', 0],
        ['EXPOSE map[8080/tcp:{}]', 0],
        ['HEALTHCHECK &{["CMD" "true"] "5s" "0s" "0s" "0s" \'\\x00\'}', 0],
        ['USER app', 0],
        ['ARG A=1', 0],
        ['ONBUILD RUN make', 0],
        ['STOPSIGNAL SIGTERM', 0],
        ['SHELL [/bin/bash -c]', 0],
        ['VOLUME [/data]', 0],
        ['MAINTAINER me', 0],
        ['/bin/sh -c #(nop)  EXPOSE 8080/tcp', 0],
        ['/bin/sh -c #(nop)  ENTRYPOINT ["/entry"]', 0],
        ['/bin/sh -c #(nop)  VOLUME [/data]', 0],
        ['/bin/sh -c #(nop)  STOPSIGNAL SIGQUIT', 0],
        ['/bin/sh -c #(nop)  HEALTHCHECK &{["CMD-SHELL" "true"] "0s" "0s" "0s" "0s" \'\\x00\'}', 0],
      ),
      [10],
    ],
    [
      'a step with bytes is a layer whatever its instruction',
      2,
      steps(['COPY a /a # buildkit', 10], ['ENV A=b', 3]),
      [10, 3],
    ],
    [
      'WORKDIR is a layer (it may make the directory)',
      2,
      steps(['COPY a /a # buildkit', 10], ['WORKDIR /app', 0]),
      [10, 0],
    ],
    ['no layers, metadata only', 0, steps(['LABEL x=2', 0], ['CMD ["sh"]', 0]), []],
    ['no layers, no history', 0, [], []],
    [
      'too many empty candidates above the last layer with bytes: the extra ones pad with 0',
      3,
      steps(
        ['COPY busybox /bin/busybox # buildkit', 1982256],
        ['RUN /bin/sh -c head -c 300000 /dev/urandom > /blob # buildkit', 300000],
        ['RUN /bin/sh -c true # buildkit', 0],
        ['WORKDIR /app', 0],
        ['RUN /bin/sh -c true # buildkit', 0],
        ['LABEL x=2', 0],
      ),
      [1982256, 300000, 0],
    ],
    [
      'too many empty candidates above the last layer with bytes, none of them a layer',
      2,
      steps(
        ['COPY busybox /bin/busybox # buildkit', 1982256],
        ['RUN /bin/sh -c head -c 300000 /dev/urandom > /blob # buildkit', 300000],
        ['RUN /bin/sh -c true # buildkit', 0],
        ['WORKDIR /app', 0],
      ),
      [1982256, 300000],
    ],
    [
      'only empty candidates, more than the layers',
      1,
      steps(['RUN /bin/sh -c true # buildkit', 0], ['RUN /bin/sh -c true # buildkit', 0]),
      [0],
    ],
    [
      'ambiguous: an empty RUN below a layer with bytes, one candidate too many (which empty step is no layer?)',
      3,
      steps(
        ['COPY busybox /bin/busybox # buildkit', 1982256],
        ['RUN /bin/sh -c true # buildkit', 0],
        ['RUN /bin/sh -c head -c 300000 /dev/urandom > /blob # buildkit', 300000],
        ['RUN /bin/sh -c true # buildkit', 0],
      ),
      undefined,
    ],
    [
      'more steps with bytes than layers',
      2,
      steps(['COPY a /a # buildkit', 1], ['COPY b /b # buildkit', 2], ['COPY c /c # buildkit', 3]),
      undefined,
    ],
    [
      'fewer candidates than layers',
      2,
      steps(['COPY busybox /bin/busybox # buildkit', 1982256], ['LABEL x=2', 0]),
      undefined,
    ],
    ['fewer candidates than layers: the BuildKit history, five layers', 5, buildKit, undefined],
    ['no history for a layer', 1, [], undefined],
  ])('%s', (_case, layerCount, history, expected) => {
    expect(layerSizes(layerCount, history)).toEqual(expected);
  });
});

describe('freedBases and freedBytes', () => {
  // Sizes as the engine counts them: base image 100 (D1, D2), a build on it 130 (+D3: 30), another 105 (+D4: 5).
  const image = (id: string, size: number, layers: string[]): LayeredImage => ({ id, size, layers });
  const base = image('base', 100, [D1, D2]);
  const build = image('build', 130, [D1, D2, D3]);
  const sibling = image('sibling', 105, [D1, D2, D4]);
  const stamp = image('stamp', 130, [D1, D2, D3]); // metadata only on top of build: the same layers
  const lone = image('lone', 40, [D4]);
  const histories = new Map<string, readonly number[] | undefined>([
    ['build', [70, 30, 30]],
    ['sibling', [70, 30, 5]],
  ]);

  it.each<[string, LayeredImage[], LayeredImage[], Map<string, readonly number[] | undefined>, number]>([
    ['nothing removed', [], [base], histories, 0],
    ["an image whose base image stays: its size less the base's", [build], [base], new Map(), 30],
    ['no image left under it: all of it', [build], [], new Map(), 130],
    ['an image whose layers another image still uses frees nothing', [build], [stamp], histories, 0],
    ['two removed images with the same layers count once', [build, stamp], [base], new Map(), 30],
    ['a removed image that another removed one stands on: both, each layer once', [build, base], [], new Map(), 130],
    ['the same, the other way round', [base, build], [], new Map(), 130],
    [
      'siblings sharing layers no image ends in, nothing left: the second from its history',
      [build, sibling],
      [],
      histories,
      135,
    ],
    ["siblings, the second's history not known: what is known", [build, sibling], [], new Map(), 130],
    ['an image in use down to a layer no image ends in: its history above it', [sibling], [build], histories, 5],
    ['that history not known: 0, never its whole size', [sibling], [build], new Map(), 0],
    ['an image of one layer of its own', [lone], [base, build], new Map(), 40],
    ['an image without layers frees nothing', [image('empty', 0, [])], [], new Map(), 0],
  ])('%s', (_case, deleted, remaining, historySizes, expected) => {
    expect(freedBytes(deleted, remaining, historySizes)).toBe(expected);
  });

  it('says where each freed part starts and whether an image tells its base', () => {
    const bases = freedBases([build, sibling, stamp], [base]);
    expect([...bases]).toEqual([
      ['build', { from: 2, bytes: 100 }],
      ['sibling', { from: 2, bytes: 100 }],
    ]);
    expect([...freedBases([build, sibling], [])]).toEqual([
      ['build', { from: 0, bytes: 0 }],
      ['sibling', { from: 2, bytes: undefined }],
    ]);
  });
});

describe('engineDeletedAll', () => {
  // A graph driver's `docker image rm` prints `Deleted: <chain id>` for each layer it deleted.
  const image = (id: string, size: number, layers: string[]): LayeredImage => ({ id, size, layers });
  const base = image('base', 100, [D1, D2]);
  const build = image('build', 130, [D1, D2, D3]);
  const sibling = image('sibling', 105, [D1, D2, D4]);
  const lone = image('lone', 40, [D4]);
  const [, , buildTop] = chainIds(build.layers);
  const [c1, c2, siblingTop] = chainIds(sibling.layers);
  const [loneTop] = chainIds(lone.layers);

  it.each<[string, LayeredImage[], LayeredImage[], string[], boolean]>([
    ['nothing removed', [], [base], [], true],
    ['an image whose own layer the engine deleted', [build], [base], ['build', buildTop ?? ''], true],
    [
      'only the image record deleted: the build cache or another image holds its layer',
      [build],
      [base],
      ['build'],
      false,
    ],
    ['another image deleted that layer, not this removal', [build], [base], ['build', siblingTop ?? ''], false],
    [
      'an image whose layers a remaining image holds frees nothing: nothing to prove',
      [build],
      [base, build],
      ['build'],
      true,
    ],
    ['one layer of its own, imported', [lone], [base], ['lone', loneTop ?? ''], true],
    [
      'nothing left under it: every layer must have been deleted',
      [sibling],
      [],
      ['sibling', c1 ?? '', c2 ?? '', siblingTop ?? ''],
      true,
    ],
    [
      'nothing left under it, its bottom layers kept by something else',
      [sibling],
      [],
      ['sibling', siblingTop ?? ''],
      false,
    ],
    ['two images, one proven, one not', [build, lone], [base], ['build', buildTop ?? '', 'lone'], false],
  ])('%s', (_case, deleted, remaining, deletedIds, expected) => {
    expect(engineDeletedAll(deleted, remaining, new Set(deletedIds))).toBe(expected);
  });
});
