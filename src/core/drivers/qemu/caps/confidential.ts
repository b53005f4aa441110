import { closeSync, openSync, readSync } from 'node:fs';
import type { XmlWriter } from '../../../xml/writer.js';

/** query-sev-capabilities' answer (the fields libvirt keeps). */
export interface SevCaps {
  cbitpos: number;
  'reduced-phys-bits': number;
  'cpu0-id'?: string;
}

/** query-sgx-capabilities' answer. */
export interface SgxCaps {
  flc: boolean;
  sgx1: boolean;
  sgx2: boolean;
  'section-size'?: number;
  sections?: Array<{ node: number; size: number }>;
}

/** CPUID 0x8000001F ECX/EDX of CPU 0: the highest SEV ASID and the lowest non-ES one. */
function sevAsids(): { max: number; min: number } {
  try {
    const fd = openSync('/dev/cpu/0/cpuid', 'r');
    try {
      const buf = Buffer.alloc(16);
      readSync(fd, buf, 0, 16, 0x8000001f);
      return { max: buf.readUInt32LE(8), min: buf.readUInt32LE(12) };
    } finally {
      closeSync(fd);
    }
  } catch {
    return { max: 0, min: 0 };
  }
}

/** virDomainCapsFeatureSEVFormat, guest counts as virQEMUCapsGetSEVMaxGuests works them out. */
export function formatSev(w: XmlWriter, sev: SevCaps | undefined): void {
  if (!sev) {
    w.leaf('sev', [['supported', 'no']]);
    return;
  }
  const { max, min } = sevAsids();
  const known = max !== 0 && min !== 0;
  w.open('sev', [['supported', 'yes']]);
  w.leaf('cbitpos', [], sev.cbitpos).leaf('reducedPhysBits', [], sev['reduced-phys-bits']);
  w.leaf('maxGuests', [], known ? max - min + 1 : 0).leaf('maxESGuests', [], known ? min - 1 : 0);
  if (sev['cpu0-id'] !== undefined) w.leaf('cpu0Id', [], sev['cpu0-id']);
  w.close('sev');
}

/** virDomainCapsFeatureSGXFormat; QEMU before 7.0 (no sections) counts as no SGX. */
export function formatSgx(w: XmlWriter, sgx: SgxCaps | undefined): void {
  if (!sgx?.sections) {
    w.leaf('sgx', [['supported', 'no']]);
    return;
  }
  const sections = sgx.sections.map((s) => ({ node: s.node, kib: Math.floor(s.size / 1024) }));
  const size = sgx['section-size'] !== undefined ? Math.floor(sgx['section-size'] / 1024) : sections.reduce((n, s) => n + s.kib, 0);
  const yn = (b: boolean) => (b ? 'yes' : 'no');
  w.open('sgx', [['supported', 'yes']]);
  w.leaf('flc', [], yn(sgx.flc)).leaf('sgx1', [], yn(sgx.sgx1)).leaf('sgx2', [], yn(sgx.sgx2));
  w.leaf('section_size', [['unit', 'KiB']], size);
  if (sections.length) {
    w.open('sections');
    for (const s of sections) w.leaf('section', [['node', s.node], ['size', s.kib], ['unit', 'KiB']]);
    w.close('sections');
  }
  w.close('sgx');
}
