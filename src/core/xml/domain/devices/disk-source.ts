import { child, children, type XNode } from '../../tree.js';
import { virErr } from '../../../errors.js';
import { attr, setAttr, sub, type Elem } from '../elem.js';
import { unsupportedConfig, xmlError } from '../errors.js';
import { propEnum, TRISTATE_BOOL } from '../numbers.js';

/* virDomainStorageSourceParse for network and volume disks: the checks, in libvirt's order,
 * and the default ports virStorageSourceNetworkAssignDefaultPorts fills in. */

const NET_PROTOCOLS = ['none', 'nbd', 'rbd', 'sheepdog', 'gluster', 'iscsi', 'http', 'https', 'ftp', 'ftps', 'tftp', 'ssh', 'vxhs', 'nfs'] as const;
const TRANSPORTS = ['tcp', 'unix', 'rdma'];
const POOL_MODES = ['default', 'host', 'direct'];

/** virStorageSourceNetworkDefaultPort (RBD, NFS and none have no default). */
const DEFAULT_PORTS: Record<string, number> = {
  http: 80, https: 443, ftp: 21, ftps: 990, tftp: 69, sheepdog: 7000, nbd: 10809, ssh: 22, iscsi: 3260, gluster: 24007, vxhs: 9999,
};

/** virStringParsePort */
function checkPort(port: string): void {
  const t = port.replace(/^[ \t\n\v\f\r]+/, '');
  if (!/^\+?\d+$/.test(t) || Number(t) > 0xffffffff) throw virErr('INVALID_ARG', `failed to parse port number '${port}'`);
  if (Number(t) > 65535) throw virErr('INVALID_ARG', `port '${port}' out of range`);
}

/** virDomainStorageNetworkParseHost */
function checkHost(h: XNode): void {
  const transport = h.attrs.transport;
  if (transport !== undefined && !TRANSPORTS.includes(transport)) throw unsupportedConfig(`unknown protocol transport type '${transport}'`);
  const unix = transport === 'unix';
  if (unix && h.attrs.socket === undefined) throw xmlError('missing socket for unix transport');
  if (!unix && h.attrs.socket !== undefined) throw xmlError(`transport '${transport ?? '(null)'}' does not support socket attribute`);
  if (unix) return;
  if (h.attrs.name === undefined) throw xmlError('missing name for host');
  if (h.attrs.port !== undefined) checkPort(h.attrs.port);
}

function checkNetwork(src: XNode): void {
  const protocol = propEnum(src, 'protocol', NET_PROTOCOLS, { required: true })!;
  const name = src.attrs.name;
  if (name === undefined && protocol !== 'nbd') throw xmlError('missing name for disk source');
  propEnum(src, 'tls', TRISTATE_BOOL, { nonzero: true });
  // RBD and Gluster names carry the pool/volume and the image, split at the first '/'.
  if (name !== undefined && (protocol === 'rbd' || protocol === 'gluster') && name.indexOf('/') <= 0)
    throw xmlError(`can't split path '${name}' into pool name and image name`);
  for (const h of children(src, 'host')) checkHost(h);
}

/** virDomainDiskSourcePoolDefParse; a cdrom or floppy may name neither pool nor volume. */
function checkVolume(src: XNode): void {
  const { pool, volume, mode } = src.attrs;
  if (pool === undefined && volume === undefined) return;
  if (pool === undefined || volume === undefined) throw xmlError("'pool' and 'volume' must be specified together for 'pool' type source");
  if (mode !== undefined && POOL_MODES.indexOf(mode) <= 0) throw unsupportedConfig(`unknown source mode '${mode}' for volume type disk`);
}

/** The source checks of a disk whose type is already known to be valid. */
export function checkDiskSource(n: XNode): void {
  const src = child(n, 'source');
  if (!src) return;
  if (n.attrs.type === 'network') checkNetwork(src);
  else if (n.attrs.type === 'volume') checkVolume(src);
}

/** TCP hosts of a network disk without a port get the protocol's default one. */
export function assignDefaultPorts(disk: Elem): void {
  if (attr(disk, 'type') !== 'network') return;
  const src = sub(disk, 'source');
  const port = DEFAULT_PORTS[attr(src, 'protocol') ?? ''];
  if (!src || !port) return;
  for (const h of src.children) {
    if (h.name !== 'host' || (attr(h, 'transport') ?? 'tcp') !== 'tcp') continue;
    const p = attr(h, 'port');
    if (p === undefined || Number(p) === 0) setAttr(h, 'port', String(port));
  }
}
