import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirError } from '../../src/core/errors.js';
import { formatInterfaceXML, parseInterfaceXML } from '../../src/core/xml/interface/index.js';
import { fixturesDir, goldenDir } from '../conformance/cases.mjs';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'interface', name), 'utf8');
const golden = (file: string) => JSON.parse(readFileSync(join(goldenDir, file), 'utf8')) as Record<string, { stdout: string; stderr: string }>;

describe('interface XML against virsh 9.0', () => {
  const recorded = golden('interface.json');
  for (const [file, caseName] of [
    ['eth2.xml', 'iface-define-eth2'],
    ['br0.xml', 'iface-define-bridge'],
    ['bond0.xml', 'iface-define-bond'],
    ['bond1.xml', 'iface-define-bond'],
    ['vlan.xml', 'iface-define-vlan'],
  ]) {
    it(`formats ${file} as virsh dumps it`, () => {
      expect(recorded[caseName].stdout).toContain(formatInterfaceXML(parseInterfaceXML(fixture(file))));
    });
  }

  it('reports libvirt validation errors', () => {
    const bad = golden('interface-bad-xml.json');
    for (const [file, caseName] of [
      ['badtype.xml', 'iface-bad-type'],
      ['bigmtu.xml', 'iface-bad-bigmtu'],
      ['bond-child.xml', 'iface-bad-bond-child'],
      ['vlan-nodev.xml', 'iface-bad-vlan-nodev'],
      ['badmtu.xml', 'iface-bad-mtu'],
    ]) {
      let message = '';
      try {
        parseInterfaceXML(fixture(file));
      } catch (e) {
        if (!(e instanceof VirError)) throw e;
        message = e.message;
      }
      expect(bad[caseName].stderr).toContain(`error: ${message}\n`);
    }
  });
});
