import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * A command that fails must leave the node exactly as it found it (no half-made objects).
 * Each row runs `SETUP; DUMP; BAD; DUMP` in one virsh-ts process (one test node) and checks
 * that BAD failed and that both state dumps are identical.
 */
const bin = join(import.meta.dirname, '../bin/virsh-ts');
const fixtures = join(import.meta.dirname, 'conformance/fixtures');
const MARK = '==STATE-MARK==';

interface Row {
  /** Commands that build the state the bad command runs against. */
  setup?: string;
  bad: string;
  /** Domains to dump besides 'test'. */
  also?: string[];
}

function dump(domains: string[]): string {
  const per = domains.flatMap((d) => [`dumpxml ${d}`, `dumpxml ${d} --inactive`, `domstate ${d} --reason`, `desc ${d}`]);
  return ['list --all --uuid', 'list --all --title --managed-save', 'list --all --autostart --name', ...per].join('; ');
}

const domainRows: Row[] = [
  { bad: 'define domain/malformed.xml' },
  { bad: 'define domain/noname.xml' },
  { bad: 'define domain/dup-uuid.xml' },
  { bad: 'define domain/dup-name.xml' },
  { bad: 'define domain/nosuch.xml' },
  { bad: 'create domain/test-update.xml' },
  { bad: 'create domain/dup-uuid.xml' },
  { bad: 'create domain/vm2.xml --paused' },
  { bad: 'create domain/malformed.xml' },
  { setup: 'define domain/vm1.xml', bad: 'start vm1 --paused', also: ['vm1'] },
  { bad: 'start test' },
  { setup: 'destroy test', bad: 'destroy test' },
  { setup: 'destroy test', bad: 'shutdown test' },
  { setup: 'destroy test', bad: 'reboot test' },
  { setup: 'destroy test', bad: 'reset test' },
  { setup: 'destroy test', bad: 'suspend test' },
  { bad: 'resume test' },
  { bad: 'shutdown test --mode acpi' },
  { bad: 'shutdown test --mode bogus' },
  { bad: 'reboot test --mode acpi,x' },
  { bad: 'destroy nosuch' },
  { bad: 'undefine test --nvram' },
  { bad: 'undefine test --nvram --keep-nvram' },
  { bad: 'undefine test --wipe-storage' },
  { bad: 'undefine test --remove-all-storage' },
  { bad: 'undefine nosuch' },
  { bad: 'domrename test foo' },
  { setup: 'define domain/vm1.xml; destroy test', bad: 'domrename vm1 test', also: ['vm1'] },
  { setup: 'define domain/vm1.xml', bad: 'domrename vm1 a/b', also: ['vm1'] },
  { setup: 'define domain/vm1.xml', bad: 'domrename vm1 vm1', also: ['vm1'] },
  { bad: "metadata test http://example.org/ --key ex --set '<foo>'" },
  { bad: "metadata test http://example.org/ --set '<a/>'" },
  { bad: "metadata test http://example.org/ --key '1bad' --set '<a/>'" },
  { bad: 'desc test --current --live --new-desc x' },
  { setup: 'create domain/vm2.xml', bad: 'desc vm2 --config --new-desc x', also: ['vm2'] },
  { setup: 'destroy test', bad: 'desc test --live --new-desc x' },
  { bad: 'restore domain/notimage.img' },
  { bad: 'restore /nonexistent/image.img' },
  { setup: 'destroy test', bad: 'save test /tmp/virsh-ts-integrity.img' },
  { setup: 'create domain/vm2.xml', bad: 'managedsave vm2', also: ['vm2'] },
  { bad: 'domtime test --now --sync' },
  { setup: 'destroy test', bad: 'domtime test --time 5' },
  { bad: 'autostart nosuch' },
];

function run(line: string, globals: string[] = []): { stdout: string; stderr: string } {
  const r = spawnSync(bin, [...globals, '-c', 'test:///default', line], { cwd: fixtures, encoding: 'utf8', input: '' });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr };
}

describe('failing domain commands leave the node untouched', () => {
  for (const row of domainRows) {
    it(row.bad, () => {
      const state = dump(['test', ...(row.also ?? [])]);
      const parts = [row.setup, `echo ${MARK}`, state, `echo ${MARK}`, row.bad, `echo ${MARK}`, state];
      const { stdout, stderr } = run(parts.filter((p) => p !== undefined).join('; '));
      const [, before, , after] = stdout.split(`${MARK}\n`);
      expect(stderr).toMatch(/^error: /m);
      expect(after).toBe(before);
    });
  }
});

