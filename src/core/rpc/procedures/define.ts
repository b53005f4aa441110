import { Program } from '../constants.js';
import { struct, voidCodec, type Codec } from '../xdr/index.js';

/**
 * One row of the procedure table: which program and number, libvirt's name for it
 * (REMOTE_PROC_<name>), and the codecs of its arguments and result. Client and daemon
 * share these rows, so a layout is written once.
 */
export interface Procedure<A = any, R = any> {
  readonly program: number;
  readonly number: number;
  readonly name: string;
  readonly args: Codec<A>;
  readonly ret: Codec<R>;
  /** Calls that open a data stream on their serial, as seen from the caller. */
  readonly stream?: 'send' | 'recv' | 'both';
  /** Server→client event payloads (type MESSAGE) rather than calls. */
  readonly event?: boolean;
}

export type ArgsOf<P> = P extends Procedure<infer A, any> ? A : never;
export type RetOf<P> = P extends Procedure<any, infer R> ? R : never;

export const none = voidCodec;
export const s = struct;

export function remote<A, R>(number: number, name: string, args: Codec<A>, ret: Codec<R>, extra?: Pick<Procedure, 'stream' | 'event'>): Procedure<A, R> {
  return { program: Program.REMOTE, number, name, args, ret, ...extra };
}

/** An event message: its payload travels as `args`, it has no reply. */
export function remoteEvent<A>(number: number, name: string, payload: Codec<A>): Procedure<A, void> {
  return remote(number, name, payload, voidCodec, { event: true });
}

/** A row of another program (QEMU_PROGRAM, LXC_PROGRAM), numbered in that program's own space. */
export function programRow<A, R>(program: number, number: number, name: string, args: Codec<A>, ret: Codec<R>, extra?: Pick<Procedure, 'stream' | 'event'>): Procedure<A, R> {
  return { program, number, name, args, ret, ...extra };
}
