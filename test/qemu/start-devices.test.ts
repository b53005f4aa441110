// Started guests with the devices admins use, against real virsh 9.0 on libvirt's embedded
// driver, same XML, same run: the live XML, the QEMU command line libvirt logged, what QEMU
// reports over QMP, and what the start leaves on the host (TAP devices, VNC ports) once the
// guest is gone. One guest per side at a time, most started paused (their CPUs never run).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QmpClient } from '../../src/core/drivers/qemu/qmp/index.js';
import { createDiskImage, READ_PREFIX, tinyGuest } from '../helpers/guest.js';
import type { Result } from './embed.js';
import { GuestPair, qemuPidsUnder, type GuestOptions, type Side } from './guest-pair.js';

const LONG = 300_000;
const SIDES = ['real', 'ts'] as const;
/** A private bridge, never given an address or a route: the tap devices only join it. */
const BRIDGE = `vtsbr${process.pid % 10000}`;
let pair: GuestPair;
let loopDev: string | undefined;

/**
 * Values the host hands out from pools both sides share, so which side gets which differs
 * from run to run: TAP device names (vnetN) and VNC display/websocket ports. The tests check
 * them on their own (a device on the bridge, ports in range, distinct, released). The TAP
 * devices a test makes beforehand are one per side (vtstapr…/vtstapt…).
 */
function maskShared(s: string): string {
  return s
    .replace(/\bvnet\d+\b/g, 'vnetN')
    .replace(/\bvtstap[rt]\d+\b/g, 'vtstapN')
    .replace(/(port|websocket)='(5[7-9]\d\d|[6-9]\d{3}|\d{5})'/g, "$1='PORT'")
    .replace(/-vnc 127\.0\.0\.1:\d+,websocket=\d+/g, '-vnc 127.0.0.1:D,websocket=WS')
    .replace(/-vnc 127\.0\.0\.1:\d+/g, '-vnc 127.0.0.1:D');
}

async function same(...args: string[]): Promise<Result> {
  const { real, ts } = await pair.both(...args);
  const m = (r: Result) => ({ ...r, stdout: maskShared(r.stdout), stderr: maskShared(r.stderr) });
  expect(m(ts)).toEqual(m(real));
  return real;
}

/**
 * The argv lines of the last start in ROOT/log/qemu/NAME.log, the root masked, and the
 * descriptor numbers libvirt passes (whatever its process had free) and generated UUIDs.
 */
function loggedArgv(side: Side, name: string): string[] {
  const root = pair.roots[side];
  const log = readFileSync(join(root, 'log', 'qemu', `${name}.log`), 'utf8');
  const start = log.lastIndexOf('starting up libvirt');
  const lines = log.slice(log.indexOf('\n', start) + 1).split('\n');
  const end = lines.findIndex((l) => !l.endsWith(' \\'));
  return lines
    .slice(0, end + 1)
    .map((l) => maskShared(l.replaceAll(root, 'ROOT')))
    .map((l) =>
      l
        .replace(/ \\$/, '')
        .replace(/"fd":"\d+"/g, '"fd":"N"')
        .replace(/fd=\d+/g, 'fd=N')
        .replace(/^-uuid .*/, '-uuid UUID'),
    );
}

/** The private directory of the running guest NAME (domain-ID-NAME). */
function domainDir(side: Side, name: string): string {
  const lib = join(pair.roots[side], 'lib', 'qemu');
  const dir = readdirSync(lib).find((d) => new RegExp(`^domain-\\d+-${name}$`).test(d));
  if (!dir) throw new Error(`${side}: no private directory for ${name}`);
  return join(lib, dir);
}

/** QMP answers straight from each side's QEMU (no virsh process holds the monitor meanwhile). */
async function qmp(side: Side, name: string, command: string): Promise<unknown> {
  const client = await QmpClient.connect(join(domainDir(side, name), 'monitor.sock'), { vmName: name, timeoutMs: 30_000 });
  try {
    return await client.execute(command);
  } finally {
    client.close();
  }
}

async function sameQmp(name: string, command: string, mask: (s: string, side: Side) => string = (s) => s): Promise<unknown> {
  const [real, ts] = await Promise.all(SIDES.map(async (side) => mask(maskShared(JSON.stringify(await qmp(side, name, command)).replaceAll(pair.roots[side], 'ROOT')), side)));
  expect(JSON.parse(ts)).toEqual(JSON.parse(real));
  return JSON.parse(real);
}

