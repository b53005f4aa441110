/** The host interface definition (virInterfaceDef, interface_conf.c). */

export const INTERFACE_TYPES = ['ethernet', 'bridge', 'bond', 'vlan'] as const;
export type InterfaceType = (typeof INTERFACE_TYPES)[number];

export const START_MODES = ['onboot', 'hotplug', 'none'] as const;
export const BOND_MODES = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'] as const;
export const LINK_STATES = ['unknown', 'notpresent', 'down', 'lowerlayerdown', 'testing', 'dormant', 'up'] as const;

export interface InterfaceIp {
  address: string;
  /** 0 when not given. */
  prefix: number;
}

export interface InterfaceProtocol {
  family: 'ipv4' | 'ipv6';
  autoconf: boolean;
  dhcp: boolean;
  peerdns?: 'yes' | 'no';
  ips: InterfaceIp[];
  gateway?: string;
}

export interface InterfaceLink {
  speed?: number;
  state?: string;
}

export interface BondDef {
  mode?: string;
  monitor?: 'mii' | 'arp';
  frequency: number;
  downdelay: number;
  updelay: number;
  carrier?: string;
  interval: number;
  target?: string;
  validate?: string;
  itfs: InterfaceDef[];
}

export interface InterfaceDef {
  type: InterfaceType;
  name: string;
  startMode?: string;
  mtu: number;
  protocols: InterfaceProtocol[];
  link: InterfaceLink;
  /** ethernet only; kept as written. */
  mac?: string;
  bridge?: { stp?: boolean; delay?: string; itfs: InterfaceDef[] };
  bond?: BondDef;
  vlan?: { tag: string; dev: string };
}
