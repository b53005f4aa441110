/** libvirt bitmaps as arrays of booleans, one per host CPU. */

/** virBitmapParse for cpuset strings ("0-3,^2,5"); undefined when malformed. */
export function parseCpuList(text: string, size: number): boolean[] | undefined {
  const map = new Array<boolean>(size).fill(false);
  const parts = text.split(',').map((p) => p.trim());
  for (const part of parts) {
    const neg = part.startsWith('^');
    const body = neg ? part.slice(1) : part;
    const m = /^(\d+)(?:-(\d+))?$/.exec(body);
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo || (neg && m[2] !== undefined)) return undefined;
    for (let i = lo; i <= hi; i++) {
      if (i >= size) return undefined;
      map[i] = !neg;
    }
  }
  return map;
}

/** virBitmapFormat: "0-3,5" style ranges. */
export function formatCpuList(map: boolean[]): string {
  const out: string[] = [];
  for (let i = 0; i < map.length; i++) {
    if (!map[i]) continue;
    let j = i;
    while (j + 1 < map.length && map[j + 1]) j++;
    out.push(i === j ? `${i}` : `${i}-${j}`);
    i = j;
  }
  return out.join(',');
}

export const allSet = (size: number): boolean[] => new Array<boolean>(size).fill(true);

export const isAllClear = (map: boolean[]): boolean => !map.some(Boolean);

export function lastSetBit(map: boolean[]): number {
  return map.lastIndexOf(true);
}

/** Fits a map to `size` bits (virBitmapToDataBuf / virBitmapNewData round trips). */
export function resize(map: boolean[], size: number): boolean[] {
  return Array.from({ length: size }, (_, i) => !!map[i]);
}