/** Edits both sides' ROOT/NAME.xml (for what writeGuest has no option for). */
function editGuest(name: string, edit: (xml: string) => string): void {
  for (const side of SIDES) {
    const path = join(pair.roots[side], `${name}.xml`);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }
}

/**
 * GuestPair.writeGuest, then ROOT/ in the XML becomes each side's root and the kernel and
 * initramfs each side's own copy: libvirt's DAC driver records a file's owner while a guest
 * uses it and refuses a second guest that would give it another owner, and the shared copies
 * are in use by other tests' guests running as other users.
 */
async function writeGuest(name: string, options: GuestOptions): Promise<void> {
  await pair.writeGuest(name, options);
  const guest = await tinyGuest();
  for (const side of SIDES) {
    const root = pair.roots[side];
    const path = join(root, `${name}.xml`);
    const xml = readFileSync(path, 'utf8')
      .replaceAll('ROOT/', `${root}/`)
      .replace(guest.kernel, join(root, 'vmlinuz'))
      .replace(guest.initrd, join(root, 'initrd.gz'));
    writeFileSync(path, xml);
  }
}

/** Starts NAME on both sides from the same XML and compares the live XML and the logged argv. */
async function startBoth(name: string, options: GuestOptions, edit: (xml: string) => string = (x) => x): Promise<string> {
  await writeGuest(name, options);
  editGuest(name, edit);
  const r = await same(`define ROOT/${name}.xml; start ${name} --paused; dumpxml ${name}`);
  expect(r.code).toBe(0);
  expect(loggedArgv('ts', name)).toEqual(loggedArgv('real', name));
  return r.stdout;
}

/**
 * Destroys the guests, each in a process that first takes a job (so real virsh's takeover has
 * finished); then no QEMU runs under virsh-ts's root.
 */
async function destroyBoth(...names: string[]): Promise<void> {
  for (const name of names) await same(`domstate ${name} --reason; suspend ${name}; destroy ${name}; domstate ${name} --reason; undefine ${name}`);
  expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
}

const tapNames = (xml: string) => [...xml.matchAll(/<target dev='(vnet\d+)'\/>/g)].map((m) => m[1]);
const netDevExists = (dev: string) => existsSync(`/sys/class/net/${dev}`);
const vncPorts = (xml: string) => [...xml.matchAll(/<graphics type='vnc' port='(\d+)'/g)].map((m) => Number(m[1]));

function portBindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen({ port, host: '127.0.0.1' }, () => s.close(() => resolve(true)));
  });
}

beforeAll(async () => {
  pair = new GuestPair();
  // The two sides start guests at the same moment, and a port is only found taken once a QEMU
  // listens on it: each side gets display ports of its own, or both could pick the same one.
  writeFileSync(join(pair.roots.ts, 'etc', 'qemu.conf'), `${readFileSync(join(pair.roots.ts, 'etc', 'qemu.conf'), 'utf8')}remote_display_port_min = 5960\nwebsocket_port_min = 5760\n`);
  execFileSync('ip', ['link', 'add', BRIDGE, 'type', 'bridge']);
  const guest = await tinyGuest();
  for (const side of SIDES) {
    const root = pair.roots[side];
    copyFileSync(guest.kernel, join(root, 'vmlinuz'));
    copyFileSync(guest.initrd, join(root, 'initrd.gz'));
    await createDiskImage(join(root, 'raw.img'), 'raw', 16);
    writeFileSync(join(root, 'raw.img'), 'DISKDATA\n', { flag: 'r+' });
    await createDiskImage(join(root, 'sata.qcow2'), 'qcow2', 16);
    await createDiskImage(join(root, 'scsi.qcow2'), 'qcow2', 16);
    await createDiskImage(join(root, 'cd.iso'), 'raw', 1);
    await createDiskImage(join(root, 'ro.img'), 'raw', 1);
  }
  // Both sides' guests use the same block device; the guests run one after the other, read-only.
  await createDiskImage(join(pair.roots.ts, 'block.img'), 'raw', 4);
  loopDev = execFileSync('losetup', ['-f', '--show', join(pair.roots.ts, 'block.img')], { encoding: 'utf8' }).trim();
}, LONG);

afterAll(() => {
  pair?.remove();
  if (loopDev) execFileSync('losetup', ['-d', loopDev]);
  execFileSync('ip', ['link', 'del', BRIDGE]);
});

