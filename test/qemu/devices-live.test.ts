// Device edits on a running guest under qemu:///embed against real virsh 9.0 on libvirt's
// embedded driver, same XML and steps in one run: disks and user-mode NICs plugged and
// unplugged, CD-ROM media inserted, changed and ejected, a NIC's link state, the --live /
// --config / --persistent / --current combinations, SCSI disks (and the controller one brings), a
// q35 guest's root ports, and the refusals (missing image, duplicate target or address,
// unknown device, a bus QEMU cannot hotplug, a kind libvirt cannot, a shut-off guest).
// Each side's QEMU is asked what it really has (block nodes, peripherals), so a failed attach
// is seen to leave nothing behind.
//
// Real libvirt takes a running guest over in a background thread of each new process; a
// command that takes a job waits for that, a plain dumpxml does not (and may show the drive
// before the takeover has found it empty). So the live XML is read after a job-taking command
// in the same process (a monitor command here). So does any step that would otherwise end
// before the takeover has: real libvirt can crash exiting in the middle of one.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READY_MARKER } from '../helpers/guest.js';
import type { Result } from './embed.js';
import { GuestPair, type Side } from './guest-pair.js';

let pair: GuestPair;
const LONG = 300_000;
const MAC1 = '52:54:00:6c:69:31';
const MAC2 = '52:54:00:6c:69:32';
const JOB = 'qemu-monitor-command g --hmp info version';
const LIVE_XML = `${JOB}; dumpxml g`;

const CDROM = "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='hdc' bus='ide'/><readonly/></disk><controller type='scsi' model='virtio-scsi'/>";
const nic = (mac: string, model: string, link = '') => `<interface type='user'><mac address='${mac}'/><model type='${model}'/>${link}</interface>\n`;

/** The same file under each root (ROOT replaced by that root). */
function writeBoth(name: string, text: string): void {
  for (const root of Object.values(pair.roots)) writeFileSync(join(root, name), text.replaceAll('ROOT', root));
}

beforeAll(async () => {
  pair = new GuestPair();
  for (const root of Object.values(pair.roots)) {
    for (const [img, fmt] of [['a.img', 'raw'], ['b.qcow2', 'qcow2'], ['c.img', 'raw'], ['q.img', 'raw'], ['s.img', 'raw'], ['sy.img', 'raw'], ['cd1.iso', 'raw'], ['cd2.iso', 'raw']])
      execFileSync('qemu-img', ['create', '-q', '-f', fmt, join(root, img), '4M']);
  }
  await pair.writeGuest('g', { devices: CDROM });
  await pair.writeGuest('off');
  await pair.writeGuest('q');
  for (const root of Object.values(pair.roots)) {
    const file = join(root, 'q.xml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("machine='pc'", "machine='q35'"));
  }
  writeBoth('nic1.xml', nic(MAC1, 'virtio'));
  writeBoth('nic2.xml', nic(MAC2, 'e1000'));
  writeBoth('nic2-down.xml', nic(MAC2, 'e1000', "<link state='down'/>"));
  writeBoth('nic2-model.xml', nic(MAC2, 'rtl8139'));
  writeBoth('nic-missing.xml', nic('52:54:00:6c:69:39', 'virtio'));
  writeBoth('sound.xml', "<sound model='ich6'/>\n");
  writeBoth('disk-c.xml', "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='ROOT/c.img'/><target dev='vdd' bus='virtio'/></disk>\n");
  writeBoth('disk-c-moved.xml', "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='ROOT/a.img'/><target dev='vdd' bus='virtio'/></disk>\n");
  writeBoth('disk-c-cdrom.xml', "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='ROOT/c.img'/><target dev='vdd' bus='virtio'/><readonly/></disk>\n");
  writeBoth('cd-insert.xml', "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><source file='ROOT/cd1.iso'/><target dev='hdc' bus='ide'/><readonly/></disk>\n");
  const { real, ts } = await pair.both('define ROOT/g.xml; define ROOT/off.xml; define ROOT/q.xml; start g');
  expect(ts).toEqual(real);
  expect(real.code).toBe(0);
  // The guest must be up to answer unplug requests (its kernel handles ACPI PCI hotplug).
  await Promise.all([pair.waitSerial('real', 'g', READY_MARKER), pair.waitSerial('ts', 'g', READY_MARKER)]);
}, LONG);
afterAll(() => pair?.remove());

/**
 * The table rules of domblklist and friends are as wide as the longest path, and the two roots'
 * paths differ in length; the rows themselves are compared as printed. The DAC driver's XATTR
 * warnings depend on what earlier runs left on an image (maskRun drops them); the log's
 * version header they may leave alone goes too.
 */
function rules(r: Result): Result {
  const warned = /^TIME: PID: warning : /m.test(r.stderr);
  const stderr = warned ? r.stderr : r.stderr.replace(/^TIME: PID: info : .*\n/gm, '');
  return { ...r, stdout: r.stdout.replace(/^-{5,}$/gm, '-----'), stderr };
}

async function same(...args: string[]): Promise<Result> {
  const { real, ts } = await pair.both(...args);
  expect(rules(ts)).toEqual(rules(real));
  return real;
}

/** A QMP command's answer on one side (qemu-monitor-command's compact JSON). */
async function qmp(side: Side, command: string, args?: object): Promise<unknown> {
  const r = await pair.run(side, 'qemu-monitor-command', 'g', JSON.stringify(args ? { execute: command, arguments: args } : { execute: command }));
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { return: unknown }).return;
}

