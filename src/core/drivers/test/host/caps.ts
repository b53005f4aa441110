import type { Capabilities, CapsCell } from '../../../xml/capabilities/index.js';

/** One NUMA cell of the built-in host (testCell). `mem` is KiB. */
export interface TestCell {
  cpus: { id: number; socketId: number; coreId: number; siblings: number[] }[];
  mem: number;
  freeMem: number;
}

/** testOpenDefault's NUMA setup: 2 cells of 8 CPUs, cell i with (i+1)*2 GiB. */
export function defaultCells(): TestCell[] {
  return [0, 1].map((i) => ({
    mem: (i + 1) * 2048 * 1024,
    freeMem: (i + 1) * 1024 * 1024,
    cpus: Array.from({ length: 8 }, (_, j) => {
      const id = i * 8 + j;
      return { id, socketId: i, coreId: j, siblings: [id] };
    }),
  }));
}

/** Host page sizes the test driver advertises, KiB. */
const PAGE_SIZES = [4, 8, 2048, 1024 * 1024];
const TEST_EMULATOR = '/usr/bin/test-hv';

/**
 * testBuildCapabilities: an i686 host with pae/nonpae, four page sizes, the cells above
 * (cell 1 reports its base pages as 8 KiB ones), and hvm + xen i686 guests.
 */
export function buildCapabilities(cells: readonly TestCell[]): Capabilities {
  const numaCells: CapsCell[] = cells.map((c, i) => {
    const base = i === 1 ? PAGE_SIZES[1] : PAGE_SIZES[0];
    return {
      id: i,
      memory: c.mem,
      pages: [
        { size: base, avail: Math.floor(c.mem / base) },
        ...PAGE_SIZES.slice(2).map((size) => ({ size, avail: 0 })),
      ],
      cpus: c.cpus.map((cpu) => ({ ...cpu, dieId: 0 })),
    };
  });
  return {
    host: {
      arch: 'i686',
      features: ['pae', 'nonpae'],
      pageSizes: PAGE_SIZES,
      iommu: false,
      cells: numaCells,
      secModels: [{ model: 'testSecurity', doi: '' }],
    },
    guests: ['hvm', 'xen'].map((osType) => ({
      osType,
      arch: 'i686',
      wordsize: 32,
      emulator: TEST_EMULATOR,
      domainTypes: ['test'],
      features: ['pae', 'nonpae'],
    })),
  };
}
