import type { JsonProps, QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { addressProps } from './address.js';
import { attr, devicesOf, sub, subs } from './util.js';
import { qemuError } from './errors.js';

/** Sound models → QEMU devices; HDA controllers take codecs instead of an audiodev. */
const SOUND_DRIVERS: Record<string, string> = { es1370: 'ES1370', ac97: 'AC97', ich6: 'intel-hda', usb: 'usb-audio', ich9: 'ich9-intel-hda', sb16: 'sb16' };
const HDA = ['ich6', 'ich7', 'ich9'];
const CODECS: Record<string, string> = { duplex: 'hda-duplex', micro: 'hda-micro', output: 'hda-output' };

/** qemuGetAudioIDString: the sound's own <audio id>, else the first audio backend. */
function audioId(def: DomainDef, id: string | undefined): string | undefined {
  const a = id ?? attr(devicesOf(def, 'audio')[0]?.el, 'id');
  return a === undefined ? undefined : `audio${a}`;
}

/** Sound cards and their HDA codecs (qemuBuildSoundCommandLine). */
export function buildSounds(cmd: QemuCommand, def: DomainDef): void {
  for (const s of devicesOf(def, 'sound')) {
    const model = attr(s.el, 'model') ?? '';
    if (model === 'pcspk') {
      cmd.add('-soundhw', 'pcspk');
      continue;
    }
    const driver = SOUND_DRIVERS[model];
    if (!driver) throw qemuError('CONFIG_UNSUPPORTED', `sound card model '${model}' is not supported by qemu`);
    const alias = s.info.alias!;
    const audio = audioId(def, attr(sub(s.el, 'audio'), 'id'));
    cmd.addJson('-device', { driver, id: alias, audiodev: HDA.includes(model) ? undefined : audio, ...addressProps(def, s.info) });
    if (!HDA.includes(model)) continue;
    const codecs = subs(s.el, 'codec');
    const list = codecs.length ? codecs.map((c) => attr(c, 'type') ?? 'duplex') : ['duplex'];
    list.forEach((type, cad) => {
      cmd.addJson('-device', { driver: CODECS[type], id: `${alias}-codec${cad}`, bus: `${alias}.0`, cad, audiodev: audio });
    });
  }
}

/** The watchdog device and QEMU's action ('dump' is libvirt's own: QEMU pauses). */
export function buildWatchdog(cmd: QemuCommand, def: DomainDef): void {
  for (const w of devicesOf(def, 'watchdog')) {
    const model = attr(w.el, 'model') ?? '';
    cmd.addJson('-device', { driver: model, id: w.info.alias, ...addressProps(def, w.info) });
    const action = attr(w.el, 'action') ?? 'reset';
    cmd.add('-watchdog-action', action === 'dump' ? 'pause' : action);
  }
}

/** RNG backends as objects and virtio-rng devices (qemuBuildRNGCommandLine). */
export function buildRngs(cmd: QemuCommand, def: DomainDef): void {
  for (const r of devicesOf(def, 'rng')) {
    const alias = r.info.alias!;
    const backend = sub(r.el, 'backend');
    if (attr(backend, 'model') !== 'random') throw qemuError('CONFIG_UNSUPPORTED', `rng backend '${attr(backend, 'model')}' is not supported by virsh-ts`);
    cmd.addJson('-object', { 'qom-type': 'rng-random', id: `obj${alias}`, filename: backend?.text ?? '/dev/urandom' });
    const rate = sub(r.el, 'rate');
    const props: JsonProps = {
      driver: 'virtio-rng-pci',
      rng: `obj${alias}`,
      id: alias,
      'max-bytes': attr(rate, 'bytes') ? Number(attr(rate, 'bytes')) : undefined,
      period: attr(rate, 'bytes') ? Number(attr(rate, 'period') ?? 1000) : undefined,
    };
    cmd.addJson('-device', { ...props, ...addressProps(def, r.info) });
  }
}
