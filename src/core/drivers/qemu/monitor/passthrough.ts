// virDomainQemuMonitorCommand (qemuDomainQemuMonitorCommandWithFiles): a QMP command sent as
// given, or an HMP line through human-monitor-command. Either taints the guest: libvirt no
// longer knows what state QEMU is in.
import { virErr } from '../../../errors.js';
import { checkFlags } from '../../check-flags.js';
import type { QemuDriver } from '../driver.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { libvirtWarn } from '../../../libvirt-log.js';
import { saveStatus } from '../lifecycle/status.js';
import { TAINT_MESSAGES } from '../lifecycle/taint.js';
import { QmpCommandError, rawReplyText, type QmpCommand } from '../qmp/index.js';
import { runningProc } from './active.js';
import { compactJson } from './json-text.js';

/** VIR_DOMAIN_QEMU_MONITOR_COMMAND_HMP */
const HMP = 1;

const TAINT_ORDER = Object.keys(TAINT_MESSAGES);

/** qemuDomainObjTaint: recorded once (in virDomainTaintFlags order), warned about once. */
export function taint(drv: QemuDriver, o: QemuDomainObj, flag: string): void {
  const taints = o.taints ?? [];
  if (taints.includes(flag)) return;
  o.taints = [...taints, flag].sort((a, b) => TAINT_ORDER.indexOf(a) - TAINT_ORDER.indexOf(b));
  libvirtWarn('qemuDomainObjTaintMsg:6603', `Domain id=${o.id} name='${o.def.name}' uuid=${o.def.uuid} is tainted: ${flag}`);
  saveStatus(drv.paths, o);
}

/** qemuMonitorJSONHumanCommand */
async function human(o: QemuDomainObj, line: string): Promise<string> {
  const qmp = runningProc(o).qmp;
  try {
    return await qmp.execute<string>('human-monitor-command', { 'command-line': line });
  } catch (e) {
    if (e instanceof QmpCommandError && e.qmpClass === 'CommandNotFound')
      throw virErr('OPERATION_UNSUPPORTED', `Human monitor command is not available to run ${line}`);
    throw e;
  }
}

/** libvirt's JSON parse error for a command that is not JSON (its parser's wording differs; the text and cause are kept). */
function parseCommand(text: string): QmpCommand {
  try {
    return JSON.parse(text) as QmpCommand;
  } catch (e) {
    throw virErr('INTERNAL_ERROR', `cannot parse json ${text}: ${(e as Error).message}`);
  }
}

export async function monitorCommand(drv: QemuDriver, o: QemuDomainObj, cmd: string, flags: number): Promise<string> {
  checkFlags(flags, HMP, 'qemuDomainQemuMonitorCommandWithFiles');
  const proc = runningProc(o);
  taint(drv, o, 'custom-monitor');
  if (flags & HMP) return human(o, cmd);
  const reply = await proc.qmp.send(parseCommand(cmd));
  return compactJson(rawReplyText(reply) ?? JSON.stringify(reply));
}
