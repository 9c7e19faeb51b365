import { describe, expect, it } from 'vitest';
import { parseImageName } from '../../../src/shared/image-reference.js';
import {
  defaultEnvPrefix,
  envFileImage,
  envLines,
  pinnedRef,
  withEnvGroup,
  type ServiceRecord,
} from '../../../src/shared/service-env.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const HEX = 'c'.repeat(64);
const DIGEST = `sha256:${HEX}`;

const WEB: ServiceRecord = { prefix: 'WEB', image: 'ghcr.io/acme/web', sha: SHA, tag: 'd24155b', digest: DIGEST };
const WEB_LINES = [
  'WEB_IMAGE=ghcr.io/acme/web',
  `WEB_SHA=${SHA}`,
  'WEB_TAG=d24155b',
  `WEB_DIGEST=${HEX}`,
  `WEB_IMAGE_REF=ghcr.io/acme/web@${DIGEST}`,
];

describe('defaultEnvPrefix', () => {
  it.each([
    ['ghcr.io/acme/web-app', 'WEB_APP'],
    ['nginx', 'NGINX'],
    ['docker.io/library/nginx', 'NGINX'],
    ['a/b.c', 'B_C'],
    ['2048-game', '_2048_GAME'],
    ['acme/2048', '_2048'],
    ['localhost:5000/app', 'APP'],
    ['ghcr.io/acme/team/api__v2', 'API__V2'],
    ['acme/web--app', 'WEB__APP'],
    ['acme/app_1', 'APP_1'],
  ])('%s → %s', (name, prefix) => {
    expect(defaultEnvPrefix(parseImageName(name))).toBe(prefix);
  });
});

describe('envLines and pinnedRef', () => {
  it.each<[string, ServiceRecord, string, string[]]>([
    ['with a digest: DIGEST is the hex alone, IMAGE_REF by digest', WEB, `ghcr.io/acme/web@${DIGEST}`, WEB_LINES],
    [
      'without a digest: no DIGEST line, IMAGE_REF by the sha tag',
      { ...WEB, digest: '' },
      'ghcr.io/acme/web:d24155b',
      ['WEB_IMAGE=ghcr.io/acme/web', `WEB_SHA=${SHA}`, 'WEB_TAG=d24155b', 'WEB_IMAGE_REF=ghcr.io/acme/web:d24155b'],
    ],
    [
      'a sha512 digest keeps its algorithm in IMAGE_REF only',
      { ...WEB, prefix: 'X', digest: `sha512:${'e'.repeat(128)}` },
      `ghcr.io/acme/web@sha512:${'e'.repeat(128)}`,
      [
        'X_IMAGE=ghcr.io/acme/web',
        `X_SHA=${SHA}`,
        'X_TAG=d24155b',
        `X_DIGEST=${'e'.repeat(128)}`,
        `X_IMAGE_REF=ghcr.io/acme/web@sha512:${'e'.repeat(128)}`,
      ],
    ],
    [
      'a registry port and a long tag',
      { prefix: 'APP', image: 'localhost:5000/app', sha: SHA, tag: SHA.slice(0, 12), digest: '' },
      `localhost:5000/app:${SHA.slice(0, 12)}`,
      [
        'APP_IMAGE=localhost:5000/app',
        `APP_SHA=${SHA}`,
        `APP_TAG=${SHA.slice(0, 12)}`,
        `APP_IMAGE_REF=localhost:5000/app:${SHA.slice(0, 12)}`,
      ],
    ],
  ])('%s', (_case, record, ref, lines) => {
    expect(pinnedRef(record)).toBe(ref);
    expect(envLines(record)).toEqual(lines);
  });
});

