import { KEYCODE_SETS, keycodeKnown } from '../../../keycodes.js';
import { readFileSync } from 'node:fs';
import { DomainAffect, DomainMetadata, DomainState, type DomainApi } from '../../../api/domain.js';
import { unsupported, virErr } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { checkFlags } from '../../check-flags.js';
import { checkActive, isActive, modificationDefs, objFromHandle } from './state.js';
import { getMetadataElement, setMetadataElement } from '../../../xml/domain/metadata-element.js';
import { domainEvent } from '../events/index.js';
import { DomainEventID } from '../../../api/events.js';

type Ops = Pick<
  DomainApi,
  | 'domainGetAutostart'
  | 'domainSetAutostart'
  | 'domainGetHostname'
  | 'domainGetTime'
  | 'domainSetTime'
  | 'domainGetControlInfo'
  | 'domainGetMetadata'
  | 'domainSetMetadata'
  | 'domainScreenshot'
  | 'domainSendKey'
  | 'domainInjectNMI'
>;

/** The image testDomainScreenshot streams (libvirt's PKGDATADIR). */
const SCREENSHOT = '/usr/share/libvirt/test-screenshot.png';
const AFFECT = DomainAffect.LIVE | DomainAffect.CONFIG;

export function miscOps(node: TestNode): Ops {
  const s = node.domains;
  return {
    async domainGetAutostart(dom) {
      return objFromHandle(s, dom).autostart;
    },
    async domainSetAutostart(dom, autostart) {
      objFromHandle(s, dom).autostart = autostart;
    },
    async domainGetHostname(dom, flags) {
      checkFlags(flags, 0, 'testDomainGetHostname');
      checkActive(objFromHandle(s, dom));
      return `${dom.name}host`;
    },
    async domainGetTime(dom, flags) {
      checkFlags(flags, 0, 'testDomainGetTime');
      const obj = objFromHandle(s, dom);
      if (obj.state !== DomainState.RUNNING) throw virErr('OPERATION_INVALID', 'domain is not running');
      return { seconds: BigInt(obj.time.seconds), nseconds: obj.time.nseconds };
    },
    async domainSetTime(dom, seconds, nseconds, flags) {
      const SYNC = 1;
      checkFlags(flags, SYNC, 'testDomainSetTime');
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      obj.time = { seconds: Number(seconds), nseconds };
    },
    async domainGetControlInfo(dom, flags) {
      checkFlags(flags, 0, 'testDomainGetControlInfo');
      checkActive(objFromHandle(s, dom));
      return { state: 0, details: 0, stateTime: 0 };
    },
    async domainGetMetadata(dom, type, uri, flags) {
      checkFlags(flags, AFFECT, 'testDomainGetMetadata');
      const obj = objFromHandle(s, dom);
      if (type > DomainMetadata.ELEMENT) throw virErr('INVALID_ARG', `unknown metadata type '${type}'`);
      if (flags & DomainAffect.LIVE && flags & DomainAffect.CONFIG)
        throw virErr('INVALID_ARG', "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are mutually exclusive");
      const { live, config } = modificationDefs(obj, flags);
      const def = (live ?? config)!;
      const value =
        type === DomainMetadata.DESCRIPTION
          ? def.description
          : type === DomainMetadata.TITLE
            ? def.title
            : getMetadataElement(def, uri);
      if (value === undefined) throw virErr('NO_DOMAIN_METADATA', 'Requested metadata element is not present');
      return value;
    },
    async domainSetMetadata(dom, type, metadata, key, uri, flags) {
      checkFlags(flags, AFFECT, 'testDomainSetMetadata');
      const obj = objFromHandle(s, dom);
      const { live, config } = modificationDefs(obj, flags);
      if (type > DomainMetadata.ELEMENT) throw virErr('INVALID_ARG', `unknown metadata type '${type}'`);
      const defs = [live, config].filter((d) => d !== undefined);
      if (type === DomainMetadata.ELEMENT) {
        // Parse once up front so a bad fragment changes neither definition.
        const apply = setMetadataElement(metadata, key, uri);
        for (const d of defs) apply(d);
      } else {
        const value = metadata === null || metadata === '' ? undefined : metadata;
        for (const d of defs) {
          if (type === DomainMetadata.TITLE) d.title = value;
          else d.description = value;
        }
      }
      domainEvent(node, obj, DomainEventID.METADATA_CHANGE, { type, nsuri: uri ?? undefined });
    },
    async domainScreenshot(_dom, _screen, flags) {
      checkFlags(flags, 0, 'testDomainScreenshot');
      return { mime: 'image/png', data: readFileSync(SCREENSHOT) };
    },
    async domainSendKey(dom, codeset, _holdtime, keycodes, flags) {
      checkFlags(flags, 0, 'testDomainSendKey');
      const obj = objFromHandle(s, dom);
      checkActive(obj);
      for (const k of keycodes) {
        if (!(await keycodeKnown(codeset, k))) throw virErr('INTERNAL_ERROR', `invalid keycode ${k} of ${KEYCODE_SETS[codeset]} codeset`);
      }
    },
    async domainInjectNMI(dom, flags) {
      checkFlags(flags, 0, 'testDomainInjectNMI');
      const obj = objFromHandle(s, dom);
      if (!isActive(obj)) throw virErr('OPERATION_INVALID', 'domain is not running');
    },
  };
}

/** Calls the test driver does not implement: libvirt's NO_SUPPORT error, named by API. */
export const unsupportedOps: Pick<
  DomainApi,
  | 'domainPMSuspendForDuration'
  | 'domainPMWakeup'
  | 'domainManagedSaveGetXMLDesc'
  | 'domainManagedSaveDefineXML'
  | 'domainGetJobInfo'
  | 'domainGetJobStats'
  | 'domainAbortJob'
  | 'domainAbortJobFlags'
  | 'connectDomainXMLFromNative'
  | 'connectDomainXMLToNative'
> = {
  domainPMSuspendForDuration: async () => {
    throw unsupported('virDomainPMSuspendForDuration');
  },
  domainPMWakeup: async () => {
    throw unsupported('virDomainPMWakeup');
  },
  domainManagedSaveGetXMLDesc: async () => {
    throw unsupported('virDomainManagedSaveGetXMLDesc');
  },
  domainManagedSaveDefineXML: async () => {
    throw unsupported('virDomainManagedSaveDefineXML');
  },
  domainGetJobInfo: async () => {
    throw unsupported('virDomainGetJobInfo');
  },
  domainGetJobStats: async () => {
    throw unsupported('virDomainGetJobStats');
  },
  domainAbortJob: async () => {
    throw unsupported('virDomainAbortJob');
  },
  domainAbortJobFlags: async () => {
    throw unsupported('virDomainAbortJobFlags');
  },
  connectDomainXMLFromNative: async () => {
    throw unsupported('virConnectDomainXMLFromNative');
  },
  connectDomainXMLToNative: async () => {
    throw unsupported('virConnectDomainXMLToNative');
  },
};
