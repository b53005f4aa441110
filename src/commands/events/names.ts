/** Event names virsh accepts, in the order `--list` prints them (one per event id). */
export const DOMAIN_EVENTS = [
  'lifecycle', 'reboot', 'rtc-change', 'watchdog', 'io-error', 'graphics', 'io-error-reason',
  'control-error', 'block-job', 'disk-change', 'tray-change', 'pm-wakeup', 'pm-suspend',
  'balloon-change', 'pm-suspend-disk', 'device-removed', 'block-job-2', 'tunable',
  'agent-lifecycle', 'device-added', 'migration-iteration', 'job-completed',
  'device-removal-failed', 'metadata-change', 'block-threshold', 'memory-failure',
  'memory-device-size-change',
];
export const NODE_DEVICE_EVENTS = ['lifecycle', 'update'];
export const SECRET_EVENTS = ['lifecycle', 'value-changed'];
