import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { confString, parseConf, type Conf } from '../../../uri/conf.js';

/** The qemu.conf settings this driver honours so far, with Debian's build defaults. */
export interface QemuConf {
  /** The account QEMU runs as: the DAC base label (+uid:+gid) and who must reach /dev/kvm. */
  uid: number;
  gid: number;
  /** Where a VNC display without a listen address listens (vnc_listen). */
  vncListen: string;
  /** The ports autoport VNC and SPICE displays take (remote_display_port_min/max). */
  remotePorts: PortRange;
  /** The ports `websocket='-1'` takes (websocket_port_min/max). */
  webSocketPorts: PortRange;
}

export interface PortRange {
  min: number;
  max: number;
}

/** A numeric setting; libvirt's range checks on these are not reproduced. */
function confNumber(conf: Conf | undefined, name: string, fallback: number): number {
  const v = conf?.entries.get(name);
  return v && (v.type === 'long' || v.type === 'ulong') ? Number(v.value) : fallback;
}

/** The id of NAME in /etc/passwd or /etc/group, read directly (the common case costs no process). */
function fromFile(db: 'passwd' | 'group', name: string): number | undefined {
  try {
    const line = readFileSync(`/etc/${db}`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${name}:`));
    return line === undefined ? undefined : Number(line.split(':')[2]);
  } catch {
    return undefined;
  }
}

/** getpwnam/getgrnam: local files first, then NSS through getent for accounts kept elsewhere. */
function lookup(db: 'passwd' | 'group', name: string): number | undefined {
  if (name.startsWith('+')) return Number(name.slice(1));
  const local = fromFile(db, name);
  if (local !== undefined) return local;
  try {
    return Number(execFileSync('getent', [db, name], { encoding: 'utf8' }).split(':')[2]);
  } catch {
    return undefined;
  }
}

/** virQEMUDriverConfigLoadFile's `user`, `group` and display settings (CONFIGBASE/qemu.conf; absent file = defaults). */
export function loadQemuConf(path: string): QemuConf {
  let text: string | undefined;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = undefined;
  }
  const conf = text === undefined ? undefined : parseConf(path, text);
  const user = confString(conf, 'user') ?? 'libvirt-qemu';
  const group = confString(conf, 'group') ?? 'libvirt-qemu';
  return {
    uid: lookup('passwd', user) ?? 0,
    gid: lookup('group', group) ?? 0,
    vncListen: confString(conf, 'vnc_listen') ?? '127.0.0.1',
    remotePorts: { min: confNumber(conf, 'remote_display_port_min', 5900), max: confNumber(conf, 'remote_display_port_max', 65535) },
    webSocketPorts: { min: confNumber(conf, 'websocket_port_min', 5700), max: confNumber(conf, 'websocket_port_max', 65535) },
  };
}
