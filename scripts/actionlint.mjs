// Lints .github/workflows with actionlint (compiled to WASM, so no binary download is needed).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const workflows = readdirSync('.github/workflows').filter((name) => /\.ya?ml$/.test(name));
if (workflows.length === 0) {
  console.error('actionlint: no workflow files in .github/workflows');
  process.exit(1);
}
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'node_modules', '@tktco', 'node-actionlint', 'bin', 'node-actionlint.js');
const result = spawnSync(process.execPath, [bin, '.github/workflows/*.{yml,yaml}'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