/** What QEMU holds: block nodes (name, driver, file under ROOT), peripherals, and each drive's medium. */
async function qemuView(side: Side) {
  const root = pair.roots[side];
  const nodes = (await qmp(side, 'query-named-block-nodes', { flat: true })) as Array<{ 'node-name': string; drv: string; file: string }>;
  const peripherals = (await qmp(side, 'qom-list', { path: '/machine/peripheral' })) as Array<{ name: string; type: string }>;
  const blocks = (await qmp(side, 'query-block')) as Array<{ qdev: string; inserted?: { file: string; 'node-name': string } }>;
  return {
    nodes: nodes.map((n) => `${n['node-name']} ${n.drv} ${n.file.replace(root, 'ROOT')}`).sort(),
    peripherals: peripherals.filter((p) => p.type.startsWith('child<')).map((p) => `${p.name} ${p.type}`).sort(),
    media: blocks.map((b) => `${b.qdev} ${b.inserted ? `${b.inserted['node-name']} ${b.inserted.file.replace(root, 'ROOT')}` : '-'}`).sort(),
  };
}

async function sameQemu() {
  const [real, ts] = await Promise.all([qemuView('real'), qemuView('ts')]);
  expect(ts).toEqual(real);
  return real;
}

/**
 * Polls both sides until `gone` no longer shows in `list`'s output: an unplug is the guest's to
 * finish, and a later process picks up what it did.
 */
async function waitGone(list: string, gone: RegExp, timeoutMs = 120_000): Promise<void> {
  await Promise.all(
    (['real', 'ts'] as const).map(async (side) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // A job-taking command first, so real libvirt has finished its takeover.
        const r = await pair.run(side, `${JOB}; ${list}`);
        if (!gone.test(r.stdout)) return;
        if (Date.now() > deadline) throw new Error(`${side}: ${gone} still in ${list}:\n${r.stdout}`);
        await new Promise((res) => setTimeout(res, 500));
      }
    }),
  );
}

