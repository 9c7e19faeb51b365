// 5. Deploy to a local registry (__tests__/harness/registry.mjs: the CNCF distribution registry with htpasswd auth
// on 127.0.0.1): the action's push phase (its own "Took" line: login, push of the sha tag and of :latest,
// and what it checks afterwards) against the same by hand: `docker login --password-stdin`, then
// `docker push` of the two tags, timed from the first command's start to the last one's end.
// Pairs are interleaved: action, by hand, action, by hand… Each run pushes a new commit's image to a
// repository that already holds the base layers, as a deploy of the next push would.
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { startRegistry } from '../__tests__/harness/registry.mjs';
import { CYCLE_TEST_COMMAND, HEALTHY_DOCKERFILE, IMAGE_CADENCE_RUN_ARGS } from './cycle.mjs';
import {
  docker,
  dockerOk,
  expectSuccess,
  gitContext,
  phaseKind,
  phasesOf,
  removeRepositories,
  runActionTimed,
  runTimed,
} from './support.mjs';

const BY_HAND =
  'printf %s "$PASSWORD" | docker login --username "$USERNAME" --password-stdin "$REGISTRY" >/dev/null && docker push "$SHA_REF" >/dev/null && docker push "$LATEST_REF" >/dev/null';

/**
 * @param {{ pairs: number, warmup: number, log: (line: string) => void }} options
 */
export async function benchDeploy({ pairs, warmup, log }) {
  buildBaseImage();
  const credentials = { username: 'bench', password: `bench-${Math.random().toString(36).slice(2)}` };
  const registry = await startRegistry(credentials);
  const actionRepository = `${registry.host}/bench/deploy-action`;
  const handRepository = `${registry.host}/bench/deploy-hand`;
  const actionContext = gitContext('bench-deploy-action', { Dockerfile: HEALTHY_DOCKERFILE });
  const handContext = gitContext('bench-deploy-hand', { Dockerfile: HEALTHY_DOCKERFILE });
  const action = [];
  const hand = [];
  try {
    for (let i = -warmup; i < pairs; i++) {
      actionContext.commit();
      const run = await runActionTimed({
        inputs: {
          image: actionRepository,
          context: actionContext.dir,
          'run-args': IMAGE_CADENCE_RUN_ARGS,
          'test-command': CYCLE_TEST_COMMAND,
          'prune-grace': '0',
          deploy: 'true',
          'registry-username': credentials.username,
          'registry-password': credentials.password,
        },
      });
      expectSuccess(run, 'deploy');
      const push = phasesOf(run.main.stdout).find((phase) => phaseKind(phase.name) === 'Push');
      if (push === undefined || run.outputs.pushed !== 'true')
        throw new Error(`the action pushed nothing:\n${run.main.stdout}`);

      // By hand: the same kind of image (a new commit's stamp on the cached build), tagged, not yet pushed.
      const sha = handContext.commit();
      // The stamp starts from a name: BuildKit cannot build FROM an image id.
      const base = `${handRepository}-build:latest`;
      docker('build', '--quiet', '--tag', base, handContext.dir);
      const shaRef = `${handRepository}:${sha.slice(0, 7)}`;
      const latestRef = `${handRepository}:latest`;
      const stamp = await runTimed(
        'docker',
        [
          'build',
          '--quiet',
          '--label',
          `org.opencontainers.image.revision=${sha}`,
          '--tag',
          shaRef,
          '--tag',
          latestRef,
          '-',
        ],
        { input: `FROM ${base}\nENV SHA=${sha}\n` },
      );
      if (stamp.exitCode !== 0) throw new Error(`stamping the by-hand image failed: ${stamp.stderr}`);
      const pushed = await runTimed('bash', ['-c', BY_HAND], {
        env: {
          ...process.env,
          USERNAME: credentials.username,
          PASSWORD: credentials.password,
          REGISTRY: registry.host,
          SHA_REF: shaRef,
          LATEST_REF: latestRef,
        },
      });
      dockerOk('logout', registry.host);
      if (pushed.exitCode !== 0) throw new Error(`pushing by hand failed: ${pushed.stderr}`);
      if (i < 0) {
        log(
          `  warm-up: action push phase ${push.seconds.toFixed(3)} s, by hand ${pushed.seconds.toFixed(3)} s (not counted)`,
        );
        continue;
      }
      action.push(push.seconds);
      hand.push(pushed.seconds);
      log(
        `  pair ${i + 1}/${pairs}: action push phase ${push.seconds.toFixed(3)} s, by hand ${pushed.seconds.toFixed(3)} s, ratio ${(push.seconds / pushed.seconds).toFixed(2)}`,
      );
    }
  } finally {
    actionContext.remove();
    handContext.remove();
    dockerOk('logout', registry.host);
    removeRepositories(actionRepository, handRepository, `${handRepository}-build`);
    await registry.stop();
  }
  return { action, hand, ratios: action.map((a, i) => a / hand[i]) };
}
