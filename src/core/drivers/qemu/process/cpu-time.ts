import { readFileSync } from 'node:fs';

/** USER_HZ: /proc/PID/stat counts CPU time in clock ticks of 1/100 s on Linux. */
const TICK_NS = 10_000_000;

/**
 * qemuGetProcessInfo: the CPU time QEMU has used so far (user + system) in nanoseconds;
 * 0 when the process is gone.
 */
export function cpuTimeNs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the parenthesised name: state is 3rd; utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_NS;
}