describe('live device edits on a running guest under qemu:///embed', () => {
  it('hotplugs a raw and a qcow2 disk: live XML, block list and QEMU’s nodes agree', async () => {
    await same(`attach-disk g ROOT/a.img vdb; domblklist g --details; ${LIVE_XML}`);
    await same(`attach-disk g ROOT/b.qcow2 vdc --subdriver qcow2 --live --config; ${LIVE_XML}; dumpxml g --inactive`);
    const view = await sameQemu();
    expect(view.nodes).toContain('libvirt-3-format qcow2 ROOT/b.qcow2');
    await same(`attach-disk g ROOT/s.img sdb --targetbus scsi; ${LIVE_XML}`);
    // A SCSI controller the guest lacks comes along, of the model the guest's last one has.
    await same(`attach-disk g ROOT/sy.img sdy --targetbus scsi --address scsi:1.0.0; ${LIVE_XML}`);
    await sameQemu();
  }, LONG);

  it('refuses bad disk attaches and leaves no block node behind', async () => {
    const before = await sameQemu();
    await same('attach-disk g ROOT/missing.img vde');
    await same('attach-disk g ROOT/c.img vdb');
    await same('attach-disk g ROOT/c.img vdc --live --config');
    // IDE cannot take a hotplugged disk: QEMU's device_add refuses, the nodes are rolled back.
    await same('attach-disk g ROOT/c.img hdb --targetbus ide');
    await same('attach-disk g ROOT/c.img sda --targetbus sata');
    await same('attach-disk g ROOT/c.img sdz --targetbus scsi --address scsi:0.0.1');
    await same('attach-device g ROOT/sound.xml');
    await same(`${JOB}; attach-disk off ROOT/c.img vdb --live`);
    expect(await sameQemu()).toEqual(before);
    // The counter used by the refused IDE attempt was not saved: the next disk gets what libvirt gives.
    await same(`attach-device g ROOT/disk-c.xml --persistent; ${LIVE_XML}; domblklist g --inactive`);
    await sameQemu();
    // Updates that cannot be made live: a fixed disk's source, its device kind, a sound card.
    await same('update-device g ROOT/disk-c-moved.xml --live');
    await same('update-device g ROOT/disk-c-cdrom.xml --live');
    await same('update-device g ROOT/sound.xml --live');
    await same('detach-device g ROOT/sound.xml --live');
    await same(`${JOB}; update-device off ROOT/disk-c.xml --live`);
    await same(`${JOB}; detach-disk off vdb --live`);
    await same(`${JOB}; change-media off hdc ROOT/cd1.iso --insert --live`);
    await same('attach-disk g ROOT/c.img fda --type floppy');
    // --config alone on a running guest leaves the live definition as it is.
    await same(`attach-disk g ROOT/c.img vdf --config; ${LIVE_XML}; domblklist g --inactive`);
    await same(`detach-disk g vdf --config; domblklist g --inactive`);
  }, LONG);

  it('unplugs disks: device_del, the guest’s answer, the nodes deleted', async () => {
    await same(`${JOB}; detach-disk g vdz`);
    await same('detach-disk g hdc');
    await same('detach-device g ROOT/nic-missing.xml');
    // A SCSI disk leaves at once: QEMU needs no answer from the guest.
    await same(`detach-disk g sdb; ${LIVE_XML}`);
    await same('detach-disk g vdd --live');
    await waitGone('domblklist g', /^ vdd /m);
    await same(`${LIVE_XML}; domblklist g --inactive`);
    await same('detach-disk g vdb --current');
    await waitGone('domblklist g', /^ vdb /m);
    await same(LIVE_XML);
    // By alias the request is only sent; the guest's answer removes the disk later.
    await same(`attach-disk g ROOT/a.img vde; detach-device-alias g virtio-disk4 --live; detach-device-alias g nosuch --live`);
    await waitGone('domblklist g', /^ vde /m);
    await same(LIVE_XML);
    await sameQemu();
  }, LONG);

  it('plugs user-mode NICs, sets their link state, and unplugs one', async () => {
    await same(`attach-device g ROOT/nic1.xml; domiflist g; ${LIVE_XML}`);
    await same(`attach-device g ROOT/nic2.xml --live --config; domiflist g; domiflist g --inactive`);
    await same(`update-device g ROOT/nic2-down.xml; domif-getlink g ${MAC2}; ${LIVE_XML}`);
    await same(`domif-setlink g ${MAC2} up; domif-getlink g ${MAC2}; ${LIVE_XML}`);
    await same('update-device g ROOT/nic2-model.xml');
    await same('update-device g ROOT/nic-missing.xml');
    await same(`qemu-monitor-command g --hmp info network`);
    await same(`detach-interface g user --mac ${MAC1}`);
    await waitGone('domiflist g', /virtio/);
    await same(`${LIVE_XML}; qemu-monitor-command g --hmp info network`);
    await sameQemu();
  }, LONG);

  it('changes a CD-ROM’s media: insert, update, eject, and the refusals', async () => {
    await same(`change-media g hdc ROOT/cd1.iso --insert; domblklist g; ${LIVE_XML}`);
    expect((await sameQemu()).media.join('\n')).toMatch(/^ide0-1-0 libvirt-\d+-format ROOT\/cd1.iso$/m);
    await same(`change-media g hdc ROOT/cd2.iso --update --force; ${LIVE_XML}`);
    await sameQemu();
    await same(`change-media g hdc --eject; ${LIVE_XML}; change-media g hdc --eject; ${LIVE_XML}`);
    await sameQemu();
    // A new process finds the drive empty.
    await same(`${JOB}; dumpxml g; change-media g hdc --eject`);
    await same('change-media g hdc ROOT/missing.iso --insert');
    await same(`${JOB}; change-media g vdq ROOT/cd1.iso --insert`);
    // attach-device on a drive that exists is a media change.
    await same(`attach-device g ROOT/cd-insert.xml; ${LIVE_XML}`);
    await sameQemu();
  }, LONG);

  it('on q35 a hotplugged disk takes the spare root port; with none left there is no slot', async () => {
    // Hotplug needs no booted guest here (nothing is unplugged), so q runs only for this step.
    await same(`start q; attach-disk q ROOT/q.img vdb; attach-device q ROOT/nic1.xml; dumpxml q; destroy q`);
  }, LONG);
});
