import type { ElemSpec } from '../elem.js';
import type { DeviceKind } from '../types.js';

/*
 * Canonical shapes of device elements: the attributes libvirt keeps and the order its
 * formatters write them, and the children in output order. Bus information (boot, alias,
 * master, rom, acpi, address) is handled by info.ts and is not listed here.
 */

const leaf = (...attrs: string[]): ElemSpec => ({ attrs });
const text: ElemSpec = { text: true };
const verbatim: ElemSpec = { verbatim: true };

const seclabel: ElemSpec = { attrs: ['model', 'relabel', 'labelskip'], children: [['label', text]] };
const reconnect = leaf('enabled', 'timeout');

const diskSource: ElemSpec = {
  attrs: ['protocol', 'name', 'query', 'tls', 'tlsHostname', 'file', 'fdgroup', 'dev', 'dir', 'pool', 'volume', 'mode', 'type', 'path', 'managed', 'namespace', 'startupPolicy', 'index'],
  children: [
    ['host', leaf('name', 'port', 'transport', 'socket')],
    ['snapshot', leaf('name')],
    ['config', leaf('file')],
    ['address', leaf('domain', 'bus', 'slot', 'function')],
    ['reconnect', reconnect],
    ['slices', verbatim],
    ['auth', verbatim],
    ['ssl', leaf('verify')],
    ['cookies', verbatim],
    ['readahead', leaf('size')],
    ['timeout', leaf('seconds')],
    ['seclabel', seclabel],
    ['encryption', verbatim],
    ['reservations', verbatim],
  ],
};

const virtioOpts = ['iommu', 'ats', 'packed', 'page_per_vq'];

const disk: ElemSpec = {
  attrs: ['type', 'device', 'model', 'rawio', 'sgio', 'snapshot'],
  children: [
    ['driver', leaf('name', 'type', 'cache', 'error_policy', 'rerror_policy', 'io', 'ioeventfd', 'event_idx', 'copy_on_read', 'discard', 'iothread', 'detect_zeroes', 'queues', 'queue_size', ...virtioOpts)],
    ['auth', verbatim],
    ['source', diskSource],
    ['backingStore', verbatim],
    ['backenddomain', leaf('name')],
    ['geometry', leaf('cyls', 'heads', 'secs', 'trans')],
    ['blockio', leaf('logical_block_size', 'physical_block_size')],
    ['mirror', verbatim],
    ['target', leaf('dev', 'bus', 'tray', 'removable', 'rotation_rate')],
    ['iotune', verbatim],
    ['readonly', leaf()],
    ['shareable', leaf()],
    ['transient', leaf('shareBacking')],
    ['serial', text],
    ['wwn', text],
    ['vendor', text],
    ['product', text],
    ['encryption', verbatim],
  ],
};

const controller: ElemSpec = {
  attrs: ['type', 'index', 'model', 'ports', 'vectors', 'maxGrantFrames', 'maxEventChannels'],
  children: [
    ['model', leaf('name')],
    ['target', leaf('chassisNr', 'chassis', 'port', 'busNr', 'hotplug', 'index', 'memReserve')],
    ['driver', leaf('queues', 'cmd_per_lun', 'max_sectors', 'ioeventfd', 'iothread', ...virtioOpts)],
    ['pcihole64', { attrs: ['unit'], text: true }],
  ],
};

const netSource: ElemSpec = {
  attrs: ['network', 'portgroup', 'portid', 'bridge', 'type', 'path', 'address', 'port', 'name', 'dev', 'mode', 'switchid', 'portgroupid', 'connectionid'],
  children: [
    ['local', leaf('address', 'port')],
    ['reconnect', reconnect],
    ['address', leaf('type', 'domain', 'bus', 'slot', 'function')],
    ['ip', leaf('address', 'family', 'prefix', 'peer')],
    ['route', leaf('family', 'address', 'netmask', 'prefix', 'gateway', 'metric')],
  ],
};

