/** The few printf conversions the host commands use, spelled out for readability. */

/** `%-Ns` */
export const left = (s: string | number, width: number): string => String(s).padEnd(width);

/** `%Ns` / `%Nllu` */
export const right = (s: string | number | bigint, width: number): string => String(s).padStart(width);

/** `%5.1lf` as glibc prints it, including its `-nan` for 0/0 on x86. */
export function fixed1(v: number, width = 5): string {
  const text = Number.isNaN(v) ? '-nan' : Number.isFinite(v) ? v.toFixed(1) : v > 0 ? 'inf' : '-inf';
  return text.padStart(width);
}
