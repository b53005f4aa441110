import { attr, sub, type Elem } from '../elem.js';
import { sameAddress } from '../address.js';
import type { DeviceDef, DomainDef } from '../types.js';
import { controllerIndex, controllerType } from './controller.js';

/**
 * How libvirt finds the device of a definition that a device XML names, per kind (the
 * virDomain*Find / *IndexByName helpers the drivers' attach/detach/update paths call). Each
 * returns the index in def.devices, or -1. Disks and interfaces are in single.ts.
 */

const indexWhere = (def: DomainDef, test: (d: DeviceDef) => boolean) => def.devices.findIndex(test);

const sameElem = (a: Elem | undefined, b: Elem | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** virDomainControllerFind: by type and index. */
export function findController(def: DomainDef, type: string, index: number): number {
  return indexWhere(def, (d) => d.kind === 'controller' && controllerType(d) === type && controllerIndex(d) === index);
}

/** virDomainFSIndexByName: by target directory. */
export function findFilesystem(def: DomainDef, dir: string | undefined): number {
  return indexWhere(def, (d) => d.kind === 'filesystem' && attr(sub(d.el, 'target'), 'dir') === dir);
}

/**
 * The remaining kinds: an equal device body (virDomainInputDefEquals, virDomainRNGDefEquals,
 * virDomainSoundDefEquals… compare the fields the XML sets), and the same address and alias
 * when the searched device gives them.
 */
export function findEqualDevice(def: DomainDef, dev: DeviceDef): number {
  return indexWhere(
    def,
    (d) =>
      d.kind === dev.kind &&
      sameElem(d.el, dev.el) &&
      (!dev.info.address || sameAddress(d.info.address, dev.info.address)) &&
      (!dev.info.alias || d.info.alias === dev.info.alias),
  );
}

/** virDomainDefFindDevice: the device carrying `alias` (a persistent definition keeps only ua- aliases). */
export function findDeviceByAlias(def: DomainDef, alias: string): number {
  return indexWhere(def, (d) => d.info.alias === alias);
}
