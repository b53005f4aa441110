/** virConnect* and virNode*: the connection itself and the host. */
export interface NodeInfo {
  model: string;
  /** KiB */
  memory: number;
  cpus: number;
  /** MHz */
  mhz: number;
  nodes: number;
  sockets: number;
  cores: number;
  threads: number;
}

export interface HostApi {
  close(): Promise<void>;
  getURI(): Promise<string>;
  getType(): Promise<string>;
  getHostname(): Promise<string>;
  /** Hypervisor version encoded as major*1e6 + minor*1e3 + micro. */
  getVersion(): Promise<number>;
  getLibVersion(): Promise<number>;
  getCapabilities(): Promise<string>;
  nodeGetInfo(): Promise<NodeInfo>;
}
