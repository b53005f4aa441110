import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import { checkActive } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { privateOf } from './private.js';
import { disks } from './view.js';

type GuestOps = Pick<
  DomainDeviceApi,
  'domainGetFSInfo' | 'domainFSFreeze' | 'domainFSThaw' | 'domainFSTrim' | 'domainSetUserPassword'
>;

/** The test guest has two filesystems, "/" and "/boot" (index 0 and 1 of the frozen flags). */
const MOUNTS = ['/', '/boot'];

function mountIndex(mp: string): number {
  const i = MOUNTS.indexOf(mp);
  if (i < 0) throw virErr('OPERATION_INVALID', `mount point not found: ${mp}`);
  return i;
}

/** Sets the frozen flag of the named (or all) filesystems; returns how many changed. */
function setFrozen(frozen: [boolean, boolean], mountpoints: string[], to: boolean): number {
  if (mountpoints.length === 0) {
    const n = frozen.filter((f) => f !== to).length;
    frozen[0] = frozen[1] = to;
    return n;
  }
  const next: [boolean, boolean] = [...frozen];
  let n = 0;
  for (const mp of mountpoints) {
    const i = mountIndex(mp);
    if (next[i] !== to) {
      next[i] = to;
      n++;
    }
  }
  frozen[0] = next[0];
  frozen[1] = next[1];
  return n;
}

export function guestOps(c: DevCtx): GuestOps {
  return {
    domainGetFSInfo: async (dom, flags) => {
      checkFlags(flags, 0, 'testDomainGetFSInfo');
      const obj = c.obj(dom);
      checkActive(obj);
      const disk = disks(c.tree(obj.def)).find((d) => d.device === 'disk');
      if (!disk) return [];
      return MOUNTS.map((mountpoint, i) => ({ mountpoint, name: `${disk.dst}${i + 1}`, fstype: 'ext4', devAlias: [disk.dst] }));
    },
    domainFSFreeze: async (dom, mountpoints, flags) => {
      checkFlags(flags, 0, 'testDomainFSFreeze');
      const obj = c.obj(dom);
      checkActive(obj);
      return setFrozen(privateOf(obj).frozen, mountpoints, true);
    },
    domainFSThaw: async (dom, mountpoints, flags) => {
      checkFlags(flags, 0, 'testDomainFSThaw');
      const obj = c.obj(dom);
      checkActive(obj);
      return setFrozen(privateOf(obj).frozen, mountpoints, false);
    },
    domainFSTrim: async (dom, mountPoint, _minimum, flags) => {
      checkFlags(flags, 0, 'testDomainFSTrim');
      const obj = c.obj(dom);
      checkActive(obj);
      if (mountPoint !== null) mountIndex(mountPoint);
    },
    domainSetUserPassword: async (dom, _user, _password, flags) => {
      checkFlags(flags, 1, 'testDomainSetUserPassword');
      checkActive(c.obj(dom));
    },
  };
}