const iface: ElemSpec = {
  attrs: ['type', 'managed', 'trustGuestRxFilters'],
  children: [
    ['mac', leaf('address', 'type', 'check')],
    ['source', netSource],
    ['vlan', verbatim],
    ['virtualport', verbatim],
    ['bandwidth', verbatim],
    ['port', leaf('isolated')],
    ['ip', leaf('address', 'family', 'prefix', 'peer')],
    ['route', leaf('family', 'address', 'netmask', 'prefix', 'gateway', 'metric')],
    ['portForward', verbatim],
    ['script', leaf('path')],
    ['downscript', leaf('path')],
    ['backenddomain', leaf('name')],
    ['target', leaf('dev', 'managed')],
    ['guest', leaf('dev', 'actual')],
    ['model', leaf('type')],
    ['driver', {
      attrs: ['name', 'txmode', 'ioeventfd', 'event_idx', 'queues', 'rx_queue_size', 'tx_queue_size', 'rss', 'rss_hash_report', ...virtioOpts],
      children: [
        ['host', leaf('csum', 'gso', 'tso4', 'tso6', 'ecn', 'ufo', 'mrg_rxbuf')],
        ['guest', leaf('csum', 'tso4', 'tso6', 'ecn', 'ufo')],
      ],
    }],
    ['backend', leaf('type', 'tap', 'vhost', 'logFile')],
    ['filterref', { attrs: ['filter'], children: [['parameter', leaf('name', 'value')]] }],
    ['tune', { children: [['sndbuf', text]] }],
    ['teaming', leaf('type', 'persistent')],
    ['link', leaf('state')],
    ['mtu', leaf('size')],
    ['coalesce', verbatim],
  ],
};

const chrSource: ElemSpec = {
  attrs: ['mode', 'path', 'host', 'service', 'tls', 'append', 'channel', 'master', 'slave'],
  children: [['seclabel', seclabel], ['reconnect', reconnect], ['log', leaf('file', 'append')]],
};

const chr: ElemSpec = {
  attrs: ['type', 'tty'],
  children: [
    ['source', chrSource],
    ['protocol', leaf('type')],
    ['log', leaf('file', 'append')],
    ['target', { attrs: ['type', 'name', 'state', 'address', 'port'], children: [['model', leaf('name')]] }],
  ],
};

const graphicsListen = leaf('type', 'address', 'network', 'socket', 'fromConfig', 'autoGenerated');

const graphics: ElemSpec = {
  attrs: ['type', 'display', 'xauth', 'fullscreen', 'port', 'autoport', 'websocket', 'websocketGenerated', 'tlsPort', 'defaultMode', 'rendernode', 'socket', 'sharePolicy', 'keymap', 'passwd', 'passwdValidTo', 'connected', 'multiUser', 'replaceUser', 'powerControl', 'p2p', 'address', 'listen'],
  children: [
    ['listen', graphicsListen],
    ['channel', leaf('name', 'mode')],
    ['image', leaf('compression')],
    ['jpeg', leaf('compression')],
    ['zlib', leaf('compression')],
    ['playback', leaf('compression')],
    ['streaming', leaf('mode')],
    ['mouse', leaf('mode')],
    ['clipboard', leaf('copypaste')],
    ['filetransfer', leaf('enable')],
    ['gl', leaf('enable', 'rendernode')],
    ['audio', leaf('id')],
  ],
};

const video: ElemSpec = {
  children: [
    ['driver', leaf(...virtioOpts, 'vgaconf', 'name')],
    ['model', {
      attrs: ['type', 'ram', 'vram', 'vram64', 'vgamem', 'heads', 'primary', 'blob'],
      children: [['acceleration', leaf('accel3d', 'accel2d', 'rendernode')], ['resolution', leaf('x', 'y')]],
    }],
  ],
};

const input: ElemSpec = {
  attrs: ['type', 'bus', 'model'],
  children: [['driver', leaf(...virtioOpts)], ['source', leaf('evdev', 'dev', 'grab', 'grabToggle', 'repeat')]],
};

const memballoon: ElemSpec = {
  attrs: ['model', 'autodeflate', 'freePageReporting'],
  children: [['stats', leaf('period')], ['driver', leaf(...virtioOpts)]],
};

const rng: ElemSpec = {
  attrs: ['model'],
  children: [
    ['rate', leaf('bytes', 'period')],
    ['backend', { attrs: ['model', 'type'], text: true, children: [['source', leaf('mode', 'path', 'host', 'service', 'tls', 'channel', 'master', 'slave')], ['protocol', leaf('type')]] }],
    ['driver', leaf(...virtioOpts)],
  ],
};

