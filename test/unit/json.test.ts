// `--json` (a virsh-ts extension): every JSON-capable command's document validates against its
// schema in schema/json/, on test:///default, through the built virsh-ts (node scripts/build.mjs).
// Where the command cannot succeed there, its failure is compared live with real virsh's.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonCommands } from '../../src/commands/json/commands.js';
import { findCommand } from '../../src/commands/registry.js';
import { commandHelp } from '../../src/commands/shell/help.js';
import { validate } from '../helpers/json-schema.js';

const root = join(import.meta.dirname, '..', '..');
const schemaDir = join(root, 'schema/json');
const fixtures = join(root, 'test/conformance/fixtures');
const env = { ...process.env, LIBVIRT_DEFAULT_URI: 'test:///default', LC_ALL: 'C' };

/** One process, one fresh test node; -q silences the set-up commands' chatter and blank lines. */
function run(program: string, line: string) {
  const r = spawnSync(program, ['-q', line], { cwd: fixtures, env, encoding: 'utf8', timeout: 20_000 });
  if (r.error) throw r.error;
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}
const virshTs = (line: string) => run(join(root, 'bin/virsh-ts'), line);

/** A command line whose last command prints the document; set-up before it fills the node. */
const documents: Record<string, string> = {
  list: 'define domain/vm1.xml; list --all --title --json',
  dominfo: 'dominfo test --json',
  domstate: 'domstate test --reason --json',
  domblklist: 'domblklist test --inactive --json',
  domiflist: 'domiflist test --json',
  nodeinfo: 'nodeinfo --json',
  version: 'version --daemon --json',
  'net-list': 'net-define network/basic.xml; net-list --all --json',
  'net-info': 'net-info default --json',
  'pool-list': 'pool-define-as idle dir --target /nonexistent; pool-list --all --json',
  'pool-info': 'pool-info default-pool --json',
  'vol-list': 'vol-create-as default-pool a.img 1M; vol-create-as default-pool b.img 2G; vol-list default-pool --json',
  'vol-info': 'vol-create-as default-pool a.img 1M; vol-info --pool default-pool a.img --json',
  'snapshot-list': 'snapshot-create-as test s1; snapshot-create-as test s2; snapshot-list test --parent --json',
  'checkpoint-list': 'checkpoint-create-as test c1; checkpoint-create-as test c2; checkpoint-list test --json',
  'iface-list': 'iface-list --all --json',
};

/** Commands test:///default cannot run (virsh 9.0 fails them too): errors stay virsh's. */
const failing: Record<string, string> = {
  'nodedev-list': 'nodedev-list',
  'secret-list': 'secret-list',
};

const schemaOf = (name: string) => JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'));

describe('--json', () => {
  it('every JSON-capable command has a schema and a case here, and every schema a command', () => {
    const schemas = readdirSync(schemaDir).map((f) => f.replace(/\.schema\.json$/, ''));
    expect(schemas.sort()).toEqual([...jsonCommands].sort());
    expect(Object.keys({ ...documents, ...failing }).sort()).toEqual([...jsonCommands].sort());
  });

  it('is an option of those commands only, left out of virsh\'s help text', () => {
    for (const name of jsonCommands) {
      const def = findCommand(name)!;
      expect(def.opts.some((o) => o.name === 'json' && o.extension), name).toBe(true);
      expect(commandHelp(def), name).not.toContain('--json');
    }
    expect(findCommand('domid')!.opts.some((o) => o.name === 'json')).toBe(false);
  });

  for (const [name, line] of Object.entries(documents)) {
    it(`${name}: ${line}`, () => {
      const r = virshTs(line);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(validate(schemaOf(name), doc)).toEqual([]);
      // a listing that the set-up filled is not empty
      if (Array.isArray(doc)) expect(doc.length, name).toBeGreaterThan(0);
    });
  }

  it('reports the same facts as the text output', () => {
    const names = JSON.parse(virshTs('list --all --json').stdout).map((d: { name: string }) => d.name);
    expect(names.join('\n') + '\n').toBe(virshTs('list --all --name').stdout);
    const vol = JSON.parse(virshTs('vol-create-as default-pool a.img 1M; vol-info --pool default-pool a.img --bytes --json').stdout);
    expect(virshTs('vol-create-as default-pool a.img 1M; vol-info --pool default-pool a.img --bytes').stdout).toContain(
      `Capacity:       ${vol.capacity} bytes`,
    );
  });

  const virshCases: Array<[string, string]> = [
    ...Object.entries(failing).map(([, line]): [string, string] => [`${line} --json`, line]),
    ['vol-info --pool default-pool nosuch --json', 'vol-info --pool default-pool nosuch'],
    ['dominfo nosuch --json', 'dominfo nosuch'],
    ['net-info nosuch --json', 'net-info nosuch'],
  ];
  for (const [ours, theirs] of virshCases) {
    it(`fails as virsh does: ${ours}`, () => {
      const got = virshTs(ours);
      const want = run('/usr/bin/virsh', theirs);
      expect({ stdout: got.stdout, stderr: got.stderr, code: got.code }).toEqual({ stdout: want.stdout, stderr: want.stderr, code: want.code });
      expect(got.code).toBe(1);
    });
  }

  it('is refused where virsh-ts does not offer it, with virsh\'s error', () => {
    const r = virshTs('domid test --json');
    expect(r.stderr).toBe("error: command 'domid' doesn't support option --json\n");
    expect(r.code).toBe(1);
  });
});