describe('started guests with devices, against real libvirt', () => {
  it('disks: raw and qcow2 files, a block device, virtio/sata/ide/scsi, cdroms with and without media, readonly, cache modes, boot order', async () => {
    const devices = `
    <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='writeback'/><source file='ROOT/sata.qcow2'/><target dev='sda' bus='sata'/></disk>
    <controller type='scsi' model='virtio-scsi'/>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2' cache='directsync'/><source file='ROOT/scsi.qcow2'/><target dev='sdb' bus='scsi'/></disk>
    <disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='ROOT/cd.iso'/><target dev='hdc' bus='ide'/><readonly/></disk>
    <disk type='file' device='cdrom'><target dev='hdd' bus='ide'/><readonly/></disk>
    <disk type='file' device='disk'><driver name='qemu' type='raw' cache='unsafe'/><source file='ROOT/ro.img'/><target dev='vdb' bus='virtio'/><readonly/></disk>
    <disk type='block' device='disk'><driver name='qemu' type='raw' cache='none'/><source dev='${loopDev}'/><target dev='vdc' bus='virtio'/><readonly/><boot order='2'/></disk>`;
    await writeGuest('disks', { disk: { path: 'ROOT/raw.img', format: 'raw' }, read: true, devices });
    // The tiny guest reads its first disk at boot: it runs, not paused.
    const r = await same('define ROOT/disks.xml; start disks; dumpxml disks');
    expect(r.code).toBe(0);
    expect(loggedArgv('ts', 'disks')).toEqual(loggedArgv('real', 'disks'));
    await Promise.all(SIDES.map((side) => pair.waitSerial(side, 'disks', `${READ_PREFIX}DISKDATA`)));
    // How many blocks the host file system gave an image is its business, not libvirt's.
    await sameQmp('disks', 'query-block', (s) => s.replace(/"actual-size":\d+/g, '"actual-size":0'));
    await sameQmp('disks', 'query-pci');
    await destroyBoth('disks');
  }, LONG);

  it('interfaces: user, bridge and ethernet with libvirt-made TAP devices, virtio/e1000/rtl8139, fixed MACs', async () => {
    const devices = `
    <interface type='user'><mac address='52:54:00:5a:00:01'/><model type='virtio'/></interface>
    <interface type='bridge'><mac address='52:54:00:5a:00:02'/><source bridge='${BRIDGE}'/><model type='e1000'/></interface>
    <interface type='ethernet'><mac address='52:54:00:5a:00:03'/><model type='virtio'/></interface>
    <interface type='user'><mac address='52:54:00:5a:00:04'/><model type='rtl8139'/></interface>`;
    const xml = await startBoth('nets', { devices });
    await sameQmp('nets', 'query-pci');
    // The TAP devices exist while the guest runs: the bridge one on the bridge, MAC FE:…
    const taps = tapNames((await pair.run('ts', 'dumpxml', 'nets')).stdout);
    expect(taps).toHaveLength(2);
    expect(readFileSync(`/sys/class/net/${taps[0]}/address`, 'utf8').trim()).toBe('fe:54:00:5a:00:02');
    expect(existsSync(`/sys/class/net/${BRIDGE}/brif/${taps[0]}`)).toBe(true);
    expect(readFileSync(`/sys/class/net/${taps[1]}/address`, 'utf8').trim()).toBe('fe:54:00:5a:00:03');
    expect(tapNames(xml)).toHaveLength(2);
    await destroyBoth('nets');
    for (const t of taps) expect(netDevExists(t)).toBe(false);
  }, LONG);

  it("ethernet on a TAP device made beforehand (managed='no'): used as it is, and kept", async () => {
    // A TAP device takes one user at a time: each side gets its own, named in the masked form.
    const own = { real: `vtstapr${process.pid % 10000}`, ts: `vtstapt${process.pid % 10000}` };
    for (const dev of Object.values(own)) execFileSync('ip', ['tuntap', 'add', 'dev', dev, 'mode', 'tap', 'vnet_hdr']);
    try {
      const devices = "<interface type='ethernet'><mac address='52:54:00:5a:00:05'/><target dev='OWNTAP' managed='no'/><model type='virtio'/></interface>";
      await writeGuest('ownTap', { devices });
      for (const side of SIDES) {
        const path = join(pair.roots[side], 'ownTap.xml');
        writeFileSync(path, readFileSync(path, 'utf8').replace('OWNTAP', own[side]));
      }
      const r = await same('define ROOT/ownTap.xml; start ownTap --paused; dumpxml ownTap; domiflist ownTap');
      expect(r.code).toBe(0);
      expect(loggedArgv('ts', 'ownTap')).toEqual(loggedArgv('real', 'ownTap'));
      await destroyBoth('ownTap');
      for (const dev of Object.values(own)) expect(netDevExists(dev)).toBe(true);
    } finally {
      for (const dev of Object.values(own)) execFileSync('ip', ['link', 'del', dev]);
    }
  }, LONG);

  it('refuses interfaces it cannot connect, leaving no TAP device behind', async () => {
    const before = readdirSync('/sys/class/net').sort();
    const cases: Record<string, string> = {
      'bad-net': "<interface type='network'><source network='default'/></interface>",
      'bad-br': `<interface type='ethernet'/><interface type='bridge'><source bridge='${BRIDGE}x'/></interface>`,
      'bad-tap': "<interface type='ethernet'><target dev='vtsnotap0' managed='no'/></interface>",
      // The kernel is found missing after the TAP devices were made: they go again.
      'bad-kernel': `<interface type='bridge'><source bridge='${BRIDGE}'/></interface><interface type='ethernet'/>`,
    };
    for (const [name, devices] of Object.entries(cases)) {
      await writeGuest(name, { devices });
      if (name === 'bad-kernel') editGuest(name, (xml) => xml.replace(/<kernel>[^<]*<\/kernel>/, '<kernel>/nonexistent/vmlinuz</kernel>'));
      expect((await same(`create ROOT/${name}.xml; list --all`)).stderr).toMatch(/^error: Failed to create domain/m);
    }
    expect(readdirSync('/sys/class/net').sort()).toEqual(before);
    expect(qemuPidsUnder([pair.roots.ts])).toEqual([]);
  }, LONG);

  it('vnc with autoport and websocket, video, usb tablet, no balloon, pty serial and console, unix channel', async () => {
    const devices = `
    <serial type='pty'/>
    <console type='pty'/>
    <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>
    <channel type='unix'><target type='virtio'/></channel>
    <graphics type='vnc' autoport='yes' websocket='-1'/>
    <video><model type='cirrus'/></video>
    <input type='tablet' bus='usb'/>
    <memballoon model='none'/>`;
    await startBoth('vnc1', { devices });
    const mask = (s: string) => s.replace(/"service":"\d+"/g, '"service":"PORT"').replace(/\/dev\/pts\/\d+/g, '/dev/pts/N');
    await sameQmp('vnc1', 'query-vnc', mask);
    await sameQmp('vnc1', 'query-chardev', mask);
    await sameQmp('vnc1', 'query-pci');
    // A second guest's display takes another port; stopping either gives its port back.
    await startBoth('vnc2', { devices: "<graphics type='vnc' autoport='yes'/><video><model type='vga'/></video>" });
    for (const side of SIDES) {
      const ports = [...vncPorts((await pair.run(side, 'dumpxml', 'vnc1')).stdout), ...vncPorts((await pair.run(side, 'dumpxml', 'vnc2')).stdout)];
      expect(ports).toHaveLength(2);
      expect(new Set(ports).size).toBe(2);
      for (const p of ports) expect(p).toBeGreaterThanOrEqual(5900);
    }
    const tsPorts = vncPorts((await pair.run('ts', 'dumpxml', 'vnc1')).stdout);
    await destroyBoth('vnc1', 'vnc2');
    for (const p of tsPorts) expect(await portBindable(p)).toBe(true);
    expect(readdirSync(join(pair.roots.ts, 'lib', 'qemu', 'channel', 'target'))).toEqual([]);
  }, LONG);

  it('q35 with vcpus in a topology, more memory, virtio video; pc without video', async () => {
    await startBoth(
      'q35',
      { memoryMiB: 128, devices: "<video><model type='virtio'/></video><graphics type='vnc' autoport='yes'/>" },
      (xml) =>
        xml
          .replace("machine='pc'", "machine='q35'")
          .replace('<vcpu>1</vcpu>', "<vcpu>4</vcpu>\n  <cpu><topology sockets='2' dies='1' cores='2' threads='1'/></cpu>"),
    );
    await sameQmp('q35', 'query-pci');
    await sameQmp('q35', 'query-cpus-fast', (s) => s.replace(/"thread-id":\d+/g, '"thread-id":0'));
    await destroyBoth('q35');
    await startBoth('novideo', { devices: "<video><model type='none'/></video><graphics type='vnc' autoport='yes'/>" });
    await sameQmp('novideo', 'query-pci');
    await destroyBoth('novideo');
  }, LONG);
});
