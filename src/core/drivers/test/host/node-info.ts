import type { NodeInfo } from '../../../api/host.js';
import { virErr } from '../../../errors.js';
import { child, type XNode } from '../../../xml/tree.js';

/** The test driver's built-in host (defaultNodeInfo): 2 cells × 2 sockets × 2 cores × 2 threads. */
export const DEFAULT_NODE_INFO: NodeInfo = {
  model: 'i686',
  memory: 3 * 1024 * 1024,
  cpus: 16,
  mhz: 1400,
  nodes: 2,
  sockets: 2,
  cores: 2,
  threads: 2,
};

/** virXPathUInt on a trimmed-free string: undefined when absent/empty, NaN when malformed. */
function readUInt(text: string | undefined, max: number): number | undefined {
  if (text === undefined || text === '') return undefined;
  if (!/^\s*\+?\d+$/.test(text)) return NaN;
  const n = Number(text);
  return n > max ? NaN : n;
}

function first(root: XNode, ...names: string[]): string | undefined {
  let cur: XNode | undefined = root;
  for (const n of names) cur = child(cur, n);
  return cur?.text;
}

/** libvirt's virStrcpyStatic limit for virNodeInfo.model (32 bytes with the NUL). */
const MODEL_MAX = 31;

/**
 * testParseNodeInfo: `/node/cpu/{nodes,sockets,cores,threads,active,mhz,model}` and
 * `/node/memory` override the defaults; cpus = product of the topology, capped by `active`.
 */
export function parseNodeInfo(root: XNode, base: NodeInfo): NodeInfo {
  const info = { ...base };
  const uint = (what: string, ...path: string[]) => {
    const v = readUInt(first(root, ...path), 0xffffffff);
    if (Number.isNaN(v)) throw virErr('XML_ERROR', `invalid node ${what} value`);
    return v;
  };
  info.nodes = uint('cpu nodes', 'cpu', 'nodes') ?? info.nodes;
  info.sockets = uint('cpu sockets', 'cpu', 'sockets') ?? info.sockets;
  info.cores = uint('cpu cores', 'cpu', 'cores') ?? info.cores;
  info.threads = uint('cpu threads', 'cpu', 'threads') ?? info.threads;
  info.cpus = (info.cores * info.threads * info.sockets * info.nodes) >>> 0;
  const active = uint('cpu active', 'cpu', 'active');
  if (active !== undefined && active < info.cpus) info.cpus = active;
  info.mhz = uint('cpu mhz', 'cpu', 'mhz') ?? info.mhz;
  const model = first(root, 'cpu', 'model');
  if (model !== undefined) {
    if (Buffer.byteLength(model) > MODEL_MAX) throw virErr('INTERNAL_ERROR', `Model ${model} too big for destination`);
    info.model = model;
  }
  const memory = readUInt(first(root, 'memory'), Number.MAX_SAFE_INTEGER);
  if (Number.isNaN(memory)) throw virErr('XML_ERROR', 'invalid node memory value');
  if (memory !== undefined) info.memory = memory;
  return info;
}
