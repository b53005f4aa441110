#!/usr/bin/env node
'use strict';
// Runs the bundled CLI (dist/virsh-ts.cjs) with V8's code cache recorded at build time, so a
// one-shot command pays for running our code, not for compiling it.
const { readFileSync, writeFileSync, renameSync } = require('node:fs');
const { Script, constants } = require('node:vm');
const { dirname, join } = require('node:path');
const Module = require('node:module');

const bundle = join(__dirname, '..', 'dist', 'virsh-ts.cjs');
const cachePath = `${bundle}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cachePath);
} catch {
  cachedData = undefined;
}
// The bundle is ASCII (esbuild escapes the rest; scripts/build.mjs checks), and latin1 is the
// cheapest decoding of ASCII.
const script = new Script(Module.wrap(readFileSync(bundle, 'latin1')), {
  filename: bundle,
  cachedData,
  importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));

if (process.env.VIRSH_TS_RECORD_CODE_CACHE) {
  process.once('exit', () => {
    const tmp = `${cachePath}.${process.pid}`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cachePath);
  });
}
