// Fails when src/gql/ is not what `npm run codegen` would write from the
// current schema and documents. Regenerates into a temporary folder and
// compares, so it needs neither git nor the network.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const committed = join(root, 'src/gql');
const schema = resolve(root, process.env.SCHEMA_PATH ?? '../schema.graphql');

if (!existsSync(schema)) {
  console.error(`codegen:check: no schema at ${schema}; run \`make generate\` at the repository root first.`);
  process.exit(1);
}

const out = mkdtempSync(join(tmpdir(), 'reablement-gql-'));
try {
  const run = spawnSync(join(root, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: `${out}/` },
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);

  const list = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
  const names = [...new Set([...list(committed), ...list(out)])].sort();
  const stale = names.filter((name) => {
    const a = join(committed, name);
    const b = join(out, name);
    return !existsSync(a) || !existsSync(b) || !readFileSync(a).equals(readFileSync(b));
  });
  if (stale.length > 0) {
    console.error(`codegen:check: src/gql is stale (${stale.join(', ')}); run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log('codegen:check: src/gql is up to date.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
