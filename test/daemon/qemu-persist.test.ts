// virtd-ts serving the QEMU driver as qemu:///system on a private root ($VIRTD_TS_QEMU_ROOT):
// real virsh defines, lists and dumps domains through it (compared live with real virsh on
// libvirt's embedded QEMU driver, generated UUIDs/MACs masked); then several clients storm
// define/undefine while the daemon is killed with SIGKILL, and after a restart every config
// left on disk must be whole, be one of the definitions sent, and be listed by the daemon.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../src/core/api/connection.js';
import { openConnection } from '../../src/core/open.js';
import { parseTree } from '../../src/core/xml/tree.js';
import { canConnect, superviseDaemon, type Supervised } from '../helpers/daemon-process.js';
import { embedRoot, maskText, runBin } from '../qemu/embed.js';
import { virtdBin } from './virtd.js';

interface Running extends Supervised {
  socket: string;
  pid: number;
}

const qemuRoot = mkdtempSync(join(tmpdir(), 'virtd-ts-qemu-root-'));
const realRoot = embedRoot('virtd-ts-qemu-embed-');
const configDir = join(qemuRoot, 'etc', 'libvirt', 'qemu');
// The same qemu.conf as the embedded root's (QEMU as root), in the system layout.
mkdirSync(join(qemuRoot, 'etc', 'libvirt'), { recursive: true });
writeFileSync(join(qemuRoot, 'etc', 'libvirt', 'qemu.conf'), readFileSync(join(realRoot, 'etc', 'qemu.conf')));

async function startDaemon(): Promise<Running> {
  const dir = mkdtempSync(join(tmpdir(), 'virtd-ts-qemu-'));
  mkdirSync(join(dir, 'run'));
  const conf = join(dir, 'virtd-ts.conf');
  writeFileSync(conf, ['listen_tls = 0', `unix_sock_dir = "${join(dir, 'run')}"`, 'max_client_requests = 20', ''].join('\n'));
  const child = spawn(process.execPath, [virtdBin, '-f', conf, '-p', join(dir, 'virtd-ts.pid')], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: dir, XDG_RUNTIME_DIR: join(dir, 'xdg'), LANG: 'C', VIRTD_TS_QEMU_ROOT: qemuRoot },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const socket = join(dir, 'run', 'libvirt-sock');
  const sup = await superviseDaemon('virtd-ts', child, dir, async () => existsSync(socket) && (await canConnect({ path: socket })), 50);
  return { ...sup, socket, pid: child.pid! };
}

const sysURI = (d: Running) => `qemu+unix:///system?socket=${d.socket}`;
const virsh = (d: Running, ...args: string[]) => runBin('/usr/bin/virsh', ['-c', sysURI(d), ...args]);
const embed = (...args: string[]) => runBin('/usr/bin/virsh', ['-c', `qemu:///embed?root=${realRoot}`, ...args]);
const masked = (r: { stdout: string; stderr: string; code: number }) => ({ ...r, stdout: maskText(r.stdout), stderr: maskText(r.stderr) });

let daemon: Running | undefined;

beforeAll(async () => {
  daemon = await startDaemon();
});
afterAll(async () => {
  await daemon?.stop();
  rmSync(qemuRoot, { recursive: true, force: true });
  rmSync(realRoot, { recursive: true, force: true });
});

describe('real virsh on virtd-ts qemu:///system', () => {
  it('define, list and dumpxml match libvirt embedded QEMU driver', async () => {
    const script = 'define rich.xml; define min.xml; list --all; list --name --inactive; dumpxml rich; dumpxml min; dominfo rich';
    const [ours, theirs] = await Promise.all([virsh(daemon!, script), embed(script)]);
    expect(theirs.code).toBe(0);
    expect(masked(ours)).toEqual(masked(theirs));
    expect(readdirSync(configDir).sort()).toEqual(['min.xml', 'rich.xml']);
  }, 300_000);

  it('a missing domain and a duplicate UUID fail as libvirt fails', async () => {
    const script = 'undefine nosuch; define dup-uuid.xml';
    const [ours, theirs] = await Promise.all([virsh(daemon!, script), embed(script)]);
    expect(theirs.code).toBe(1);
    expect(masked(ours)).toEqual(masked(theirs));
    expect(readdirSync(configDir).sort()).toEqual(['min.xml', 'rich.xml']);
  }, 300_000);
});

/** The XML one storm client sends for its i-th definition: a fixed UUID per name. */
function stormXML(client: number, i: number): { name: string; uuid: string; xml: string } {
  const name = `storm-${client}-${i % 5}`;
  const uuid = `5e0e0000-0000-4000-8000-${String(client).padStart(4, '0')}${String(i % 5).padStart(8, '0')}`;
  const xml = `<domain type='qemu'><name>${name}</name><uuid>${uuid}</uuid><memory unit='MiB'>${32 + (i % 7)}</memory><os><type>hvm</type></os><devices><interface type='user'><mac address='52:54:00:00:${String(client).padStart(2, '0')}:${String(i % 100).padStart(2, '0')}'/></interface></devices></domain>`;
  return { name, uuid, xml };
}

describe('SIGKILL during a define/undefine storm', () => {
  it('leaves only whole configs, all listed after a restart', async () => {
    const d = daemon!;
    const sent = new Map<string, string>();
    let stop = false;
    const clients = await Promise.all(
      Array.from({ length: 4 }, () => openConnection(sysURI(d), { readonly: false, warn: () => undefined })),
    );
    const storm = clients.map(async (conn: Connection, c) => {
      for (let i = 0; !stop; i++) {
        const { name, uuid, xml } = stormXML(c, i);
        sent.set(`${name}/${uuid}/${32 + (i % 7)}`, xml);
        try {
          const dom = await conn.domainDefineXML(xml, 0);
          if (i % 3 === 2) await conn.domainUndefine(dom, 0);
        } catch {
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    process.kill(d.pid, 'SIGKILL');
    stop = true;
    await Promise.all(storm);
    await Promise.all(clients.map((c) => c.close().catch(() => undefined)));
    await d.stop();

    const files = readdirSync(configDir).filter((f) => f.endsWith('.xml')).sort();
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const text = readFileSync(join(configDir, f), 'utf8');
      expect(text.startsWith('<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE.')).toBe(true);
      const dom = parseTree(text.slice(text.indexOf('<domain')));
      const name = dom.children.find((n) => n.name === 'name')!.text;
      expect(`${name}.xml`).toBe(f);
      if (!name.startsWith('storm-')) continue;
      const uuid = dom.children.find((n) => n.name === 'uuid')!.text;
      const mib = Number(dom.children.find((n) => n.name === 'memory')!.text) / 1024;
      expect(sent.has(`${name}/${uuid}/${mib}`)).toBe(true);
    }

    daemon = await startDaemon();
    const listed = await virsh(daemon, 'list', '--all', '--name');
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n').filter(Boolean).sort()).toEqual(files.map((f) => f.slice(0, -4)).sort());
    for (const f of files.filter((x) => x.startsWith('storm-'))) {
      const dumped = await virsh(daemon, 'dumpxml', '--inactive', f.slice(0, -4));
      const text = readFileSync(join(configDir, f), 'utf8');
      expect(dumped.stdout).toBe(`${text.slice(text.indexOf('<domain'))}\n`);
    }
  }, 300_000);
});

