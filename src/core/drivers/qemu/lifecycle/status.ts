// The runtime state file of an active domain (STATEDIR/NAME.xml, libvirt's <domstatus>): what a
// later process needs to take the guest over — state and reason, QEMU's pid, the monitor, the
// taints, a pending fake reboot, and the live definition.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { child, children, parseTree, type XNode } from '../../../xml/tree.js';
import { formatDomainXML, type Elem } from '../../../xml/domain/index.js';
import { formatElem, fromNode } from '../../../xml/domain/elem.js';
import { DomainState } from '../../../api/domain.js';
import { writeFileAtomic } from '../config/atomic.js';
import { configHeader } from '../config/store.js';
import type { QemuPaths } from '../config/paths.js';
import type { QemuDomainObj } from '../domain/obj.js';
import { stateName, stateReasonName, stateFromNames } from './state-names.js';

export interface DomainStatus {
  state: number;
  reason: number;
  pid: number;
  monitor: string;
  taints: string[];
  fakeReboot: boolean;
  /** The guest CPU as defined (QemuDomainObj.origCpu), libvirt's <cpu> beside the definition. */
  origCpu?: Elem;
  /** The storage node counter (<nodename index>), when recorded. */
  nodenameIndex?: number;
  /** The live domain XML (with its id attribute). */
  domainXML: string;
}

const indent = (xml: string) =>
  xml
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');

const attr = (n: XNode | undefined, name: string): string | undefined => n?.attrs[name];

function statusFile(paths: QemuPaths, name: string): string {
  return join(paths.stateDir, `${name}.xml`);
}

/** virDomainObjSave: written atomically after every change of the running guest's state. */
export function saveStatus(paths: QemuPaths, obj: QemuDomainObj): void {
  const proc = obj.proc;
  if (!proc) return;
  const lines = [
    `<domstatus state='${stateName(obj.state)}' reason='${stateReasonName(obj.state, obj.reason)}' pid='${proc.pid}'>`,
    ...(obj.taints ?? []).map((t) => `  <taint flag='${t}'/>`),
    `  <monitor path='${proc.paths.monitor}' type='unix'/>`,
    ...(obj.fakeReboot ? ['  <fakereboot/>'] : []),
    ...(obj.origCpu ? [formatElem(obj.origCpu, 1).trimEnd()] : []),
    `  <libDir path='${proc.paths.domainDir}'/>`,
    ...(obj.nodenameIndex !== undefined ? [`  <nodename index='${obj.nodenameIndex}'/>`] : []),
    indent(formatDomainXML(obj.def, { flags: 0, id: obj.id })).trimEnd(),
    '</domstatus>',
    '',
  ];
  const file = statusFile(paths, obj.def.name);
  const content = configHeader(obj.def.name) + lines.join('\n');
  // Every process that takes a guest over saves its state; an unchanged file is left alone
  // (an atomic write costs two fsyncs, and a busy host has many guests).
  if (readIfExists(file) !== content) writeFileAtomic(file, content);
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function removeStatus(paths: QemuPaths, name: string): void {
  rmSync(statusFile(paths, name), { force: true });
}

/** Every status file left by an earlier process, parsed; unreadable ones are skipped as libvirt does. */
export function loadStatuses(paths: QemuPaths): Array<{ name: string; status: DomainStatus }> {
  let files: string[];
  try {
    files = readdirSync(paths.stateDir).filter((f) => f.endsWith('.xml'));
  } catch {
    return [];
  }
  const out: Array<{ name: string; status: DomainStatus }> = [];
  for (const f of files.sort()) {
    try {
      out.push({ name: f.slice(0, -4), status: parseStatus(readFileSync(join(paths.stateDir, f), 'utf8')) });
    } catch {
      // A half-written or foreign file: libvirt logs it and carries on.
    }
  }
  return out;
}

function parseStatus(xml: string): DomainStatus {
  const root = parseTree(xml);
  const dom = child(root, 'domain');
  const pid = Number(attr(root, 'pid'));
  const monitor = attr(child(root, 'monitor'), 'path');
  const cpu = child(root, 'cpu');
  if (root.name !== 'domstatus' || !dom || !Number.isInteger(pid) || !monitor) throw new Error('not a domain status file');
  const { state, reason } = stateFromNames(attr(root, 'state') ?? '', attr(root, 'reason') ?? '');
  const start = xml.indexOf('<domain ');
  const end = xml.lastIndexOf('</domain>') + '</domain>'.length;
  return {
    state: state === DomainState.NOSTATE ? DomainState.RUNNING : state,
    reason,
    pid,
    monitor,
    taints: children(root, 'taint').map((t) => attr(t, 'flag') ?? ''),
    fakeReboot: !!child(root, 'fakereboot'),
    origCpu: cpu && fromNode(cpu),
    nodenameIndex: child(root, 'nodename') ? Number(attr(child(root, 'nodename'), 'index')) : undefined,
    domainXML: xml.slice(start, end).replace(/\n {2}/g, '\n'),
  };
}
