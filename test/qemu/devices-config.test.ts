// Persistent-config device edits on qemu:///embed (attach/detach/update-device, attach/detach-
// disk, attach/detach-interface, change-media, detach-device-alias) against real virsh 9.0 with
// libvirt's embedded QEMU driver, live in the same run, each on a private root. Every step is a
// new process on both sides, so each one also reads back the config the previous one wrote.
// Real virsh runs without /dev/kvm (nokvm.sh) so libvirt keeps its QEMU probe cached; the
// fixtures are type='qemu' guests. Masked: the roots and the MACs libvirt generates at random.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedRoot, fixtures, repo, runBin, type Result } from './embed.js';

const DIR = join(fixtures, 'devices');
const NOKVM = join(fixtures, 'argv', 'nokvm.sh');
const TIMEOUT = 300_000;

/** Steps that edit the configs; each is one virsh process on each side, compared whole. */
const GOOD: Array<[string, string]> = [
  ['define the i440fx and q35 guests', 'define dev-pc.xml; define dev-q35.xml'],
  ['attach-device --config: virtio disk (PCI slot), SCSI disk (implicit controller), NIC (generated MAC, default model)',
    'attach-device devpc disk-vdb.xml --config; attach-device devpc disk-sdc-scsi.xml --config; attach-device devpc iface-new.xml --config; dumpxml devpc'],
  ['--current on a shut-off guest means config; --persistent too', 'attach-device devpc watchdog.xml --current; attach-device devpc rng.xml --persistent; attach-device devpc input-tablet.xml --config; attach-device devpc ctrl-scsi.xml --config'],
  ['the next process loads what was saved', 'dumpxml devpc; dumpxml --inactive devpc'],
  ['attach-disk and attach-interface build their XML client-side',
    'attach-disk devpc /tmp/cd.iso hda --type cdrom --mode readonly --config; attach-disk devpc /tmp/s.img sdd --targetbus scsi --cache none --serial ABC --persistent; attach-interface devpc bridge br1 --target vnet7 --alias ua-net1 --model virtio --config; attach-device devpc disk-alias.xml --config; dumpxml devpc'],
  ['detach by alias, disk, interface type, device XML',
    'detach-device-alias devpc ua-extra; detach-device-alias devpc ua-net1 --config; detach-disk devpc sdd --persistent; detach-interface devpc user --config; detach-device devpc watchdog.xml --config; detach-device devpc input-tablet.xml --config; detach-device devpc rng.xml; dumpxml devpc'],
  ['change-media eject/insert/update (update-device on the cdrom)',
    'change-media devpc hdc --eject --config; change-media devpc hdd /tmp/new.iso --insert; change-media devpc hdc /tmp/upd.iso --update --current; change-media devpc hdd --eject --print-xml; dumpxml devpc'],
  ['update-device: cdrom, NIC by MAC, graphics by type',
    'update-device devpc cdrom-hdc.xml --config; update-device devpc iface-upd.xml; update-device devpc graphics-vnc.xml --config; dumpxml --security-info devpc'],
  ['q35: free root ports reused, pcie-to-pci-bridge for conventional PCI',
    'attach-device devq35 disk-vdb.xml --config; attach-interface devq35 network default --config; attach-interface devq35 bridge br0 --model virtio --mac 52:54:00:aa:bc:09 --config; attach-device devq35 disk-sdc-scsi.xml --config; attach-device devq35 input-tablet.xml --config; attach-device devq35 watchdog.xml --config; attach-device devq35 disk-alias.xml --config; dumpxml devq35'],
  ['character devices (virtio-serial port, virtio console), filesystem, sound, USB disk',
    'attach-device devpc chan-virtio.xml --config; attach-device devpc console-virtio.xml --config; attach-device devpc fs-share.xml --config; attach-device devq35 sound-ich6.xml --config; attach-device devq35 disk-usb.xml --config; dumpxml devpc; dumpxml devq35'],
  ['detach them again, the first serial port with its console', 'detach-device devpc chan-virtio.xml --config; detach-device devpc console-virtio.xml --config; detach-device devpc fs-share.xml --config; detach-device devq35 sound-ich6.xml --config; dumpxml devpc; dumpxml devq35'],
  ['PCI host device, vsock, shmem, virtio-serial controller, virtio input, IDE disk: each takes the next PCI slot',
    'attach-device devpc hostdev-pci.xml --config; attach-device devpc vsock.xml --config; attach-device devpc shmem.xml --config; attach-device devpc ctrl-virtio-serial.xml --config; attach-device devpc input-virtio.xml --config; attach-device devpc disk-hdb.xml --config; dumpxml devpc'],
  ['and detached', 'detach-device devpc hostdev-pci.xml --config; detach-device devpc vsock.xml --config; detach-device devpc input-virtio.xml --config; detach-device devpc disk-hdb.xml --config; dumpxml devpc'],
  ['q35: detach then attach again', 'detach-interface devq35 network --mac 52:54:00:aa:bc:01 --config; detach-disk devq35 vdb --config; attach-disk devq35 /tmp/new.img vdc --config; attach-interface devq35 network default --model e1000 --config; dumpxml devq35'],
  ['q35: an IDE disk (its controller gets no PCI address; the saved config loads back unvalidated)',
    'attach-disk devq35 /tmp/a.img hda --config; attach-disk devq35 /tmp/a.iso sdc --type cdrom --config; dumpxml devq35'],
  ['q35: a fully specified pcie-root-port takes the next root-port function', 'attach-device devq35 ctrl-rootport.xml --config; dumpxml devq35'],
  ['IOThreads and WWN where QEMU allows them', 'define dev-iot.xml; attach-disk iot /tmp/v.img vdb --iothread 2 --config; attach-disk iot /tmp/w.img sdd --wwn 0x5000c500a0b1c2d3 --targetbus scsi --config; dumpxml iot'],
  ['i440fx: once bus 0 is full a pci-bridge is added (one slot kept back for it)',
    `${Array.from({ length: 30 }, (_, i) => `attach-disk iot /tmp/f${i}.img vd${String.fromCharCode(99 + (i % 24))}${i >= 24 ? 'z' : ''} --config`).join('; ')}; dumpxml iot`],
  ['two edits in one process: the second works on a re-parsed copy (controllers in parser order)',
    'define dev-q35-min.xml; attach-disk q35min /tmp/x.img sdb --address sata:0.0.3 --config; attach-disk q35min /tmp/u.img sdc --targetbus usb --config; dumpxml q35min'],
];

