import { main } from './commands/shell/main.js';

// No top-level await: the bundle is CommonJS so that bin/virsh-ts can load it through V8's
// code cache (see scripts/build.mjs).
void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
