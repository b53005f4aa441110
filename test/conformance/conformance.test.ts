import { describe, it, expect } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadCaseFiles, runCase, normalize, goldenDir } from './cases.mjs';

const bin = join(import.meta.dirname, '../../bin/virsh-ts');

interface Result {
  stdout: string;
  stderr: string;
  code: number;
}

for (const { file, cases } of loadCaseFiles()) {
  const goldenPath = join(goldenDir, file.replace(/\.cases$/, '.json'));
  describe(file, () => {
    it('has recorded goldens for every case', () => {
      expect(existsSync(goldenPath)).toBe(true);
      const golden = JSON.parse(readFileSync(goldenPath, 'utf8')) as Record<string, Result>;
      expect(Object.keys(golden).sort()).toEqual(cases.map((c) => c.name).sort());
    });
    const golden: Record<string, Result> = existsSync(goldenPath) ? JSON.parse(readFileSync(goldenPath, 'utf8')) : {};
    for (const c of cases) {
      it(`${c.name}: ${c.args.join(' ')}`, () => {
        const want = golden[c.name];
        const got = runCase(bin, c) as Result;
        expect({ code: got.code, stdout: normalize(got.stdout), stderr: normalize(got.stderr) }).toEqual({
          code: want.code,
          stdout: normalize(want.stdout),
          stderr: normalize(want.stderr),
        });
      });
    }
  });
}
