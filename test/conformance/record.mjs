// Re-records the goldens from real virsh 9.0 (Debian's libvirt-clients):
//   node test/conformance/record.mjs [CASEFILE…]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadCaseFiles, runCase, goldenDir } from './cases.mjs';

const version = execFileSync('virsh', ['--version'], { encoding: 'utf8' }).trim();
if (version !== '9.0.0') throw new Error(`recording needs virsh 9.0.0, found ${version}`);
const only = process.argv.slice(2);
for (const { file, cases } of loadCaseFiles()) {
  if (only.length && !only.includes(file)) continue;
  const golden = {};
  for (const c of cases) golden[c.name] = runCase('virsh', c);
  writeFileSync(join(goldenDir, file.replace(/\.cases$/, '.json')), JSON.stringify(golden, null, 1) + '\n');
  console.log(`${file}: ${cases.length} cases recorded`);
}
