import { KeepaliveProc, MessageStatus, MessageType, Program, PROTOCOL_VERSION } from '../constants.js';
import { encodePacket } from '../header.js';
import { none, type Procedure } from './define.js';

/** The keepalive program: two payload-less MESSAGE procedures, sent with serial 0. */
export const keepaliveProcs = {
  ping: { program: Program.KEEPALIVE, number: KeepaliveProc.PING, name: 'PING', args: none, ret: none, event: true },
  pong: { program: Program.KEEPALIVE, number: KeepaliveProc.PONG, name: 'PONG', args: none, ret: none, event: true },
} satisfies Record<string, Procedure<void, void>>;

export function keepalivePacket(proc: number): Buffer {
  return encodePacket({
    prog: Program.KEEPALIVE,
    vers: PROTOCOL_VERSION,
    proc,
    type: MessageType.MESSAGE,
    serial: 0,
    status: MessageStatus.OK,
  });
}
