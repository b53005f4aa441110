import { DomainDefine, DomainState, DomainStart, DomainUndefine, RunningReason, type DomainApi } from '../../../api/domain.js';
import { parseDomainXML } from '../../../xml/domain/index.js';
import { virErr } from '../../../errors.js';
import type { TestNode } from '../node.js';
import { domainLifecycle } from '../events/index.js';
import { DomainLifecycle as Ev, LifecycleDetail as D } from '../../../api/events.js';
import { checkAdd, commitAdd } from './add.js';
import { copyDef, generateIfnames } from './defs.js';
import { checkFlags } from '../../check-flags.js';
import { schemaCheck } from '../../../xml/relaxng/check.js';
import { countMoments } from './moments.js';
import { findByName, handleOf, isActive, objFromHandle, removeObj, startState } from './state.js';
import type { DEFINE_CALLS } from './calls.js';

type Ops = Pick<DomainApi, (typeof DEFINE_CALLS)[number]>;

export function defineOps(node: TestNode): Ops {
  const s = node.domains;
  const parse = (xml: string) => parseDomainXML(xml, { driverType: 'test' });
  return {
    async domainDefineXML(xml, flags) {
      checkFlags(flags, DomainDefine.VALIDATE, 'testDomainDefineXMLFlags');
      if (flags & DomainDefine.VALIDATE) await schemaCheck(xml, 'domain.rng', 'domain');
      const def = parse(xml);
      if (def.name.includes('\n')) throw virErr('XML_DETAIL', 'invalid char in name: \n');
      generateIfnames(def);
      const existing = checkAdd(s, def, false);
      const obj = commitAdd(s, existing, def, false);
      obj.persistent = true;
      domainLifecycle(node, obj, Ev.DEFINED, existing ? D.DEFINED_UPDATED : D.DEFINED_ADDED);
      return handleOf(obj);
    },
    async domainCreateXML(xml, flags) {
      checkFlags(flags, DomainStart.VALIDATE, 'testDomainCreateXML');
      if (flags & DomainStart.VALIDATE) await schemaCheck(xml, 'domain.rng', 'domain');
      const def = parse(xml);
      generateIfnames(def);
      const existing = checkAdd(s, def, true);
      const obj = commitAdd(s, existing, def, true);
      startState(s, obj, RunningReason.BOOTED, copyDef);
      domainLifecycle(node, obj, Ev.STARTED, D.STARTED_BOOTED);
      return handleOf(obj);
    },
    async domainUndefine(dom, flags) {
      checkFlags(flags, DomainUndefine.MANAGED_SAVE | DomainUndefine.SNAPSHOTS_METADATA, 'testDomainUndefineFlags');
      const obj = objFromHandle(s, dom);
      if (obj.hasManagedSave && !(flags & DomainUndefine.MANAGED_SAVE))
        throw virErr('OPERATION_INVALID', 'Refusing to undefine while domain managed save image exists');
      const nsnap = isActive(obj) ? 0 : countMoments(node, obj).snapshots;
      if (nsnap && !(flags & DomainUndefine.SNAPSHOTS_METADATA))
        throw virErr('OPERATION_INVALID', `cannot delete inactive domain with ${nsnap} snapshots`);
      domainLifecycle(node, obj, Ev.UNDEFINED, D.UNDEFINED_REMOVED);
      obj.hasManagedSave = false;
      if (isActive(obj)) obj.persistent = false;
      else removeObj(s, obj);
    },
    async domainRename(dom, newName, flags) {
      checkFlags(flags, 0, 'testDomainRename');
      const obj = objFromHandle(s, dom);
      if (isActive(obj)) throw virErr('OPERATION_INVALID', 'cannot rename active domain');
      if (!obj.persistent) throw virErr('OPERATION_INVALID', 'cannot rename a transient domain');
      if (obj.state !== DomainState.SHUTOFF) throw virErr('OPERATION_INVALID', 'domain has to be shutoff before renaming');
      if (obj.def.name === newName) throw virErr('OPERATION_INVALID', "Can't rename domain to itself");
      if (findByName(s, newName)) throw virErr('OPERATION_INVALID', `domain with name '${newName}' already exists`);
      if (newName.includes('/')) throw virErr('XML_ERROR', `name ${newName} cannot contain '/'`);
      domainLifecycle(node, obj, Ev.UNDEFINED, D.UNDEFINED_RENAMED);
      obj.def.name = newName;
      domainLifecycle(node, obj, Ev.DEFINED, D.DEFINED_RENAMED);
    },
  };
}
