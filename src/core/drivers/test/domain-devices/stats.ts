import type { DomainDeviceApi, DomainInterface } from '../../../api/domain-devices.js';
import { virErr } from '../../../errors.js';
import { child, children, parseTree } from '../../../xml/tree.js';
import { networkOps } from '../network.js';
import { checkActive, oneDef } from './common.js';
import { checkFlags } from '../../check-flags.js';
import type { DevCtx } from './context.js';
import { diskByName, hasMemballoon, nets, type NetView } from './view.js';
import { parseMAC } from '../../../xml/ids.js';

type StatsOps = Pick<
  DomainDeviceApi,
  | 'domainBlockStats'
  | 'domainInterfaceStats'
  | 'domainGetBlockInfo'
  | 'domainGetDiskErrors'
  | 'domainMemoryStats'
  | 'domainSetMemoryStatsPeriod'
  | 'domainInterfaceAddresses'
  | 'domainGetCPUStats'
>;

/** testDomainGetCPUStats' fixed total (ns). */
const TOTAL_CPUTIME = 48772617035n;
/** The test driver derives "live" counters from the wall clock (microseconds). */
const realTimeUs = (): bigint => BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000));

/** virDomainNetFind: by MAC when the name parses as one, else by interface name. */
export function netFind(all: NetView[], device: string): NetView {
  const mac = parseMAC(device);
  const net = mac ? all.find((n) => n.mac && parseMAC(n.mac) === mac) : all.find((n) => n.ifname === device);
  if (!net) throw virErr('INVALID_ARG', `'${device}' is not a known interface`);
  return net;
}

