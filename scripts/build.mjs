// Bundles each entry point into dist/ so a one-shot command loads one file: no module
// resolution walk through node_modules at start-up. The REPL, ssh2 and the daemon stay in
// chunks of their own, imported only when needed.
import { build } from 'esbuild';

await build({
  entryPoints: { 'virsh-ts': 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'bundle',
  external: ['ssh2', 'cpu-features'],
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
