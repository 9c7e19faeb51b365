// `npm run example`: runs the action (dist/index.js, main then post, as the runner does) on the
// bundled example service, and deploys it to a local registry with htpasswd auth.
import { ROOT, runAction } from '../__tests__/harness/run-action.mjs';
import { startRegistry } from '../__tests__/harness/registry.mjs';

export const EXAMPLE_TEST_COMMAND = [
  'set -e',
  "wget -q -O - http://127.0.0.1:8080/ | grep -q 'hello from the example service'",
  'test "$(wget -q -O - http://127.0.0.1:8080/health)" = ok',
  'echo "example tests passed inside the image built from $SHA"',
].join('\n');

const credentials = { username: 'example', password: `example-${Math.random().toString(36).slice(2)}` };
const registry = await startRegistry(credentials);
try {
  console.log(`Local registry on ${registry.host} (htpasswd auth)\n`);
  const run = await runAction({
    echo: true,
    inputs: {
      image: `${registry.host}/example/hello-service`,
      context: 'examples/hello-service',
      'test-command': EXAMPLE_TEST_COMMAND,
      deploy: 'true',
      'registry-username': credentials.username,
      'registry-password': credentials.password,
    },
    cwd: ROOT,
  });
  console.log('\nOutputs:');
  for (const [name, value] of Object.entries(run.outputs)) console.log(`  ${name}=${value}`);
  const tags = await (
    await fetch(`http://${registry.host}/v2/example/hello-service/tags/list`, {
      headers: {
        authorization: `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`,
      },
    })
  ).json();
  console.log(`Registry now holds example/hello-service tags: ${JSON.stringify(tags.tags)}`);
  process.exitCode = run.main.exitCode === 0 && run.post?.exitCode === 0 ? 0 : 1;
} finally {
  await registry.stop();
}