/** The address the test driver invents for an interface on a virtual network. */
async function addressFromNetwork(c: DevCtx, network: string, offset: number) {
  const ops = networkOps(c.node) as unknown as {
    networkLookupByName(name: string): Promise<unknown>;
    networkGetXMLDesc(net: unknown, flags: number): Promise<string>;
  };
  const xml = await ops.networkGetXMLDesc(await ops.networkLookupByName(network), 0);
  const ip = child(parseTree(xml), 'ip');
  if (!ip) throw virErr('INTERNAL_ERROR', `network '${network}' has no IP address`);
  const family = ip.attrs.family ?? 'ipv4';
  const range = child(child(ip, 'dhcp'), 'range');
  const base = range?.attrs.start ?? ip.attrs.address;
  const prefix = ip.attrs.prefix
    ? Number(ip.attrs.prefix)
    : ip.attrs.netmask
      ? ip.attrs.netmask.split('.').reduce((n, o) => n + Number(o).toString(2).replace(/0/g, '').length, 0)
      : 24;
  if (family === 'ipv6') {
    const groups = base.split(':');
    const last = parseInt(groups[groups.length - 1] || '0', 16);
    const low = ((last & 0xff) + offset) & 0xff;
    groups[groups.length - 1] = ((last & 0xff00) | low).toString(16);
    return { type: 1, addr: groups.join(':'), prefix };
  }
  const n = base.split('.').reduce((acc, o) => acc * 256 + Number(o), 0) + offset;
  const addr = [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
  return { type: 0, addr, prefix };
}

export function statsOps(c: DevCtx): StatsOps {
  return {
    domainBlockStats: async (dom, path) => {
      if (!path) throw virErr('OPERATION_UNSUPPORTED', 'summary statistics are not supported yet');
      const obj = c.obj(dom);
      checkActive(obj);
      if (!diskByName(c.tree(obj.def), path, false)) throw virErr('INVALID_ARG', `invalid path: ${path}`);
      const base = realTimeUs();
      return { rdReq: base / 10n, rdBytes: base / 20n, wrReq: base / 30n, wrBytes: base / 40n, errs: base / 2000000n };
    },
    domainInterfaceStats: async (dom, device) => {
      const obj = c.obj(dom);
      checkActive(obj);
      netFind(nets(c.tree(obj.def)), device);
      const base = realTimeUs();
      return {
        rxBytes: base / 10n,
        rxPackets: base / 100n,
        rxErrs: base / 1000000n,
        rxDrop: base / 2000000n,
        txBytes: base / 20n,
        txPackets: base / 110n,
        txErrs: base / 3000000n,
        txDrop: base / 4000000n,
      };
    },
    domainGetBlockInfo: async (dom, path, flags) => {
      checkFlags(flags, 0, 'testDomainGetBlockInfo');
      const obj = c.obj(dom);
      const disk = diskByName(c.tree(obj.def), path, false);
      if (!disk) throw virErr('INVALID_ARG', `invalid path ${path} not assigned to domain`);
      if (disk.src === undefined || disk.src === '') {
        throw virErr('INVALID_ARG', `disk '${path}' does not currently have a source assigned`);
      }
      return { capacity: 1099506450432n, allocation: 1099511627776n, physical: 1099511627776n };
    },
    domainGetDiskErrors: async (dom, flags) => {
      checkFlags(flags, 0, 'testDomainGetDiskErrors');
      const obj = c.obj(dom);
      checkActive(obj);
      // virDomainDiskErrorCode cycles through EIO..NO_SPACE (1..2)
      return children(child(c.tree(obj.def), 'devices'), 'disk').map((d, i) => ({
        disk: child(d, 'target')?.attrs.dev ?? '',
        error: (i % 2) + 1,
      }));
    },
    domainMemoryStats: async (dom, nrStats, flags) => {
      checkFlags(flags, 0, 'testDomainMemoryStats');
      const obj = c.obj(dom);
      checkActive(obj);
      if (!hasMemballoon(c.tree(obj.def))) return [];
      const cur = BigInt(obj.def.currentMemory);
      // tags: ACTUAL_BALLOON 6, SWAP_IN 0, SWAP_OUT 1, MAJOR 2, MINOR 3, UNUSED 4, AVAILABLE 5,
      // USABLE 8, LAST_UPDATE 9, DISK_CACHES 10, HUGETLB_PGALLOC 11, HUGETLB_PGFAIL 12, RSS 7
      const all: Array<[number, bigint]> = [
        [6, cur],
        [0, 0n],
        [1, 0n],
        [2, 0n],
        [3, 0n],
        [4, cur / 2n],
        [5, cur],
        [8, cur / 2n],
        [9, 627319920n],
        [10, cur / 8n],
        [11, 0n],
        [12, 0n],
        [7, cur / 2n],
      ];
      return all.slice(0, nrStats).map(([tag, value]) => ({ tag, value }));
    },
    domainSetMemoryStatsPeriod: async (dom, _period, flags) => {
      checkFlags(flags, 1 | 2, 'testDomainSetMemoryStatsPeriod');
      const obj = c.obj(dom);
      const def = oneDef(obj, flags);
      if (!hasMemballoon(c.tree(def))) {
        throw virErr('INTERNAL_ERROR', 'No memory balloon device configured, can not set the collection period');
      }
    },
    domainInterfaceAddresses: async (dom, source, flags) => {
      checkFlags(flags, 0, 'testDomainInterfaceAddresses');
      if (source >= 3) throw virErr('ARGUMENT_UNSUPPORTED', `Unknown IP address data source ${source}`);
      const obj = c.obj(dom);
      checkActive(obj);
      const out: DomainInterface[] = [];
      const all = nets(c.tree(obj.def));
      for (const [i, net] of all.entries()) {
        const hw = net.mac ? parseMAC(net.mac) : undefined;
        const addr =
          net.type === 'network' && net.network
            ? await addressFromNetwork(c, net.network, 20 * (obj.id - 1) + i + 1)
            : { type: 0, addr: `192.168.0.${1 + i}`, prefix: 24 };
        out.push({ name: net.ifname ?? '', hwaddr: hw ?? null, addrs: [addr] });
      }
      return out;
    },
    domainGetCPUStats: async (dom, startCpu, ncpus, flags) => {
      checkFlags(flags, 1 << 2, 'testDomainGetCPUStats');
      const obj = c.obj(dom);
      checkActive(obj);
      const ull = (field: string, value: bigint) => ({ field, type: 4, value });
      if (startCpu === -1) {
        return [[ull('cpu_time', TOTAL_CPUTIME), ull('user_time', 5540000000n), ull('system_time', 6460000000n)]];
      }
      const total = await c.hostCores();
      if (ncpus === 0) return Array.from({ length: total }, () => []);
      if (startCpu >= total) throw virErr('INVALID_ARG', `start_cpu ${startCpu} larger than maximum of ${total - 1}`);
      const per = TOTAL_CPUTIME / BigInt(total);
      const rows = [];
      for (let i = startCpu; i < Math.min(total, startCpu + ncpus); i++) {
        rows.push([ull('cpu_time', per + BigInt(i)), ull('vcpu_time', per + BigInt(i) - 1234567890n)]);
      }
      return rows;
    },
  };
}