/** Edits that must fail with libvirt's error and leave both configs byte for byte as they were. */
const BAD = [
  'attach-device devpc disk-vda.xml --config',
  'attach-device devpc disk-badbus.xml --config',
  'attach-disk devpc /tmp/x.img vdq --targetbus foo --config',
  'attach-device devpc disk-boot.xml --config',
  'attach-device devpc malformed.xml --config',
  'attach-device devpc unknown.xml --config',
  'attach-device devpc video.xml --config',
  'attach-device devpc graphics-vnc.xml --config',
  'attach-device devpc disk-vdb.xml',
  'attach-device devpc disk-vdb.xml --live --config',
  'attach-device devpc ctrl-usb0.xml --config',
  'attach-device devq35 watchdog.xml --config',
  'attach-device devpc iface-slot2.xml --config',
  'attach-device devq35 mem-dimm.xml --config',
  'attach-device devpc disk-volume.xml --config',
  'attach-disk devpc /tmp/w.img vdw --wwn 0x5000c500a0b1c2d3 --config',
  'attach-disk iot /tmp/v.img vdc --iothread 3 --config',
  'attach-disk iot /tmp/v.img sdc --iothread 1 --config',
  'attach-device devq35 ctrl-rootport-bare.xml --config',
  'attach-device devq35 ctrl-bridge-bare.xml --config',
  'attach-device devq35 ctrl-rootport-noport.xml --config',
  'attach-device devq35 panic.xml --config',
  'detach-device devq35 panic.xml --config',
  'update-device devq35 panic.xml --config',
  'attach-device devpc redir-spicevmc.xml --config',
  'attach-device devpc shmem.xml --config',
  'attach-device devpc memballoon.xml --config',
  'attach-device devpc disk-scsi-unit2.xml --config',
  'detach-device devpc vsock.xml --config',
  'detach-device devpc redir-spicevmc.xml --config',
  'detach-device devpc ctrl-virtio-serial.xml --config',
  'attach-device devpc console-serial.xml --config',
  'detach-device devpc console-serial.xml --config',
  'detach-device devpc fs-share.xml --config',
  'detach-device devpc sound-ich6.xml --config',
  'attach-device devq35 disk-usb.xml --config',
  'attach-device devq35 disk-alias.xml --config',
  'attach-device devpc disk-vdb.xml --config --current',
  'attach-device nosuch disk-vdb.xml --config',
  'attach-device devpc nofile.xml --config',
  'detach-device devpc disk-missing.xml --config',
  'detach-device devpc iface-nomatch.xml --config',
  'detach-device devpc iface-net-any.xml --config',
  'detach-device devpc video.xml --config',
  'detach-device devpc watchdog.xml --config',
  'detach-device devpc disk-vdb.xml',
  'detach-device-alias devpc ua-nope --config',
  'detach-device-alias devpc ua-nope --live',
  'update-device devpc disk-missing.xml --config',
  'update-device devpc graphics-spice.xml --config',
  'update-device devpc watchdog.xml --config',
  'update-device devpc cdrom-hdc.xml --live',
  'detach-disk devpc vdz --config',
  'detach-interface devpc network --config',
  'detach-interface devpc bridge --config',
  'detach-interface devpc bridge --config --print-xml',
  'detach-interface devpc bridge --print-xml',
  'change-media devpc vda --eject --config',
  'change-media devpc hdc /tmp/x.iso --insert --config',
];

