/** The numbers a job bar shows: IEC sizes, a rate, and the time left. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

export function size(bytes: number): string {
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${UNITS[i]}`;
}

/** Bytes per second over the job so far; undefined before any time has passed. */
export function rate(processed: number, elapsedMs: number): number | undefined {
  return elapsedMs > 0 ? (processed * 1000) / elapsedMs : undefined;
}

/** H:MM:SS (or M:SS) left at the job's average rate; `--:--` while unknown. */
export function eta(remaining: number, bytesPerSecond: number | undefined): string {
  if (!bytesPerSecond) return '--:--';
  const s = Math.ceil(remaining / bytesPerSecond);
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** Whole percent as virsh counts it: 100 only when nothing remains. */
export function percent(processed: number, total: number): number {
  if (total <= 0) return 0;
  if (processed >= total) return 100;
  return Math.min(Math.trunc((processed * 100) / total), 99);
}
