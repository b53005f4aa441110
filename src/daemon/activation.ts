import { virErr } from '../core/errors.js';
import { daemonLog, reportedAt, whereOf } from './log.js';

/** systemd passes its sockets from fd 3 on (SD_LISTEN_FDS_START). */
const FIRST_FD = 3;

/**
 * virSystemdGetActivation: the listening sockets systemd handed us, by name, or undefined
 * when we were not socket-activated (no LISTEN_FDS, or LISTEN_PID names another process).
 * Every fd must carry a name; when they don't, libvirt logs why and goes on as if not
 * activated, making its own sockets.
 */
export function systemdActivation(env: NodeJS.ProcessEnv = process.env, pid = process.pid): Map<string, number[]> | undefined {
  try {
    return namedFds(env, pid);
  } catch (e) {
    daemonLog('error', whereOf(e, 'virSystemdActivationNew'), (e as Error).message);
    return undefined;
  }
}

function namedFds(env: NodeJS.ProcessEnv = process.env, pid = process.pid): Map<string, number[]> | undefined {
  const pidText = env.LISTEN_PID;
  if (!pidText || !/^\d+$/.test(pidText) || Number(pidText) !== pid) return undefined;
  const fdsText = env.LISTEN_FDS;
  if (!fdsText || !/^\d+$/.test(fdsText) || Number(fdsText) === 0) return undefined;
  const n = Number(fdsText);
  if (env.LISTEN_FDNAMES === undefined) throw reportedAt('virSystemdActivationNew:880', virErr('INTERNAL_ERROR', 'Missing LISTEN_FDNAMES env from systemd socket activation'));
  const names = env.LISTEN_FDNAMES.split(':');
  if (names.length !== n) {
    throw reportedAt('virSystemdActivationInitFromNames:768', virErr('INTERNAL_ERROR', `Expecting ${n} FD names but got ${names.length}`));
  }
  const byName = new Map<string, number[]>();
  names.forEach((name, i) => byName.set(name, [...(byName.get(name) ?? []), FIRST_FD + i]));
  // Our children must not think these sockets are theirs.
  delete env.LISTEN_PID;
  delete env.LISTEN_FDS;
  delete env.LISTEN_FDNAMES;
  return byName;
}