/** MACs the fixtures and steps write; any other 52:54:00 MAC was generated. */
const fixedMacs = new Set(
  [...readdirSync(DIR).map((f) => readFileSync(join(DIR, f), 'utf8')), ...GOOD.map(([, c]) => c)].flatMap((t) =>
    [...t.matchAll(/52:54:00(:[0-9a-f]{2}){3}/g)].map((m) => m[0]),
  ),
);

const mask = (s: string, root: string) =>
  s.replaceAll(root, 'ROOT').replace(/52:54:00(:[0-9a-f]{2}){3}/g, (m) => (fixedMacs.has(m) ? m : 'GENERATED-MAC'));

let realRoot: string;
let tsRoot: string;

beforeAll(() => {
  realRoot = embedRoot('qemu-dev-real-');
  tsRoot = embedRoot('qemu-dev-ts-');
});
afterAll(() => {
  for (const r of [realRoot, tsRoot]) if (r) rmSync(r, { recursive: true, force: true });
});

async function both(cmd: string): Promise<{ real: Result; ts: Result }> {
  const [real, ts] = await Promise.all([
    runBin('unshare', ['-m', NOKVM, 'virsh', '-c', `qemu:///embed?root=${realRoot}`, cmd], DIR),
    runBin(join(repo, 'bin', 'virsh-ts'), ['-c', `qemu:///embed?root=${tsRoot}`, cmd], DIR),
  ]);
  const m = (r: Result, root: string) => ({ stdout: mask(r.stdout, root), stderr: mask(r.stderr, root), code: r.code });
  return { real: m(real, realRoot), ts: m(ts, tsRoot) };
}

const config = (root: string, name: string) => readFileSync(join(root, 'etc', 'qemu', `${name}.xml`), 'utf8');

describe('device edits on shut-off guests (config)', () => {
  for (const [title, cmd] of GOOD) {
    it(title, async () => {
      const { real, ts } = await both(cmd);
      expect(real.code).toBe(0);
      expect(ts).toEqual(real);
    }, TIMEOUT);
  }

  it('the saved configs hold the same bytes', () => {
    for (const name of ['devpc', 'devq35']) expect(mask(config(tsRoot, name), tsRoot)).toBe(mask(config(realRoot, name), realRoot));
  });
});

describe('bad device edits', () => {
  let before: Record<string, string>;
  beforeAll(() => {
    before = Object.fromEntries(['devpc', 'devq35'].flatMap((n) => [[`real:${n}`, config(realRoot, n)], [`ts:${n}`, config(tsRoot, n)]]));
  });

  for (const cmd of BAD) {
    it(cmd, async () => {
      const { real, ts } = await both(cmd);
      expect(real.code).toBe(1);
      expect(ts).toEqual(real);
    }, TIMEOUT);
  }

  it('a failed edit leaves the config file byte-identical', () => {
    for (const name of ['devpc', 'devq35']) {
      expect(config(realRoot, name)).toBe(before[`real:${name}`]);
      expect(config(tsRoot, name)).toBe(before[`ts:${name}`]);
    }
  });
});
