/**
 * The host capabilities document (virCaps): a typed model and its formatter, laid out as
 * libvirt's virCapabilitiesFormatXML does (blank line after <capabilities>, </host> and each
 * </guest>; an empty <cells> still opens and closes on two lines).
 */

export interface CapsCellCpu {
  id: number;
  socketId: number;
  dieId: number;
  coreId: number;
  /** CPU ids sharing the core. */
  siblings: number[];
}

export interface CapsPageInfo {
  /** KiB */
  size: number;
  avail: number;
}

export interface CapsCell {
  id: number;
  /** KiB; left out when 0. */
  memory: number;
  pages: CapsPageInfo[];
  cpus: CapsCellCpu[];
}

export interface CapsSecModel {
  model: string;
  doi: string;
}

export interface CapsGuest {
  osType: string;
  arch: string;
  wordsize: number;
  emulator?: string;
  domainTypes: string[];
  features: string[];
}

export interface Capabilities {
  host: {
    arch: string;
    features: string[];
    /** Supported page sizes, KiB. */
    pageSizes: number[];
    iommu: boolean;
    cells: CapsCell[];
    secModels: CapsSecModel[];
  };
  guests: CapsGuest[];
}

/** Formats a CPU id set as libvirt's virBitmapFormat: ranges joined by commas (0-3,8). */
export function formatCpuSet(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return parts.join(',');
}

function formatTopology(cells: readonly CapsCell[], out: string[]): void {
  out.push('    <topology>', `      <cells num='${cells.length}'>`);
  for (const cell of cells) {
    out.push(`        <cell id='${cell.id}'>`);
    if (cell.memory) out.push(`          <memory unit='KiB'>${cell.memory}</memory>`);
    for (const p of cell.pages) out.push(`          <pages unit='KiB' size='${p.size}'>${p.avail}</pages>`);
    if (cell.cpus.length === 0) {
      out.push(`          <cpus num='0'/>`);
    } else {
      out.push(`          <cpus num='${cell.cpus.length}'>`);
      for (const c of cell.cpus) {
        out.push(
          `            <cpu id='${c.id}' socket_id='${c.socketId}' die_id='${c.dieId}' core_id='${c.coreId}' siblings='${formatCpuSet(c.siblings)}'/>`,
        );
      }
      out.push('          </cpus>');
    }
    out.push('        </cell>');
  }
  out.push('      </cells>', '    </topology>');
}

function formatGuest(g: CapsGuest, out: string[]): void {
  out.push('  <guest>', `    <os_type>${g.osType}</os_type>`, `    <arch name='${g.arch}'>`);
  out.push(`      <wordsize>${g.wordsize}</wordsize>`);
  if (g.emulator) out.push(`      <emulator>${g.emulator}</emulator>`);
  for (const t of g.domainTypes) out.push(`      <domain type='${t}'/>`);
  out.push('    </arch>');
  if (g.features.length) {
    out.push('    <features>');
    for (const f of g.features) out.push(`      <${f}/>`);
    out.push('    </features>');
  }
  out.push('  </guest>', '');
}

export function formatCapabilities(caps: Capabilities): string {
  const h = caps.host;
  const out: string[] = ['<capabilities>', '', '  <host>', '    <cpu>', `      <arch>${h.arch}</arch>`];
  if (h.features.length) {
    out.push('      <features>');
    for (const f of h.features) out.push(`        <${f}/>`);
    out.push('      </features>');
  }
  for (const size of h.pageSizes) out.push(`      <pages unit='KiB' size='${size}'/>`);
  out.push('    </cpu>', '    <power_management/>', `    <iommu support='${h.iommu ? 'yes' : 'no'}'/>`);
  formatTopology(h.cells, out);
  for (const s of h.secModels) {
    out.push('    <secmodel>', `      <model>${s.model}</model>`, `      <doi>${s.doi}</doi>`, '    </secmodel>');
  }
  out.push('  </host>', '');
  for (const g of caps.guests) formatGuest(g, out);
  out.push('</capabilities>');
  return out.join('\n') + '\n';
}
