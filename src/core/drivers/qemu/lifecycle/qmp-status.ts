import { PausedReason } from '../../../api/domain.js';

/** qemuMonitorVMStatusToPausedReason: why QEMU's `query-status` says the CPUs are stopped. */
const REASONS: Record<string, number> = {
  debug: PausedReason.UNKNOWN,
  'internal-error': PausedReason.UNKNOWN,
  'restore-vm': PausedReason.UNKNOWN,
  inmigrate: PausedReason.MIGRATION,
  postmigrate: PausedReason.MIGRATION,
  'finish-migrate': PausedReason.MIGRATION,
  'io-error': PausedReason.IOERROR,
  paused: PausedReason.USER,
  prelaunch: PausedReason.USER,
  running: PausedReason.UNKNOWN,
  'save-vm': PausedReason.SAVE,
  shutdown: PausedReason.SHUTTING_DOWN,
  watchdog: PausedReason.WATCHDOG,
  'guest-panicked': PausedReason.CRASHED,
};

export const qmpStatusPausedReason = (status: string): number => REASONS[status] ?? PausedReason.UNKNOWN;
