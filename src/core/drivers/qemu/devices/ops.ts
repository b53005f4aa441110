import type { DomainDeviceApi } from '../../../api/domain-devices.js';
import { DeviceModify } from '../../../api/domain-devices.js';
import { checkFlags } from '../../check-flags.js';
import { attr, setAttr, sub } from '../../../xml/domain/elem.js';
import { formatDomainXML, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_SECURE, type DeviceDef, type DomainDef } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import { findDeviceByAlias } from '../../../xml/domain/devices/find.js';
import type { QemuDriver } from '../driver.js';
import { parseQemuDomain, postParseQemuDef } from '../domain/parse.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { attachConfig, detachConfig, updateConfig } from './config.js';
import { modificationImpact } from './impact.js';
import { parseQemuDevice } from './parse.js';
import { livePath } from './live.js';

type Ops = Pick<
  DomainDeviceApi,
  'domainAttachDevice' | 'domainAttachDeviceFlags' | 'domainDetachDevice' | 'domainDetachDeviceFlags' | 'domainDetachDeviceAlias' | 'domainUpdateDeviceFlags'
>;

const AFFECT = DeviceModify.LIVE | DeviceModify.CONFIG;

/** virDomainDeviceValidateAliasForHotplug: a user alias must be new to the definition. */
function checkAliasUnique(def: DomainDef, dev: DeviceDef): void {
  const alias = dev.info.alias;
  if (alias && findDeviceByAlias(def, alias) >= 0) throw virErr('CONFIG_UNSUPPORTED', `non unique alias detected: ${alias}`);
}

/**
 * The device calls of the QEMU driver (qemuDomainAttachDeviceFlags and friends). The config
 * side edits a copy of the persistent definition, re-runs the post-parse (controllers,
 * addresses) on it, and saves it only after every step, live ones included, succeeded, so a
 * failed call leaves the config file as it was.
 */
export function deviceOps(drv: QemuDriver): Ops {
  const list = drv.domains;

  /**
   * virDomainObjCopyPersistentDef: the next-boot definition, copied as libvirt copies it (its
   * config form parsed again), which also reorders controllers the way the parser places them.
   */
  const persistentCopy = (o: QemuDomainObj): Promise<DomainDef> =>
    parseQemuDomain(formatDomainXML(o.newDef ?? o.def, { flags: VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE, id: -1 }), drv.caps, { skipValidate: true });

  /** virDomainDefSave + virDomainObjAssignDef, once every step succeeded. */
  const commit = (obj: QemuDomainObj, def: DomainDef | undefined) => {
    if (def) drv.saveDef(obj, def);
  };
  const finish = (def: DomainDef) => postParseQemuDef(def, drv.caps);

  const attach: Ops['domainAttachDeviceFlags'] = async (dom, xml, flags) => {
    const obj = list.fromHandle(dom);
    const impact = modificationImpact(obj, flags);
    checkFlags(flags, AFFECT, 'qemuDomainAttachDeviceLiveAndConfig');
    let vmdef: DomainDef | undefined;
    let mac: string | undefined;
    if (impact.config) {
      vmdef = await persistentCopy(obj);
      const dev = await parseQemuDevice(xml, vmdef, drv.caps, { validate: true });
      mac = dev.kind === 'interface' ? attr(sub(dev.el, 'mac'), 'address') : undefined;
      checkAliasUnique(vmdef, dev);
      await attachConfig(vmdef, dev);
      await finish(vmdef);
    }
    if (impact.live) {
      const dev = await parseQemuDevice(xml, obj.def, drv.caps, { validate: true });
      // qemuDomainAttachDeviceLiveAndConfigHomogenize: both copies get the config's MAC.
      const devMac = sub(dev.el, 'mac');
      if (mac && devMac) setAttr(devMac, 'address', mac);
      checkAliasUnique(obj.def, dev);
      await livePath.attach(drv, obj, dev);
    }
    commit(obj, vmdef);
  };

  const detach: Ops['domainDetachDeviceFlags'] = async (dom, xml, flags) => {
    const obj = list.fromHandle(dom);
    const impact = modificationImpact(obj, flags);
    checkFlags(flags, AFFECT, 'qemuDomainDetachDeviceLiveAndConfig');
    const devConfig = impact.config ? await parseQemuDevice(xml, obj.def, drv.caps, { validate: false }) : undefined;
    const devLive = impact.live ? await parseQemuDevice(xml, obj.def, drv.caps, { validate: false }) : undefined;
    let vmdef: DomainDef | undefined;
    if (devConfig) {
      vmdef = await persistentCopy(obj);
      detachConfig(vmdef, devConfig);
      await finish(vmdef);
    }
    if (devLive) await livePath.detach(drv, obj, devLive);
    commit(obj, vmdef);
  };

  return {
    async domainAttachDevice(dom, xml) {
      return attach(dom, xml, DeviceModify.LIVE);
    },
    domainAttachDeviceFlags: attach,
    async domainDetachDevice(dom, xml) {
      return detach(dom, xml, DeviceModify.LIVE);
    },
    domainDetachDeviceFlags: detach,
    async domainDetachDeviceAlias(dom, alias, flags) {
      const obj = list.fromHandle(dom);
      const impact = modificationImpact(obj, flags);
      checkFlags(flags, AFFECT, 'qemuDomainDetachDeviceAliasLiveAndConfig');
      let vmdef: DomainDef | undefined;
      if (impact.config) {
        vmdef = await persistentCopy(obj);
        const i = findDeviceByAlias(vmdef, alias);
        if (i < 0) throw virErr('INTERNAL_ERROR', `no device found with alias ${alias}`);
        detachConfig(vmdef, vmdef.devices[i]);
        await finish(vmdef);
      }
      if (impact.live) {
        const i = findDeviceByAlias(obj.def, alias);
        if (i < 0) throw virErr('INTERNAL_ERROR', `no device found with alias ${alias}`);
        // qemuDomainDetachDeviceAliasLiveAndConfig asks QEMU and leaves the rest to DEVICE_DELETED.
        await livePath.detach(drv, obj, obj.def.devices[i], true);
      }
      commit(obj, vmdef);
    },
    async domainUpdateDeviceFlags(dom, xml, flags) {
      checkFlags(flags, AFFECT | DeviceModify.FORCE, 'qemuDomainUpdateDeviceFlags');
      const obj = list.fromHandle(dom);
      const impact = modificationImpact(obj, flags);
      const devConfig = impact.config ? await parseQemuDevice(xml, obj.def, drv.caps, { validate: true }) : undefined;
      const devLive = impact.live ? await parseQemuDevice(xml, obj.def, drv.caps, { validate: true }) : undefined;
      let vmdef: DomainDef | undefined;
      if (devConfig) {
        vmdef = await persistentCopy(obj);
        updateConfig(vmdef, devConfig);
        await finish(vmdef);
      }
      if (devLive) await livePath.update(drv, obj, devLive, !!(flags & DeviceModify.FORCE));
      commit(obj, vmdef);
    },
  };
}
