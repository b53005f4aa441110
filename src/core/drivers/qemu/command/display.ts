import { escapeComma, type JsonProps, type QemuCommand } from './argv.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { addressProps } from './address.js';
import { attr, devicesOf, sub } from './util.js';
import { qemuError } from './errors.js';

/** -audiodev per <audio> (qemuBuildAudioCommandLine); only the silent backend here. */
export function buildAudio(cmd: QemuCommand, def: DomainDef): void {
  for (const a of devicesOf(def, 'audio')) {
    const type = attr(a.el, 'type');
    if (type !== 'none') throw qemuError('CONFIG_UNSUPPORTED', `audio type '${type}' is not supported by virsh-ts`);
    cmd.addJson('-audiodev', { id: `audio${attr(a.el, 'id')}`, driver: 'none' });
  }
}

/**
 * The port a graphics device listens on: its allocated port once started, else what
 * libvirt prints when only pretending (VNC 5900, SPICE 5901).
 */
function graphicsPort(g: DeviceDef, pretend: number): number {
  const port = Number(attr(g.el, 'port') ?? -1);
  return attr(g.el, 'autoport') === 'yes' && port <= 0 ? pretend : port;
}

/** -vnc ADDRESS:DISPLAY[,…] (qemuBuildGraphicsVNCCommandLine). */
function vncArgs(def: DomainDef, g: DeviceDef): string[] {
  const listen = sub(g.el, 'listen');
  let opt: string;
  if (attr(listen, 'type') === 'socket') opt = `vnc=unix:${escapeComma(attr(listen, 'socket') ?? '')}`;
  else {
    const addr = attr(listen, 'address') ?? attr(g.el, 'listen') ?? '127.0.0.1';
    opt = `${addr.includes(':') ? `[${addr}]` : addr}:${graphicsPort(g, 5900) - 5900}`;
  }
  const ws = attr(g.el, 'websocket');
  if (ws) opt += `,websocket=${ws}`;
  const share = attr(g.el, 'sharePolicy');
  if (share) opt += `,share=${share}`;
  if (attr(g.el, 'passwd') !== undefined) opt += ',password=on';
  const audio = attr(sub(g.el, 'audio'), 'id') ?? attr(devicesOf(def, 'audio')[0]?.el, 'id');
  if (audio) opt += `,audiodev=audio${audio}`;
  return ['-vnc', opt];
}

/** SPICE options that are a child element's one attribute, in libvirt's order. */
const SPICE_TUNABLES: Array<[string, string, string]> = [
  ['image', 'compression', 'image-compression'],
  ['jpeg', 'compression', 'jpeg-wan-compression'],
  ['zlib', 'compression', 'zlib-glz-wan-compression'],
  ['playback', 'compression', 'playback-compression'],
  ['streaming', 'mode', 'streaming-video'],
];

/** -spice port=…,addr=…,… (qemuBuildGraphicsSPICECommandLine, without TLS). */
function spiceArgs(g: DeviceDef): string[] {
  const listen = sub(g.el, 'listen');
  let opt = '';
  const ltype = attr(listen, 'type') ?? 'address';
  if (ltype === 'socket') opt += `unix,addr=${escapeComma(attr(listen, 'socket') ?? '')},`;
  else if (ltype === 'none') opt += 'port=0,';
  else {
    const port = graphicsPort(g, 5901);
    if (port > 0) opt += `port=${port},addr=${attr(listen, 'address') ?? attr(g.el, 'listen') ?? '127.0.0.1'},`;
  }
  const mouse = attr(sub(g.el, 'mouse'), 'mode');
  if (mouse === 'server' || mouse === 'client') opt += `agent-mouse=${mouse === 'client' ? 'on' : 'off'},`;
  if (attr(g.el, 'passwd') === undefined) opt += 'disable-ticketing=on,';
  for (const [el, a, key] of SPICE_TUNABLES) {
    const v = attr(sub(g.el, el), a);
    if (v) opt += `${key}=${v},`;
  }
  if (attr(sub(g.el, 'clipboard'), 'copypaste') === 'no') opt += 'disable-copy-paste=on,';
  if (attr(sub(g.el, 'filetransfer'), 'enable') === 'no') opt += 'disable-agent-file-xfer=on,';
  opt += 'seamless-migration=on';
  return ['-spice', opt];
}

/** Graphics in definition order. */
export function buildGraphics(cmd: QemuCommand, def: DomainDef): void {
  for (const g of devicesOf(def, 'graphics')) {
    const type = attr(g.el, 'type');
    if (type === 'vnc') cmd.add(...vncArgs(def, g));
    else if (type === 'spice') cmd.add(...spiceArgs(g));
    else throw qemuError('CONFIG_UNSUPPORTED', `graphics type '${type}' is not supported by virsh-ts`);
  }
}

const num = (e: DeviceDef['el'] | undefined, k: string) => Number(attr(e, k) ?? 0);

/** The video device and its memory sizes (qemuBuildDeviceVideoCmd). */
function videoProps(v: DeviceDef): JsonProps {
  const m = sub(v.el, 'model');
  const type = attr(m, 'type') ?? 'vga';
  const primary = attr(m, 'primary') === 'yes';
  const base: Record<string, string> = {
    vga: 'VGA', cirrus: 'cirrus-vga', vmvga: 'vmware-svga', bochs: 'bochs-display', ramfb: 'ramfb',
    qxl: primary ? 'qxl-vga' : 'qxl', virtio: primary ? 'virtio-vga' : 'virtio-gpu-pci',
  };
  const driver = base[type];
  if (!driver) throw qemuError('CONFIG_UNSUPPORTED', `video type '${type}' is not supported by virsh-ts`);
  const props: JsonProps = { driver, id: v.info.alias };
  if (type === 'qxl' || type === 'virtio') props.max_outputs = num(m, 'heads') || undefined;
  if (type === 'qxl') {
    Object.assign(props, { ram_size: num(m, 'ram') * 1024, vram_size: num(m, 'vram') * 1024, vram64_size_mb: Math.floor(num(m, 'vram64') / 1024), vgamem_mb: Math.floor(num(m, 'vgamem') / 1024) });
  } else if (type === 'vga' || type === 'vmvga') props.vgamem_mb = Math.floor(num(m, 'vram') / 1024) || undefined;
  else if (type === 'bochs') props.vgamem = num(m, 'vram') * 1024 || undefined;
  return props;
}

export function buildVideos(cmd: QemuCommand, def: DomainDef): void {
  for (const v of devicesOf(def, 'video')) {
    if (attr(sub(v.el, 'model'), 'type') === 'none') continue;
    cmd.addJson('-device', { ...videoProps(v), ...addressProps(def, v.info) });
  }
}

/** The memory balloon (qemuBuildMemballoonCommandLine); its stats period is set over QMP. */
export function buildBalloon(cmd: QemuCommand, def: DomainDef): void {
  for (const b of devicesOf(def, 'memballoon')) {
    if (attr(b.el, 'model') !== 'virtio') continue;
    const onOff = (k: string) => (attr(b.el, k) === undefined ? undefined : attr(b.el, k) === 'on');
    cmd.addJson('-device', { driver: 'virtio-balloon-pci', id: b.info.alias, 'deflate-on-oom': onOff('autodeflate'), 'free-page-reporting': onOff('freePageReporting'), ...addressProps(def, b.info) });
  }
}