describe('withEnvGroup', () => {
  const OLD_WEB = [
    'WEB_IMAGE=ghcr.io/acme/web',
    `WEB_SHA=${'a'.repeat(40)}`,
    'WEB_TAG=aaaaaaa',
    `WEB_DIGEST=${'a'.repeat(64)}`,
    `WEB_IMAGE_REF=ghcr.io/acme/web@sha256:${'a'.repeat(64)}`,
  ];
  const API = [
    'API_IMAGE=ghcr.io/acme/api',
    `API_SHA=${SHA}`,
    'API_TAG=d24155b',
    'API_IMAGE_REF=ghcr.io/acme/api:d24155b',
  ];

  it.each<[string, string, ServiceRecord, string[]]>([
    ['an empty file: the group alone', '', WEB, WEB_LINES],
    ['a file of other groups: the group at its end', `${API.join('\n')}\n`, WEB, [...API, ...WEB_LINES]],
    ['a file without a last line break', API.join('\n'), WEB, [...API, ...WEB_LINES]],
    [
      'an earlier group of the same prefix: replaced, moved to the end',
      `${OLD_WEB.join('\n')}\n${API.join('\n')}\n`,
      WEB,
      [...API, ...WEB_LINES],
    ],
    [
      'a group of the same prefix, pushed then not: its DIGEST goes too',
      `${OLD_WEB.join('\n')}\n`,
      { ...WEB, digest: '' },
      ['WEB_IMAGE=ghcr.io/acme/web', `WEB_SHA=${SHA}`, 'WEB_TAG=d24155b', 'WEB_IMAGE_REF=ghcr.io/acme/web:d24155b'],
    ],
    [
      'unrelated lines kept in place, blank lines dropped',
      `# deploy set\nCOMPOSE_PROJECT_NAME=shop\n\n${OLD_WEB.join('\n')}\nWEB_PORT=8080\nWEB_IMAGE_EXTRA=1\n`,
      WEB,
      ['# deploy set', 'COMPOSE_PROJECT_NAME=shop', 'WEB_PORT=8080', 'WEB_IMAGE_EXTRA=1', ...WEB_LINES],
    ],
    [
      'prefix A does not remove the lines of a prefix A_IMAGE',
      [
        'A_IMAGE_IMAGE=acme/a-image',
        `A_IMAGE_SHA=${SHA}`,
        'A_IMAGE_TAG=d24155b',
        `A_IMAGE_DIGEST=${HEX}`,
        `A_IMAGE_IMAGE_REF=acme/a-image@${DIGEST}`,
        'A_IMAGE=acme/old-a',
        'A_TAG=aaaaaaa',
      ].join('\n'),
      { prefix: 'A', image: 'acme/a', sha: SHA, tag: 'd24155b', digest: '' },
      [
        'A_IMAGE_IMAGE=acme/a-image',
        `A_IMAGE_SHA=${SHA}`,
        'A_IMAGE_TAG=d24155b',
        `A_IMAGE_DIGEST=${HEX}`,
        `A_IMAGE_IMAGE_REF=acme/a-image@${DIGEST}`,
        'A_IMAGE=acme/a',
        `A_SHA=${SHA}`,
        'A_TAG=d24155b',
        'A_IMAGE_REF=acme/a:d24155b',
      ],
    ],
    [
      'prefix A_IMAGE does not remove the lines of a prefix A',
      ['A_IMAGE=acme/a', `A_SHA=${SHA}`, 'A_TAG=d24155b', 'A_IMAGE_REF=acme/a:d24155b'].join('\n'),
      { prefix: 'A_IMAGE', image: 'acme/a-image', sha: SHA, tag: 'd24155b', digest: '' },
      [
        'A_IMAGE=acme/a',
        `A_SHA=${SHA}`,
        'A_TAG=d24155b',
        'A_IMAGE_REF=acme/a:d24155b',
        'A_IMAGE_IMAGE=acme/a-image',
        `A_IMAGE_SHA=${SHA}`,
        'A_IMAGE_TAG=d24155b',
        'A_IMAGE_IMAGE_REF=acme/a-image:d24155b',
      ],
    ],
    [
      'a prefix that only starts the same (WEBX) is another group',
      'WEBX_IMAGE=acme/webx\nWEBX_TAG=d24155b\n',
      WEB,
      ['WEBX_IMAGE=acme/webx', 'WEBX_TAG=d24155b', ...WEB_LINES],
    ],
    [
      'a commented-out line of the group is no line of it',
      '# WEB_IMAGE=ghcr.io/acme/web\n',
      WEB,
      ['# WEB_IMAGE=ghcr.io/acme/web', ...WEB_LINES],
    ],
    [
      'CRLF input: read as lines, written with LF',
      `COMPOSE_PROJECT_NAME=shop\r\n${OLD_WEB.join('\r\n')}\r\n${API.join('\r\n')}\r\n`,
      WEB,
      ['COMPOSE_PROJECT_NAME=shop', ...API, ...WEB_LINES],
    ],
  ])('%s', (_case, before, record, lines) => {
    const after = withEnvGroup(before, record);
    expect(after).toBe(`${lines.join('\n')}\n`);
    // Written again with the same record: the same file.
    expect(withEnvGroup(after, record)).toBe(after);
  });

  it('adds up the groups of several services into one file, each once', () => {
    const api: ServiceRecord = { ...WEB, prefix: 'API', image: 'ghcr.io/acme/api', digest: '' };
    const once = withEnvGroup(withEnvGroup('', WEB), api);
    const again = withEnvGroup(withEnvGroup(once, WEB), api);
    expect(again).toBe(once);
    expect(once.split('\n').filter((line) => line.endsWith('_IMAGE=ghcr.io/acme/web'))).toHaveLength(1);
  });
});

describe('envFileImage', () => {
  it.each<[string, string, string, string | undefined]>([
    ['the group of the prefix', WEB_LINES.join('\n'), 'WEB', 'ghcr.io/acme/web'],
    ['no such group', WEB_LINES.join('\n'), 'API', undefined],
    ['an empty file', '', 'WEB', undefined],
    ['CRLF lines', `X=1\r\n${WEB_LINES.join('\r\n')}\r\n`, 'WEB', 'ghcr.io/acme/web'],
    ['prefix A is not prefix A_IMAGE', 'A_IMAGE_IMAGE=acme/a-image\n', 'A', undefined],
    ['prefix A_IMAGE is not prefix A', 'A_IMAGE=acme/a\n', 'A_IMAGE', undefined],
    ['prefix A among both', 'A_IMAGE_IMAGE=acme/a-image\nA_IMAGE=acme/a\n', 'A', 'acme/a'],
    ['not IMAGE_REF', `WEB_IMAGE_REF=ghcr.io/acme/web@${DIGEST}\n`, 'WEB', undefined],
    ['an indented or commented line is none', ' WEB_IMAGE=a\n# WEB_IMAGE=b\n', 'WEB', undefined],
    ['an empty value', 'WEB_IMAGE=\n', 'WEB', ''],
    ['the first of two', 'WEB_IMAGE=acme/one\nWEB_IMAGE=acme/two\n', 'WEB', 'acme/one'],
  ])('%s', (_case, text, prefix, image) => {
    expect(envFileImage(text, prefix)).toBe(image);
  });
});