/** Writes refused on a read-only connection (`-r`): the public API stops them before any driver. */
const readOnlyRows: string[] = [
  'define domain/vm1.xml',
  'create domain/vm2.xml',
  'destroy test',
  'undefine test',
  'suspend test',
  'setmem test 1000',
  'setvcpus test 1',
  'autostart test',
  'desc test --new-desc changed',
  'attach-device test domain-devices/disk.xml --config',
  'net-destroy default',
  'net-undefine default',
  'net-define network/basic.xml',
  'pool-destroy default-pool',
  'pool-undefine default-pool',
  'vol-create default-pool storage/vol-small.xml',
  'iface-destroy eth1',
  'iface-define interface/eth2.xml',
];

const hostState = [
  'net-list --all',
  'net-dumpxml default',
  'pool-list --all --details',
  'pool-dumpxml default-pool',
  'vol-list default-pool',
  'iface-list --all',
  'iface-dumpxml eth1',
].join('; ');

describe('writes refused on a read-only connection leave the node untouched', () => {
  for (const bad of readOnlyRows) {
    it(bad, () => {
      const state = `${dump(['test'])}; ${hostState}`;
      const { stdout, stderr } = run([`echo ${MARK}`, state, `echo ${MARK}`, bad, `echo ${MARK}`, state].join('; '), ['-r']);
      const [, before, , after] = stdout.split(`${MARK}\n`);
      expect(stderr).toMatch(/^error: operation forbidden: read only access prevents vir\w+$/m);
      expect(before).toContain('default-pool');
      expect(after).toBe(before);
    });
  }
});

/** Failing network, storage, interface and snapshot commands, against the same host state. */
const objectRows: Row[] = [
  { bad: 'net-define network/malformed.xml' },
  { bad: 'net-define network/noname.xml' },
  { bad: 'net-define network/dup-uuid.xml' },
  { bad: 'net-define network/badip.xml' },
  { bad: 'net-create network/dup-name.xml' },
  { bad: 'net-start default' },
  { setup: 'net-define network/basic.xml', bad: 'net-destroy nosuch' },
  { bad: 'net-undefine nosuch' },
  { bad: 'pool-define storage/pool-malformed.xml' },
  { bad: 'pool-define storage/pool-noname.xml' },
  { bad: 'pool-define storage/pool-dupuuid.xml' },
  { bad: 'pool-create storage/pool-clash.xml' },
  { bad: 'pool-start default-pool' },
  { bad: 'vol-create default-pool storage/vol-malformed.xml' },
  { bad: 'vol-create default-pool storage/vol-huge.xml' },
  { bad: 'vol-create default-pool storage/vol-badunit.xml' },
  { bad: 'vol-create-as default-pool v1 1Z' },
  { setup: 'vol-create default-pool storage/vol-small.xml', bad: 'vol-create default-pool storage/vol-small.xml' },
  { bad: 'vol-delete nosuch --pool default-pool' },
  { setup: 'pool-destroy default-pool', bad: 'vol-create default-pool storage/vol-small.xml' },
  { bad: 'iface-define interface/malformed.xml' },
  { bad: 'iface-define interface/noname.xml' },
  { bad: 'iface-define interface/badtype.xml' },
  { bad: 'iface-start eth1' },
  { bad: 'iface-commit' },
  { bad: 'snapshot-create test snapshot/malformed.xml' },
  { bad: 'snapshot-create test snapshot/wrong-root.xml' },
  { setup: 'snapshot-create-as test s1', bad: 'snapshot-create-as test s1' },
  { setup: 'snapshot-create-as test s1', bad: 'snapshot-delete test nosuch' },
  { setup: 'snapshot-create-as test s1', bad: 'snapshot-revert test nosuch' },
];

const objectState = `${hostState}; snapshot-list test --name; snapshot-current test --name; ${dump(['test'])}`;

describe('failing network, storage, interface and snapshot commands leave the node untouched', () => {
  for (const row of objectRows) {
    it(`${row.setup ? `${row.setup}; ` : ''}${row.bad}`, () => {
      // Markers on both streams, so the bad command's own stderr is checked, not the dumps'.
      const mark = `echo ${MARK}; echo --err ${MARK}`;
      const parts = [row.setup, mark, objectState, mark, row.bad, mark, objectState];
      const { stdout, stderr } = run(parts.filter((p) => p !== undefined).join('; '));
      const [, before, , after] = stdout.split(`${MARK}\n`);
      expect(stderr.split(`${MARK}\n`)[2]).toMatch(/^error: /m);
      expect(before).toContain('default-pool');
      expect(after).toBe(before);
    });
  }
});
