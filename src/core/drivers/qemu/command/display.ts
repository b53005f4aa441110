import type { JsonProps, QemuCommand } from './argv.js';
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

/** -vnc ADDRESS:DISPLAY[,…] (qemuBuildGraphicsVNCCommandLine); an autoport means 5900 until started. */
export function buildGraphics(cmd: QemuCommand, def: DomainDef): void {
  for (const g of devicesOf(def, 'graphics')) {
    const type = attr(g.el, 'type');
    if (type !== 'vnc') throw qemuError('CONFIG_UNSUPPORTED', `graphics type '${type}' is not supported by virsh-ts`);
    const listen = sub(g.el, 'listen');
    let opt: string;
    if (attr(listen, 'type') === 'socket') opt = `unix:${attr(listen, 'socket')}`;
    else {
      const port = attr(g.el, 'autoport') === 'yes' ? 5900 : Number(attr(g.el, 'port'));
      const addr = attr(listen, 'address') ?? attr(g.el, 'listen') ?? '127.0.0.1';
      opt = `${addr.includes(':') ? `[${addr}]` : addr}:${port - 5900}`;
    }
    const ws = attr(g.el, 'websocket');
    if (ws) opt += `,websocket=${ws}`;
    const share = attr(g.el, 'sharePolicy');
    if (share) opt += `,share=${share}`;
    if (attr(g.el, 'passwd') !== undefined) opt += ',password=on';
    const audio = attr(sub(g.el, 'audio'), 'id') ?? attr(devicesOf(def, 'audio')[0]?.el, 'id');
    if (audio) opt += `,audiodev=audio${audio}`;
    cmd.add('-vnc', opt);
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
