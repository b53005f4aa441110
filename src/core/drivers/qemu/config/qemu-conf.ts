import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { confString, parseConf } from '../../../uri/conf.js';

/** The qemu.conf settings this driver honours so far, with Debian's build defaults. */
export interface QemuConf {
  /** The account QEMU runs as: the DAC base label (+uid:+gid) and who must reach /dev/kvm. */
  uid: number;
  gid: number;
}

function lookup(db: 'passwd' | 'group', name: string): number | undefined {
  if (name.startsWith('+')) return Number(name.slice(1));
  try {
    return Number(execFileSync('getent', [db, name], { encoding: 'utf8' }).split(':')[2]);
  } catch {
    return undefined;
  }
}

/** virQEMUDriverConfigLoadFile's `user` and `group` (CONFIGBASE/qemu.conf; absent file = defaults). */
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
  return { uid: lookup('passwd', user) ?? 0, gid: lookup('group', group) ?? 0 };
}
