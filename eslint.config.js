import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Imports run one way: the faces (action, cli) import the loop and the resolve feature; those import docker,
// registry, process and shared; shared imports nothing. Each folder lists what it must not import.
const layers = {
  shared: ['../*'],
  process: ['../*', '!../shared'],
  registry: ['../*', '!../shared'],
  docker: ['../*', '!../shared', '!../process'],
  resolve: ['../*', '!../shared', '!../process', '!../docker', '!../registry'],
  loop: ['../*', '!../shared', '!../process', '!../docker', '!../registry'],
  action: ['../cli'],
  cli: ['../action'],
};
// Only the action face speaks to the runner; only src/process starts a child process.
const runnerPackages = {
  group: ['@actions/*'],
  message: "Only src/action speaks to the runner (@actions/*): report through the loop's Reporter.",
};
// Any import of it, default or named, under either name: its types alone may be imported.
const childProcess = ['node:child_process', 'child_process'].map((name) => ({
  name,
  allowTypeImports: true,
  message: 'Start child processes through src/process/run.ts: it tracks them for cancellation.',
}));
// The loop and resolve speak to the engine through its port (src/docker/engine.ts), handed to them by a face:
// never argv, a docker process or its stdout.
const enginePort = 'The loop and resolve call the Engine they are handed (src/docker/engine.ts), never docker itself.';
const engineInternals = [
  ...['cli', 'args', 'docker-engine'].map((file) => ({ name: `../docker/${file}.js`, message: enginePort })),
  {
    name: '../docker/build-args.js',
    importNames: ['legacyBuildArgs', 'legacyStampArgs', 'bakeArgs', 'bakeDefinition'],
    message: enginePort,
  },
  {
    name: '../docker/engine-facts.js',
    importNames: ['checkEngine', 'builderDriver', 'imageStoreOf'],
    message: enginePort,
  },
  { name: '../docker/image-calls.js', allowTypeImports: true, message: enginePort },
];
const importRules = Object.entries(layers).map(([folder, forbidden]) => {
  const message = `src/${folder} must not import this: imports run from the faces to the loop to docker, registry, process and shared.`;
  // The same for `import('…')`, which no-restricted-imports does not see: a face is never loaded from below.
  const faces = forbidden.includes('../*') ? ['action', 'cli'] : forbidden.map((pattern) => pattern.slice(3));
  return {
    files: [`src/${folder}/**/*.{ts,js}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...(folder === 'process' ? [] : childProcess),
            ...(folder === 'loop' || folder === 'resolve' ? engineInternals : []),
          ],
          patterns: [{ group: forbidden, message }, ...(folder === 'action' ? [] : [runnerPackages])],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: `ImportExpression[source.value=/^\\.\\.\\/(${faces.join('|')})\\//]`, message },
      ],
    },
  };
});
// Nothing lives in src/ itself: each file belongs to one of the folders above.
const noLooseFiles = {
  files: ['src/*.{ts,js}'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: 'Program', message: 'Put this file in one of the folders of src/ (see CONTRIBUTING.md).' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // An un-awaited docker call is a container or login left behind: never allow one.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: 'error',
    },
  },
  ...importRules,
  noLooseFiles,
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
);
