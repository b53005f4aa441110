// The QEMU driver's connection and persistent-config layer (qemu:///embed?root=DIR) against
// real virsh 9.0 with libvirt's embedded QEMU driver, live in the same run, each on a private
// root. Every virsh invocation is a new process, so each step also checks that the configs a
// previous process wrote load back. Masked: generated UUIDs and MACs, the host UUID (random
// per process without DMI), the root directory, and the NUMA cell's memory figures in
// capabilities (this VM's balloon moves them between two reads).
// Both roots' qemu.conf runs QEMU as root (see embed.ts); probing QEMU still takes a while,
// so the steps that may probe get long timeouts.
import { lstatSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbedPair, repo, runBin } from './embed.js';

let pair: EmbedPair;

beforeAll(() => {
  pair = new EmbedPair();
});
afterAll(() => pair?.remove());

async function same(...args: string[]) {
  const { real, ts } = await pair.both(...args);
  expect(ts).toEqual(real);
  return real;
}

const PROBE_TIMEOUT = 300_000;

const cellMemory = (s: string) =>
  s.replace(/(<cell id='\d+'>\s*<memory unit='KiB'>)\d+/g, '$1N').replace(/(<pages unit='KiB' size='\d+'>)\d+(<\/pages>)/g, '$1N$2');

describe('qemu:///embed connection', () => {
  it('capabilities: host CPU, topology, security models and the probed guests', async () => {
    const { real, ts } = await pair.both('capabilities');
    expect(real.code).toBe(0);
    expect({ ...ts, stdout: cellMemory(ts.stdout) }).toEqual({ ...real, stdout: cellMemory(real.stdout) });
  }, PROBE_TIMEOUT);

  it('the probe is cached per binary under ROOT/cache/qemu/capabilities', () => {
    const dir = join(pair.tsRoot, 'cache', 'qemu', 'capabilities');
    expect(statSync(dir).isDirectory()).toBe(true);
  });

  it('uri, hostname and versions', async () => {
    await same('uri; hostname; version; version --daemon');
  });

  it('the embed URI errors', async () => {
    for (const uri of ['qemu:///embed', 'qemu:///embed?root=relative/dir', 'qemu:///embed?root=']) {
      const [real, ts] = await Promise.all([runBin('/usr/bin/virsh', ['-c', uri, 'list']), runBin(join(repo, 'bin', 'virsh-ts'), ['-c', uri, 'list'])]);
      expect(real.code).toBe(1);
      expect(ts).toEqual(real);
    }
  });
});

describe('define, dumpxml and the on-disk config', () => {
  it('defines the fixtures with libvirt qemu defaults (i440fx PCI, q35 PCIe root ports and bridge)', async () => {
    expect((await same('define rich.xml; define vnc-only.xml; define min.xml; define q35.xml; define min-q35.xml')).code).toBe(0);
  }, PROBE_TIMEOUT);

  it('dumpxml (plain, --inactive, --security-info) matches', async () => {
    await same('dumpxml', 'rich');
    await same('dumpxml', '--inactive', 'vnc');
    await same('dumpxml', '--security-info', 'min');
    await same('dumpxml q35; dumpxml minq35');
  });

  it('ROOT/etc/qemu/NAME.xml holds the same bytes, mode 0600, no temp files left', () => {
    expect(pair.configs().ts).toEqual(pair.configs().real);
    for (const name of ['rich', 'vnc', 'min', 'q35', 'minq35']) {
      expect(pair.configFile('ts', name)).toBe(pair.configFile('real', name));
      expect(statSync(join(pair.tsRoot, 'etc', 'qemu', `${name}.xml`)).mode & 0o777).toBe(0o600);
    }
  });

  it('list variants', async () => {
    await same('list --all; list --inactive; list --name --all; list --uuid --all; list; list --persistent --name; list --transient');
  });

  it('dominfo, domstate, domuuid, domname and domid of inactive domains', async () => {
    await same('dominfo rich; domstate rich --reason; domuuid rich; domname 4dea22b3-1d52-d8f3-2516-782e98ab3fa0; domid rich');
    await same('dominfo', 'min');
  });

  it('autostart: a symlink in ROOT/etc/qemu/autostart, seen by the next process', async () => {
    await same('autostart', 'rich');
    await same('list --all --autostart; list --all --no-autostart; dominfo rich');
    for (const [root] of [[pair.realRoot], [pair.tsRoot]]) {
      const link = join(root, 'etc', 'qemu', 'autostart', 'rich.xml');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      expect(readlinkSync(link)).toBe(join(root, 'etc', 'qemu', 'rich.xml'));
    }
    await same('autostart', '--disable', 'rich');
    await same('list --all --autostart');
  });

  it('desc and title, persisted', async () => {
    await same('desc rich; desc rich --title');
    await same('desc', 'vnc', '--config', '--new-desc', 'changed <by> test');
    await same('desc', 'vnc', '--title', 'Title & more');
    await same('desc vnc; desc vnc --title; dumpxml vnc');
    expect(pair.configFile('ts', 'vnc')).toBe(pair.configFile('real', 'vnc'));
  });

  it('domrename of an inactive domain moves its config', async () => {
    await same('domrename', 'vnc', 'vnc2');
    expect(pair.configs().ts).toEqual(pair.configs().real);
    await same('list --all --name; dumpxml vnc2');
    await same('domrename', 'vnc2', 'vnc');
    await same('domrename', 'vnc', 'rich');
    await same('domrename', 'nosuch', 'x');
  });
});

describe('bad input leaves nothing behind', () => {
  const bad = ['malformed.xml', 'bad-bus.xml', 'bad-device.xml', 'bad-interface.xml', 'bad-virt-type.xml', 'bad-machine.xml', 'bad-q35-ide.xml', 'dup-uuid.xml', 'dup-name.xml'];

  it('define: malformed XML, unknown bus/device/interface values, wrong virt type and machine, duplicates', async () => {
    const before = pair.configs();
    const { real, ts } = await pair.both(bad.map((f) => `define ${f}`).join('; '));
    expect(real.code).toBe(1);
    expect(ts).toEqual(real);
    for (const f of bad) expect(real.stderr).toContain(`error: Failed to define domain from ${f}`);
    expect(pair.configs()).toEqual(before);
  }, PROBE_TIMEOUT);

  it('define of a missing file, undefine and dominfo of a missing domain', async () => {
    await same('define', 'no-such-file.xml');
    await same('undefine', 'nosuch');
    await same('dominfo', 'nosuch');
    await same('autostart', 'nosuch');
  });
});

describe('undefine', () => {
  it('removes the config and its autostart link', async () => {
    await same('autostart', 'min');
    await same('undefine', 'min');
    const after = pair.configs();
    expect(after.ts).toEqual(after.real);
    expect(after.ts).not.toContain('min.xml');
    await same('list --all; undefine min');
  });

  it('--managed-save and --snapshots-metadata on an inactive domain without either', async () => {
    await same('undefine', 'vnc', '--managed-save', '--snapshots-metadata');
    await same('list', '--all', '--name');
  });
});
