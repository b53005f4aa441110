// The HMP commands libvirt drives internal snapshots of a running guest with
// (qemu_monitor_text.c): QEMU answers in text, and only the text tells a failure.
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
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

/** QEMU's `-msg timestamp=on` prefix: UTC with microseconds. */
function qemuTimestamp(): string {
  const micros = Math.floor((performance.timeOrigin + performance.now()) * 1000);
  const iso = new Date(Math.floor(micros / 1000)).toISOString().slice(0, 19);
  return `${iso}.${String(micros % 1_000_000).padStart(6, '0')}Z`;
}

/**
 * What `-loadvm NAME` does at QEMU's start (qemuBuildCommandLine adds it when a revert
 * starts the guest): the snapshot's state loaded into the still-paused guest. A failure
 * is what such a QEMU would have logged before exiting, which libvirt reports from the log.
 */
export async function loadvm(qmp: QmpClient, name: string, emulator: string, log: string): Promise<void> {
  const reply = (await hmp(qmp, `loadvm "${name}"`)).trim();
  if (!reply) return;
  const line = `${qemuTimestamp()} ${basename(emulator)}: ${reply.replace(/^Error: /, '')}`;
  appendFileSync(log, `${line}\n`);
  throw virErr('INTERNAL_ERROR', `process exited while connecting to monitor: ${line}`);
}
