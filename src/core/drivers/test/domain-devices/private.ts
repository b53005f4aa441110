import type { DomainObj } from '../domain/state.js';

/** testIOThreadInfo: polling parameters of an IOThread added at run time. */
export interface IOThreadPoll {
  id: number;
  pollMaxNs: bigint;
  pollGrow: number;
  pollShrink: number;
}

/** testDomainObjPrivate's fields this group uses: guest filesystem freeze state, and the
 * IOThreads added through the API (their polling parameters). */
export interface DevicePrivate {
  frozen: [boolean, boolean];
  iothreads: IOThreadPoll[];
}

const privates = new WeakMap<DomainObj, DevicePrivate>();

export function privateOf(obj: DomainObj): DevicePrivate {
  let p = privates.get(obj);
  if (!p) {
    p = { frozen: [false, false], iothreads: [] };
    privates.set(obj, p);
  }
  return p;
}