const hostdevSource: ElemSpec = {
  attrs: ['startupPolicy', 'guestReset', 'autoAddress', 'protocol', 'name', 'wwpn', 'model', 'writeFiltering', 'display', 'ramfb'],
  children: [
    ['vendor', leaf('id')],
    ['product', leaf('id')],
    ['adapter', leaf('name')],
    ['address', leaf('type', 'domain', 'bus', 'slot', 'function', 'device', 'uuid', 'target', 'unit', 'cssid', 'ssid', 'devno')],
    ['host', leaf('name', 'port')],
    ['auth', verbatim],
    ['initiator', verbatim],
    ['block', text],
    ['char', text],
    ['interface', text],
  ],
};

const hostdev: ElemSpec = {
  attrs: ['mode', 'type', 'managed', 'sgio', 'rawio', 'model', 'display', 'ramfb'],
  children: [['driver', leaf('name')], ['source', hostdevSource], ['readonly', leaf()], ['shareable', leaf()], ['ip', leaf('address', 'family', 'prefix')], ['route', verbatim]],
};

const filesystem: ElemSpec = {
  attrs: ['type', 'accessmode', 'model', 'multidevs', 'fmode', 'dmode'],
  children: [
    ['driver', leaf('type', 'format', 'wrpolicy', 'queue', ...virtioOpts)],
    ['binary', verbatim],
    ['source', leaf('dir', 'file', 'dev', 'name', 'usage', 'units', 'socket', 'pool', 'volume')],
    ['target', leaf('dir')],
    ['idmap', verbatim],
    ['readonly', leaf()],
    ['space_hard_limit', { attrs: ['unit'], text: true }],
    ['space_soft_limit', { attrs: ['unit'], text: true }],
  ],
};

const sound: ElemSpec = {
  attrs: ['model', 'multichannel', 'streams'],
  children: [['codec', leaf('type')], ['audio', leaf('id')]],
};

const tpm: ElemSpec = {
  attrs: ['model'],
  children: [['backend', { attrs: ['type', 'version', 'persistent_state'], children: [['device', leaf('path')], ['encryption', leaf('secret')], ['active_pcr_banks', verbatim], ['source', leaf('type', 'path', 'mode')]] }]],
};

const shmem: ElemSpec = {
  attrs: ['name', 'role'],
  children: [['model', leaf('type')], ['size', { attrs: ['unit'], text: true }], ['server', leaf('path')], ['msi', leaf('vectors', 'ioeventfd')]],
};

const memory: ElemSpec = {
  attrs: ['model', 'access', 'discard'],
  children: [
    ['uuid', text],
    ['source', verbatim],
    ['target', verbatim],
  ],
};

export const DEVICE_SPECS: Record<DeviceKind, ElemSpec> = {
  disk,
  controller,
  lease: { children: [['lockspace', text], ['key', text], ['target', leaf('path', 'offset')]] },
  filesystem,
  interface: iface,
  smartcard: { attrs: ['mode', 'type'], children: [['certificate', text], ['database', text], ['source', chrSource], ['protocol', leaf('type')]] },
  serial: chr,
  parallel: chr,
  console: chr,
  channel: chr,
  input,
  tpm,
  graphics,
  sound,
  audio: { verbatim: true },
  video,
  hostdev,
  redirdev: { attrs: ['bus', 'type'], children: [['source', chrSource], ['protocol', leaf('type')]] },
  redirfilter: { children: [['usbdev', leaf('class', 'vendor', 'product', 'version', 'allow')]] },
  hub: { attrs: ['type'] },
  watchdog: { attrs: ['model', 'action'] },
  memballoon,
  rng,
  nvram: {},
  panic: { attrs: ['model'] },
  shmem,
  memory,
  iommu: { attrs: ['model'], children: [['driver', leaf('intremap', 'caching_mode', 'eim', 'iotlb', 'aw_bits', 'dma_translation')]] },
  vsock: { attrs: ['model'], children: [['cid', leaf('auto', 'address')]] },
};
