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
import { copyFileSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const staging = join(root, `dist.tmp-${process.pid}`);

// Modules whose exports are plain data (the command tables, keycode tables, the built-in test
// node's parse tree): the bundle carries each value as JSON.parse of a string computed here.
// V8 reads a JSON string several times faster than it runs an object literal, and the code
// cache shrinks with it; the test node's tree is then never parsed at run time. An exported
// function stands for the data it returns, and returns a fresh copy on every call; an
// exported object's array properties are parsed on first access (a command group's table
// is parsed only when a lookup reaches that group).
const dataModule = /src\/(commands\/spec\/[\w-]+|core\/keycodes-data|core\/drivers\/test\/default-node-tree|core\/xml\/relaxng\/schemas-data)\.ts$/;

const json = (v) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;

function lazyArrays(obj) {
  const props = Object.entries(obj).map(([k, v], i) =>
    Array.isArray(v) ? `get ${JSON.stringify(k)}() { return (lazy[${i}] ??= ${json(v)}); }` : `${JSON.stringify(k)}: ${json(v)}`,
  );
  return `(() => { const lazy = []; return { ${props.join(', ')} }; })()`;
}

async function dataModuleSource(path) {
  const r = await build({ entryPoints: [path], bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'warning' });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(r.outputFiles[0].text).toString('base64')}`);
  const value = (v) => {
    if (typeof v === 'function') return `() => ${json(v())}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) return lazyArrays(v);
    return json(v);
  };
  return Object.entries(mod)
    .map(([name, v]) => `export const ${name} = ${value(v)};`)
    .join('\n');
}

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
  plugins: [
    {
      name: 'data-modules',
      setup(b) {
        b.onLoad({ filter: dataModule }, async (args) =>
          args.path.endsWith('/types.ts') ? undefined : { contents: await dataModuleSource(args.path), loader: 'js' },
        );
      },
    },
  ],
});

// The interactive shell: its own ESM bundle (Ink is ESM-only and yoga-layout awaits at top
// level), imported by the CLI only when stdin and stdout are a terminal, so one-shot and
// batch runs never load Ink or React.
await build({
  entryPoints: { repl: join(root, 'src/repl/main.tsx') },
  outdir: staging,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  jsx: 'automatic',
  // No `fetch` in the REPL bundle: yoga's wasm loader then decodes its embedded binary itself
  // instead of fetching a data: URL, which would load Node's fetch (undici, ~50 ms at start).
  define: { 'process.env.NODE_ENV': '"production"', fetch: 'undefined' },
  // CommonJS dependencies bundled in (signal-exit) still require Node's built-ins
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  // Ink, React and yoga bundled in: one file loads several times faster than their module
  // graph. Ink's React DevTools hook (only with DEV=true) is left out, with its dependency.
  plugins: [
    {
      name: 'no-devtools',
      setup(b) {
        b.onResolve({ filter: /^\.\/devtools\.js$/ }, () => ({ path: 'devtools', namespace: 'no-devtools' }));
        b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({ contents: '' }));
      },
    },
    {
      name: 'terminal-is-not-ci',
      setup(b) {
        b.onResolve({ filter: /^is-in-ci$/ }, () => ({ path: join(root, 'src/repl/not-in-ci.ts') }));
      },
    },
  ],
  outExtension: { '.js': '.mjs' },
  sourcemap: 'linked',
  logLevel: 'warning',
});

// bin/virsh-ts.cjs reads the bundle as latin1, which is only right for ASCII.
if (/[^\x00-\x7f]/.test(readFileSync(join(staging, 'virsh-ts.cjs'), 'latin1'))) throw new Error('dist/virsh-ts.cjs is not ASCII');

mkdirSync(out, { recursive: true });
// Swap file by file with rename so a virsh-ts running meanwhile sees either build, whole.
copyFileSync(join(root, 'src/repl/load-repl.cjs'), join(staging, 'load-repl.cjs'));
const built = ['virsh-ts.cjs.map', 'virsh-ts.cjs', 'virtd-ts.cjs.map', 'virtd-ts.cjs', 'repl.mjs.map', 'repl.mjs', 'load-repl.cjs'];
for (const f of built) renameSync(join(staging, f), join(out, f));
rmSync(staging, { recursive: true, force: true });
rmSync(join(out, 'virsh-ts.cjs.cache'), { force: true });

execFileSync(process.execPath, [join(root, 'bin/virsh-ts.cjs'), '-c', 'test:///default', 'list', '--all'], {
  env: { ...process.env, VIRSH_TS_RECORD_CODE_CACHE: '1' },
  stdio: 'ignore',
});
