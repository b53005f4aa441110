// The HMP commands libvirt drives internal snapshots of a running guest with
// (qemu_monitor_text.c): QEMU answers in text, and only the text tells a failure.
import { virErr } from '../../../errors.js';
import type { QmpClient } from '../qmp/index.js';

const hmp = (qmp: QmpClient, line: string) => qmp.execute<string>('human-monitor-command', { 'command-line': line });

/** qemuMonitorTextCreateSnapshot: savevm. */
export async function savevm(qmp: QmpClient, name: string): Promise<void> {
  const reply = await hmp(qmp, `savevm "${name}"`);
  if (
    ['Error while creating snapshot', 'Could not open VM state file', 'State blocked by non-migratable device', 'Error: '].some((s) => reply.includes(s)) ||
    (reply.includes('Error') && reply.includes('while writing VM'))
  ) {
    throw virErr('OPERATION_FAILED', `Failed to take snapshot: ${reply}`);
  }
  if (reply.includes('No block device can accept snapshots')) {
    throw virErr('OPERATION_INVALID', 'this domain does not have a device to take snapshots');
  }
}

/** qemuMonitorTextDeleteSnapshot: delvm. */
export async function delvm(qmp: QmpClient, name: string): Promise<void> {
  const reply = await hmp(qmp, `delvm "${name}"`);
  if (reply.includes('No block device supports snapshots')) {
    throw virErr('OPERATION_INVALID', 'this domain does not have a device to delete snapshots');
  }
  if (reply.includes('Snapshots not supported on device')) throw virErr('OPERATION_INVALID', reply);
  if (reply.includes('Error: ') || (reply.includes('Error') && reply.includes('while deleting snapshot'))) {
    throw virErr('OPERATION_FAILED', `Failed to delete snapshot: ${reply}`);
  }
}

/**
 * What `-loadvm NAME` does at QEMU's start (qemuBuildCommandLine adds it when a revert
 * starts the guest): the snapshot's state loaded into the still-paused guest. A failure
 * is QEMU's message, as a start that -loadvm ends reports it.
 */
export async function loadvm(qmp: QmpClient, name: string): Promise<void> {
  const reply = await hmp(qmp, `loadvm "${name}"`);
  if (reply.trim()) throw virErr('INTERNAL_ERROR', `qemu unexpectedly closed the monitor: ${reply.trim()}`);
}
