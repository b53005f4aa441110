// Generates the man pages and the bash/zsh completion scripts from the command registry and
// the daemon's option and configuration tables:
//   node scripts/gen-man.mjs          writes man/virsh-ts.1, man/virtd-ts.8 and man/completion/*
//   node scripts/gen-man.mjs --check  fails when a checked-in file is stale
// The generators are TypeScript (src/repl/docs/); esbuild bundles them in memory.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const entry = `
import { commandGroups } from './src/commands/registry.js';
import { manPage } from './src/repl/docs/man.js';
import { daemonManPage } from './src/repl/docs/daemon-man.js';
import { bashCompletion, zshCompletion } from './src/repl/docs/completion.js';
export const files = {
  'man/virsh-ts.1': manPage(commandGroups),
  'man/virtd-ts.8': daemonManPage(),
  'man/completion/virsh-ts.bash': bashCompletion(commandGroups),
  'man/completion/_virsh-ts': zshCompletion(commandGroups),
};
`;
const result = await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  write: false,
  external: ['ssh2', 'cpu-features', 'ink', 'react'],
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
const { files } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);

const check = process.argv.includes('--check');
let stale = 0;
for (const [path, text] of Object.entries(files)) {
  const full = join(root, path);
  if (check) {
    let current = '';
    try {
      current = readFileSync(full, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.log(`${path} is stale: run node scripts/gen-man.mjs`);
      stale++;
    }
  } else {
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    console.log(`wrote ${path}`);
  }
}
if (stale) process.exitCode = 1;
