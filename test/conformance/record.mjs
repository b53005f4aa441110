// Re-records the goldens from real virsh 9.0 (Debian's libvirt-clients):
//   node test/conformance/record.mjs [--check] [CASEFILE…]
// --check records into memory and reports every case whose fresh recording differs from the
// committed golden (after normalize()), without writing: proof that the goldens reproduce.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCaseFiles, runCase, goldenDir, fixturesDir, normalize } from './cases.mjs';

const version = execFileSync('virsh', ['--version'], { encoding: 'utf8' }).trim();
if (version !== '9.0.0') throw new Error(`recording needs virsh 9.0.0, found ${version}`);
const args = process.argv.slice(2);
const check = args.includes('--check');
const only = args.filter((a) => a !== '--check');
const comparable = (r) => JSON.stringify({ ...r, stdout: normalize(r.stdout), stderr: normalize(r.stderr) });
let differing = 0;
for (const { file, cases } of loadCaseFiles()) {
  if (only.length && !only.includes(file)) continue;
  const goldenPath = join(goldenDir, file.replace(/\.cases$/, '.json'));
  const golden = {};
  for (const c of cases) {
    // Goldens name the fixtures directory as @FIXTURES@: checkouts live in different places.
    const r = runCase('virsh', c);
    const portable = (t) => t.replaceAll(fixturesDir, '@FIXTURES@');
    golden[c.name] = { ...r, stdout: portable(r.stdout), stderr: portable(r.stderr) };
  }
  if (check) {
    const committed = JSON.parse(readFileSync(goldenPath, 'utf8'));
    for (const c of cases) {
      if (!committed[c.name] || comparable(committed[c.name]) !== comparable(golden[c.name])) {
        differing++;
        console.log(`${file}: ${c.name} differs from its golden`);
      }
    }
    console.log(`${file}: ${cases.length} cases checked`);
  } else {
    writeFileSync(goldenPath, JSON.stringify(golden, null, 1) + '\n');
    console.log(`${file}: ${cases.length} cases recorded`);
  }
}
if (differing) {
  console.log(`${differing} cases differ from their goldens`);
  process.exitCode = 1;
}
