// Timing helpers shared by the benchmarks: wall time of whole commands, interleaved so
// that machine noise hits every contender alike, reported as medians and ratios.
import { spawnSync } from 'node:child_process';

export function timeOnce(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** contenders: [{ name, cmd, args }]; runs them round-robin `runs` times after one warm-up. */
export function compare(title, contenders, runs) {
  const samples = contenders.map(() => []);
  contenders.forEach((c) => timeOnce(c.cmd, c.args, c.opts));
  for (let i = 0; i < runs; i++) contenders.forEach((c, j) => samples[j].push(timeOnce(c.cmd, c.args, c.opts)));
  const med = samples.map(median);
  console.log(`\n## ${title} (median of ${runs} runs)`);
  const width = Math.max(...contenders.map((c) => c.name.length));
  contenders.forEach((c, j) => console.log(`  ${c.name.padEnd(width)}  ${med[j].toFixed(1).padStart(8)} ms`));
  return Object.fromEntries(contenders.map((c, j) => [c.name, med[j]]));
}

export function ratio(label, a, b, target) {
  console.log(`  ${label}: ${(a / b).toFixed(2)}×${target ? `  (target ${target})` : ''}`);
}
