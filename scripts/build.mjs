// Bundles the CLI into one CommonJS file and records V8's code cache for it.
//
// Start-up is most of a one-shot command's time, and most of start-up is compiling our
// JavaScript: one file (no module graph to resolve) loaded by bin/virsh-ts.cjs through
// vm.Script with the cache recorded here skips almost all of that compilation. The cache is
// recorded by running a representative command, so the functions a one-shot command runs
// are in it. A stale or foreign cache (other Node version) is rejected by V8 and costs only
// the compile it would have cost anyway.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const staging = join(root, `dist.tmp-${process.pid}`);

await build({
  entryPoints: { 'virsh-ts': join(root, 'src/cli.ts'), 'virtd-ts': join(root, 'src/daemon/index.ts') },
  outdir: staging,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  external: ['ssh2', 'cpu-features', 'ink', 'react'],
  outExtension: { '.js': '.cjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
});

mkdirSync(out, { recursive: true });
// Swap file by file with rename so a virsh-ts running meanwhile sees either build, whole.
for (const f of ['virsh-ts.cjs.map', 'virsh-ts.cjs', 'virtd-ts.cjs.map', 'virtd-ts.cjs']) renameSync(join(staging, f), join(out, f));
rmSync(staging, { recursive: true, force: true });
rmSync(join(out, 'virsh-ts.cjs.cache'), { force: true });

execFileSync(process.execPath, [join(root, 'bin/virsh-ts.cjs'), '-c', 'test:///default', 'list', '--all'], {
  env: { ...process.env, VIRSH_TS_RECORD_CODE_CACHE: '1' },
  stdio: 'ignore',
});
