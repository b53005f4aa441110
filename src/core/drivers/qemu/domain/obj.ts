import type { DomainHandle } from '../../../api/handles.js';
import { DomainState } from '../../../api/domain.js';
import type { DomainDef, Elem } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import type { QemuProcess } from '../process/index.js';

/**
 * One domain the driver knows (virDomainObj): the definition in force, the next-boot
 * definition while running, and runtime state. Inactive domains have id -1 and state
 * SHUTOFF; the lifecycle code (lifecycle/) fills in the rest when it starts a guest.
 */
export interface QemuDomainObj {
  def: DomainDef;
  newDef?: DomainDef;
  id: number;
  state: number;
  reason: number;
  persistent: boolean;
  autostart: boolean;
  hasManagedSave: boolean;
  /** The guest's QEMU while the domain is active. */
  proc?: QemuProcess;
  /** A reboot was asked through ACPI: the guest's power-off becomes a reset (fakeReboot). */
  fakeReboot?: boolean;
  /** A destroy is ending QEMU: the monitor's end-of-file is its doing, not a crash (beingDestroyed). */
  beingDestroyed?: boolean;
  /** Taint flags (qemuDomainObjTaint) of the running guest, by libvirt's name. */
  taints?: string[];
  /**
   * The guest CPU as defined, when the live definition's records what QEMU made of it
   * (priv->origCPU): a save image's XML carries this one, its cookie the live one.
   */
  origCpu?: Elem;
  /** The last storage node number handed out (priv->nodenameindex, devices/live/node-index.ts). */
  nodenameIndex?: number;
}

export const isActive = (o: QemuDomainObj): boolean => o.id !== -1;

export function newObj(def: DomainDef): QemuDomainObj {
  return { def, id: -1, state: DomainState.SHUTOFF, reason: 0, persistent: true, autostart: false, hasManagedSave: false };
}

export const handleOf = (o: QemuDomainObj): DomainHandle => ({ name: o.def.name, uuid: o.def.uuid, id: o.id });

/** virDomainObjList: by UUID and name, in definition order. */
export class DomainList {
  readonly objs: QemuDomainObj[] = [];

  byName(name: string): QemuDomainObj | undefined {
    return this.objs.find((o) => o.def.name === name);
  }

  byUUID(uuid: string): QemuDomainObj | undefined {
    return this.objs.find((o) => o.def.uuid === uuid.toLowerCase());
  }

  byID(id: number): QemuDomainObj | undefined {
    return id < 0 ? undefined : this.objs.find((o) => o.id === id);
  }

  /** qemuDomainObjFromDomain: by UUID, with libvirt's error naming both. */
  fromHandle(dom: DomainHandle): QemuDomainObj {
    const o = this.byUUID(dom.uuid);
    if (!o) throw virErr('NO_DOMAIN', `no domain with matching uuid '${dom.uuid}' (${dom.name})`);
    return o;
  }

  /** virDomainObjListAddLocked's checks: a name/UUID clash with another domain. */
  checkAdd(def: DomainDef): QemuDomainObj | undefined {
    const sameUuid = this.byUUID(def.uuid);
    if (sameUuid) {
      if (sameUuid.def.name !== def.name)
        throw virErr('OPERATION_FAILED', `domain '${sameUuid.def.name}' is already defined with uuid ${sameUuid.def.uuid}`);
      return sameUuid;
    }
    const sameName = this.byName(def.name);
    if (sameName) throw virErr('OPERATION_FAILED', `domain '${def.name}' already exists with uuid ${sameName.def.uuid}`);
    return undefined;
  }

  remove(o: QemuDomainObj): void {
    const i = this.objs.indexOf(o);
    if (i >= 0) this.objs.splice(i, 1);
  }
}
