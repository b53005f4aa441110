import { Program } from '../constants.js';
import { domain as dom, optStr, str } from '../types.js';
import { hyper, int, optional, uint, voidCodec, type Codec } from '../xdr/index.js';
import { none, programRow, s } from './define.js';

const qemu = <A, R>(number: number, name: string, args: Codec<A>, ret: Codec<R>) => programRow(Program.QEMU, number, name, args, ret);

/** QEMU_PROGRAM: monitor and agent passthrough, attach, monitor events. Numbers overlap REMOTE_PROGRAM's. */
export const qemuProcs = {
  qemuDomainMonitorCommand: qemu(1, 'DOMAIN_MONITOR_COMMAND', s({ dom, cmd: str, flags: uint }), s({ result: str })),
  qemuDomainAttach: qemu(2, 'DOMAIN_ATTACH', s({ pid_value: uint, flags: uint }), s({ dom })),
  qemuDomainAgentCommand: qemu(3, 'DOMAIN_AGENT_COMMAND', s({ dom, cmd: str, timeout: int, flags: uint }), s({ result: optStr })),
  qemuConnectDomainMonitorEventRegister: qemu(4, 'CONNECT_DOMAIN_MONITOR_EVENT_REGISTER', s({ dom: optional(dom), event: optStr, flags: uint }), s({ callbackID: int })),
  qemuConnectDomainMonitorEventDeregister: qemu(5, 'CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER', s({ callbackID: int }), none),
  qemuDomainMonitorEvent: programRow(
    Program.QEMU,
    6,
    'DOMAIN_MONITOR_EVENT',
    s({ callbackID: int, dom, event: str, seconds: hyper, micros: uint, details: optStr }),
    voidCodec,
    { event: true },
  ),
  qemuDomainMonitorCommandWithFiles: qemu(7, 'DOMAIN_MONITOR_COMMAND_WITH_FILES', s({ dom, cmd: str, flags: uint }), s({ result: str })),
};
