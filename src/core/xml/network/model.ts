/** The network definition (virNetworkDef) as libvirt's network_conf.c models it. */
import type { XNode } from '../tree.js';
import type { IpAddr } from './ipaddr.js';
import type { Tristate } from './props.js';
import type { Bandwidth, Vlan } from './netdev.js';
import type { VirtualPort } from './vport.js';

export const FORWARD_MODES = ['none', 'nat', 'route', 'open', 'bridge', 'private', 'vepa', 'passthrough', 'hostdev'] as const;
export type ForwardMode = (typeof FORWARD_MODES)[number];

export const LEASE_UNITS = ['seconds', 'minutes', 'hours'] as const;
export type LeaseUnit = (typeof LEASE_UNITS)[number];

export interface Lease {
  expiry: bigint;
  unit: LeaseUnit;
}

export interface DhcpRange {
  start: IpAddr;
  end: IpAddr;
  lease?: Lease;
}

export interface DhcpHost {
  mac?: string;
  id?: string;
  name?: string;
  ip?: IpAddr;
  lease?: Lease;
}

export interface IpDef {
  family?: string;
  address: IpAddr;
  netmask?: IpAddr;
  /** 0 when not given. */
  prefix: number;
  localPtr?: Tristate;
  tftpRoot?: string;
  /** True when <tftp> was present (its root may still be absent). */
  ranges: DhcpRange[];
  hosts: DhcpHost[];
  bootFile?: string;
  bootServer?: IpAddr;
}

export interface RouteDef {
  family?: string;
  address: IpAddr;
  netmask?: IpAddr;
  prefix?: number;
  gateway: IpAddr;
  metric?: number;
}

export interface PciAddr {
  domain: number;
  bus: number;
  slot: number;
  function: number;
}

export type ForwardIf = { type: 'netdev'; dev: string } | { type: 'pci'; pci: PciAddr };

export interface ForwardDef {
  mode: ForwardMode;
  managed: boolean;
  driverName?: 'kvm' | 'vfio';
  ifs: ForwardIf[];
  /** At most one <pf dev=…/>. */
  pf?: string;
  natStart?: IpAddr;
  natEnd?: IpAddr;
  portStart: number;
  portEnd: number;
  natIPv6?: Tristate;
}

export interface DnsForwarder {
  domain?: string;
  addr?: IpAddr;
}

export interface DnsTxt {
  name: string;
  value: string;
}

export interface DnsHost {
  ip?: IpAddr;
  names: string[];
}

export interface DnsSrv {
  service?: string;
  protocol?: string;
  domain?: string;
  target?: string;
  port?: number;
  priority?: number;
  weight?: number;
}

export interface DnsDef {
  enable?: Tristate;
  forwardPlainNames?: Tristate;
  forwarders: DnsForwarder[];
  txts: DnsTxt[];
  hosts: DnsHost[];
  srvs: DnsSrv[];
}

export interface PortGroupDef {
  name: string;
  isDefault: boolean;
  trustGuestRxFilters?: Tristate;
  vlan?: Vlan;
  /** Kept as parsed. */
  virtualport?: VirtualPort;
  bandwidth?: Bandwidth;
}

export interface NetworkDef {
  name: string;
  uuid: string;
  ipv6nogw: boolean;
  trustGuestRxFilters?: Tristate;
  metadata?: XNode;
  forward: ForwardDef;
  bridge?: string;
  bridgeZone?: string;
  stp: boolean;
  delay: number;
  macTableManager?: 'kernel' | 'libvirt';
  mtu?: number;
  mac?: string;
  domain?: string;
  domainLocalOnly?: Tristate;
  dns: DnsDef;
  vlan?: Vlan;
  bandwidth?: Bandwidth;
  isolatedPort?: Tristate;
  ips: IpDef[];
  routes: RouteDef[];
  virtualport?: VirtualPort;
  portGroups: PortGroupDef[];
}

/** VIR_NETWORK_XML_INACTIVE */
export const NETWORK_XML_INACTIVE = 1;
