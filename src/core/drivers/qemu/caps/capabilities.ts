import { accessSync, constants } from 'node:fs';
import { XmlWriter } from '../../../xml/writer.js';
import type { GuestArch } from './emulators.js';
import type { HostFacts } from './host.js';
import type { QemuProbe } from './probe.js';

export interface GuestCaps {
  arch: GuestArch;
  probe: QemuProbe;
}

/** KVM is usable when the binary has it and /dev/kvm opens read-write for us. */
export function kvmUsable(probe: QemuProbe): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
  } catch {
    return false;
  }
  return probe.kvm;
}

function formatHostCpu(w: XmlWriter, h: HostFacts): void {
  const c = h.cpu;
  w.open('cpu');
  w.leaf('arch', [], h.arch);
  if (c.model) w.leaf('model', [], c.model);
  if (c.vendor) w.leaf('vendor', [], c.vendor);
  if (c.microcode !== undefined) w.leaf('microcode', [['version', c.microcode]]);
  if (c.signature) w.leaf('signature', [['family', c.signature.family], ['model', c.signature.model], ['stepping', c.signature.stepping]]);
  if (c.tscHz) w.leaf('counter', [['name', 'tsc'], ['frequency', c.tscHz], ['scaling', 'no']]);
  const t = c.topology;
  w.leaf('topology', [['sockets', t.sockets], ['dies', t.dies], ['cores', t.cores], ['threads', t.threads]]);
  if (c.physBits) w.leaf('maxphysaddr', [['mode', 'emulate'], ['bits', c.physBits]]);
  for (const f of c.features) w.leaf('feature', [['name', f]]);
  for (const size of h.pageSizes) w.leaf('pages', [['unit', 'KiB'], ['size', size]]);
  w.close('cpu');
}

function formatTopology(w: XmlWriter, h: HostFacts): void {
  w.open('topology').open('cells', [['num', h.cells.length]]);
  for (const cell of h.cells) {
    w.open('cell', [['id', cell.id]]);
    w.leaf('memory', [['unit', 'KiB']], cell.memory);
    for (const p of cell.pages) w.leaf('pages', [['unit', 'KiB'], ['size', p.size]], p.count);
    w.open('distances');
    for (const d of cell.distances) w.leaf('sibling', [['id', d.id], ['value', d.value]]);
    w.close('distances');
    w.open('cpus', [['num', cell.cpus.length]]);
    for (const cpu of cell.cpus) w.leaf('cpu', [['id', cpu.id], ['socket_id', cpu.socket], ['die_id', cpu.die], ['core_id', cpu.core], ['siblings', cpu.siblings]]);
    w.close('cpus').close('cell');
  }
  w.close('cells').close('topology');
}

function formatHost(w: XmlWriter, h: HostFacts): void {
  w.open('host');
  w.leaf('uuid', [], h.uuid);
  formatHostCpu(w, h);
  w.leaf('power_management');
  w.leaf('iommu', [['support', h.iommu ? 'yes' : 'no']]);
  w.open('migration_features').leaf('live').open('uri_transports');
  for (const t of ['tcp', 'rdma']) w.leaf('uri_transport', [], t);
  w.close('uri_transports').close('migration_features');
  formatTopology(w, h);
  if (h.caches.length) {
    w.open('cache');
    for (const b of h.caches) w.leaf('bank', [['id', b.id], ['level', b.level], ['type', b.type], ['size', b.size], ['unit', b.unit], ['cpus', b.cpus]]);
    w.close('cache');
  }
  w.open('secmodel').leaf('model', [], 'none').leaf('doi', [], '0').close('secmodel');
  w.open('secmodel').leaf('model', [], 'dac').leaf('doi', [], '0');
  for (const type of ['kvm', 'qemu']) w.leaf('baselabel', [['type', type]], h.dacLabel);
  w.close('secmodel');
  w.close('host');
}

/** The domain types a guest offers: qemu always, kvm when usable. */
export function domainTypes(probe: QemuProbe): string[] {
  return kvmUsable(probe) ? ['qemu', 'kvm'] : ['qemu'];
}

/** virCapabilitiesFormatXML for the QEMU driver's virCaps. */
export function formatCapabilities(host: HostFacts, guests: readonly GuestCaps[]): string {
  const w = new XmlWriter(1);
  formatHost(w, host);
  const parts = [w.toString()];
  for (const g of guests) {
    const gw = new XmlWriter(1);
    gw.open('guest').leaf('os_type', [], 'hvm').open('arch', [['name', g.arch.arch]]);
    gw.leaf('wordsize', [], g.arch.wordsize).leaf('emulator', [], g.probe.emulator);
    for (const m of g.probe.machines) {
      gw.leaf('machine', [['maxCpus', m.maxCpus], ['deprecated', m.deprecated ? 'yes' : undefined]], m.name);
      if (m.alias) gw.leaf('machine', [['canonical', m.name], ['maxCpus', m.maxCpus], ['deprecated', m.deprecated ? 'yes' : undefined]], m.alias);
    }
    for (const t of domainTypes(g.probe)) gw.leaf('domain', [['type', t]]);
    gw.close('arch').open('features');
    for (const f of g.arch.features) {
      if (f === 'acpi') gw.leaf(f, [['default', 'on'], ['toggle', 'yes']]);
      else if (f === 'apic' || f === 'disksnapshot') gw.leaf(f, [['default', 'on'], ['toggle', 'no']]);
      else gw.leaf(f);
    }
    gw.close('features').close('guest');
    parts.push(gw.toString());
  }
  return `<capabilities>\n\n${parts.join('\n')}\n</capabilities>\n`;
}
