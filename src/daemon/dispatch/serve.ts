import type { Connection } from '../../core/api/connection.js';
import type { VolStream } from '../../core/api/storage.js';
import type { ArgsOf, Procedure, RetOf } from '../../core/rpc/procedures/index.js';

/** Serves one procedure: decoded arguments in, the result to encode out. */
export type Handler<Q extends Procedure = Procedure> = (conn: Connection, args: ArgsOf<Q>) => Promise<RetOf<Q>>;

/** One row of the daemon's dispatch table: a procedure of the shared table and its server. */
export interface Served {
  proc: Procedure;
  handler: Handler;
  /** The handler resolves to `{ ret, stream }`: the reply, then data on the call's serial. */
  opensStream?: boolean;
}

/** Pairs a procedure with its handler, typed by the procedure's own codecs. */
export function serve<Q extends Procedure>(proc: Q, handler: Handler<Q>): Served {
  return { proc, handler: handler as Handler };
}

/** A call that opens a stream: its handler gives the reply's ret and the driver's stream. */
export function serveStream<Q extends Procedure>(
  proc: Q,
  handler: (conn: Connection, args: ArgsOf<Q>) => Promise<{ ret: RetOf<Q>; stream: VolStream }>,
): Served {
  return { proc, handler: handler as Handler, opensStream: true };
}

/** libvirt packs bitmaps bit i of byte i/8 → entry i; maplen bytes per map. */
export function packBits(bits: readonly boolean[], maplen = Math.ceil(bits.length / 8)): Uint8Array {
  const out = new Uint8Array(maplen);
  bits.forEach((on, i) => {
    if (on && i >> 3 < maplen) out[i >> 3] |= 1 << (i & 7);
  });
  return out;
}

/** `char x<N>` text: one 4-byte word per byte, with the trailing NUL libvirtd sends. */
export function textToChars(text: string): number[] {
  return [...Buffer.from(text, 'utf8'), 0];
}

/** A fixed `char x[N]` field: the text's bytes, NUL-padded to N. */
export function fixedChars(text: string, n: number): number[] {
  const b = Buffer.from(text, 'utf8').subarray(0, n - 1);
  return Array.from({ length: n }, (_, i) => b[i] ?? 0);
}

/** The `ret` count of the *ListAll* calls: need_results=0 asks only for the count. */
export function listed<T>(need: number, items: T[]): { items: T[]; ret: number } {
  return { items: need ? items : [], ret: items.length };
}
