// Bundles the CLI into CommonJS chunks and records V8's code cache for them.
//
// Start-up is most of a one-shot command's time, and most of start-up is compiling our
// JavaScript and reading back its code cache, whose size follows the code a file holds, run
// or not. So the CLI is split where the sources load a module with import() (the QEMU and
// remote drivers, each test-driver group, the command groups): esbuild splits an ESM build
// there, each chunk is turned into CommonJS, and bin/virsh-ts.cjs loads each chunk through
// vm.Script with its own cache, the first time it is needed. The caches are recorded by
// running a representative command (its chunks then hold the functions it ran) and by
// compiling every other chunk. A stale or foreign cache (other Node version) is rejected by
// V8 and costs only the compile it would have cost anyway.
import { build, transform } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist');
const staging = join(root, `dist.tmp-${process.pid}`);

// Modules whose exports are plain data (the command tables, keycode tables, the built-in test
// node's parse tree and its domains' definitions): the bundle carries each value as
// JSON.parse of a string computed here (undefined properties drop out, which the code reads
// as absent alike). V8 reads a JSON string several times faster than it runs an object
// literal, and the code cache shrinks with it; the test node is then never parsed at run
// time. An exported function stands for the data it returns, and returns a fresh copy on
// every call; an exported object's array properties are parsed on first access (a command
// group's table is parsed only when a lookup reaches that group).
const dataModule = /src\/(commands\/spec\/[\w-]+|core\/keycodes-data|core\/drivers\/test\/default-node-tree|core\/drivers\/test\/default-domain-defs|core\/xml\/relaxng\/schemas-data)\.ts$/;

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

const dataModules = {
  name: 'data-modules',
  setup(b) {
    b.onLoad({ filter: dataModule }, async (args) =>
      args.path.endsWith('/types.ts') ? undefined : { contents: await dataModuleSource(args.path), loader: 'js' },
    );
  },
};
const node20 = { bundle: true, platform: 'node', target: 'node20', minify: true, logLevel: 'warning', plugins: [dataModules] };

// The CLI: split as ESM, then each chunk made CommonJS, its import() a require() that
// bin/virsh-ts.cjs serves from dist/chunks/.
const cli = await build({
  ...node20,
  entryPoints: { 'virsh-ts': join(root, 'src/cli.ts') },
  outdir: join(staging, 'esm'),
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[hash]',
  external: ['ssh2', 'cpu-features', 'ink', 'react'],
  write: false,
});
mkdirSync(join(staging, 'chunks'), { recursive: true });
const code = new Map();
for (const f of cli.outputFiles) {
  const rel = f.path.slice(join(staging, 'esm').length + 1).replace(/\.js$/, '.cjs');
  const cjs = (await transform(f.text, { format: 'cjs', target: 'node20', minify: true, supported: { 'dynamic-import': false } })).code;
  // bin/virsh-ts.cjs reads chunks as latin1, which is only right for ASCII.
  if (/[^\x00-\x7f]/.test(cjs)) throw new Error(`${rel} is not ASCII`);
  // Chunks name each other by their ESM file names; the loader knows them as .cjs.
  code.set(rel, cjs.replace(/require\("(\.\.?\/[^"]+)\.js"\)/g, 'require("$1.cjs")'));
}
const chunks = [...code.keys()].filter((rel) => rel.startsWith('chunks/'));
for (const rel of chunks) writeFileSync(join(staging, rel), code.get(rel));

/**
 * dist/virsh-ts.cjs: the entry and the chunks a one-shot command loads at start, each a
 * function called on first require, in one file: one read and one cache instead of dozens.
 * The functions are not wrapped in parentheses, which would make V8 compile them eagerly.
 */
function writePack(dir, rels) {
  const fns = rels.map((rel) => `${JSON.stringify(rel)}: function (exports, require, module, __filename, __dirname) {\n${code.get(rel)}}`);
  const tmp = join(dir, `virsh-ts.cjs.${process.pid}`);
  writeFileSync(tmp, `'use strict';\nmodule.exports = {\n${fns.join(',\n')}\n};\n`);
  renameSync(tmp, join(dir, 'virsh-ts.cjs'));
}
writePack(staging, ['virsh-ts.cjs']);

// The daemon starts once and runs long: one file, no cache.
await build({ ...node20, entryPoints: { 'virtd-ts': join(root, 'src/daemon/index.ts') }, outdir: staging, format: 'cjs', external: ['ssh2', 'cpu-features'], outExtension: { '.js': '.cjs' }, sourcemap: 'linked' });

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

mkdirSync(join(out, 'chunks'), { recursive: true });
copyFileSync(join(root, 'src/repl/load-repl.cjs'), join(staging, 'load-repl.cjs'));
// Swap file by file with rename so a virsh-ts running meanwhile sees either build, whole:
// chunks are named by their content, so the new ones go in beside the old ones first and the
// entry, which names them, last. Chunks of builds older than any running command go.
for (const f of chunks) renameSync(join(staging, f), join(out, f));
const built = ['virtd-ts.cjs.map', 'virtd-ts.cjs', 'repl.mjs.map', 'repl.mjs', 'load-repl.cjs', 'virsh-ts.cjs'];
for (const f of built) renameSync(join(staging, f), join(out, f));
rmSync(staging, { recursive: true, force: true });
rmSync(join(out, 'virsh-ts.cjs.cache'), { force: true });
const current = new Set(chunks.map((f) => f.slice('chunks/'.length)));
for (const f of readdirSync(join(out, 'chunks'))) {
  const path = join(out, 'chunks', f);
  if (current.has(f)) rmSync(`${path}.cache`, { force: true });
  else if (!current.has(f.replace(/\.cache$/, '')) && Date.now() - statSync(path).mtimeMs > 10 * 60_000) rmSync(path, { force: true });
}

// Run the representative command twice: once to learn which chunks it loads (the record run
// lists them), which then go into the pack; again to record the caches of the final files.
const record = () =>
  execFileSync(process.execPath, [join(root, 'bin/virsh-ts.cjs'), '-c', 'test:///default', 'list', '--all'], {
    env: { ...process.env, VIRSH_TS_RECORD_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
record();
writePack(out, JSON.parse(readFileSync(join(out, 'virsh-ts.chunks.json'), 'utf8')));
record();
