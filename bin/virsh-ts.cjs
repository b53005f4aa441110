#!/usr/bin/env node
'use strict';
// Runs the CLI's chunks (see scripts/build.mjs): dist/virsh-ts.cjs holds the entry and the
// chunks a one-shot command loads at start, dist/chunks/ every chunk. Each file goes through
// vm.Script with V8's code cache recorded at build time, so a command pays for running our
// code, not for compiling it, and reads only the chunks it uses.
const { readdirSync, readFileSync, writeFileSync, renameSync } = require('node:fs');
const { Script } = require('node:vm');
const { join, posix } = require('node:path');
const Module = require('node:module');

const dist = join(__dirname, '..', 'dist');
const entry = join(dist, 'virsh-ts.cjs');
const nodeRequire = Module.createRequire(entry);
const loaded = new Map();
/** The chunks read from their own files, for recording their caches. */
const scripts = [];

function compile(path) {
  let cachedData;
  try {
    cachedData = readFileSync(`${path}.cache`);
  } catch {
    cachedData = undefined;
  }
  // Chunks are ASCII (esbuild escapes the rest; the build checks), and latin1 is the
  // cheapest decoding of ASCII.
  return new Script(Module.wrap(readFileSync(path, 'latin1')), { filename: path, cachedData });
}

const packScript = compile(entry);
const pack = { exports: {} };
packScript.runInThisContext()(pack.exports, nodeRequire, pack, entry, dist);

/** A chunk's exports; `rel` is its path under dist/. */
function load(rel) {
  const hit = loaded.get(rel);
  if (hit) return hit.exports;
  let run = pack.exports[rel];
  if (!run) {
    const path = join(dist, rel);
    const script = compile(path);
    scripts.push([path, script]);
    run = script.runInThisContext();
  }
  const mod = { exports: {} };
  loaded.set(rel, mod);
  const require = (id) => (id.startsWith('.') ? load(posix.join(posix.dirname(rel), id)) : nodeRequire(id));
  // Every chunk sees the entry's __filename and __dirname: the sources were written for one
  // bundle in dist/.
  run(mod.exports, require, mod, entry, dist);
  return mod.exports;
}

load('virsh-ts.cjs');

if (process.env.VIRSH_TS_RECORD_CODE_CACHE) {
  process.once('exit', () => {
    const write = (path, data) => {
      const tmp = `${path}.${process.pid}`;
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    };
    write(`${entry}.cache`, packScript.createCachedData());
    for (const [path, script] of scripts) write(`${path}.cache`, script.createCachedData());
    // The chunks this command did not load: their compiled top level, so that the first
    // command to load one skips at least parsing it.
    const done = new Set(scripts.map(([path]) => path));
    for (const f of readdirSync(join(dist, 'chunks'))) {
      const path = join(dist, 'chunks', f);
      if (f.endsWith('.cjs') && !done.has(path)) write(`${path}.cache`, compile(path).createCachedData());
    }
    // What the build packs into dist/virsh-ts.cjs.
    write(join(dist, 'virsh-ts.chunks.json'), JSON.stringify([...loaded.keys()]));
  });
}
