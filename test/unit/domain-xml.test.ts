import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignTestIfnames, findDevice, formatDeviceXML, formatDomainXML, parseDeviceXML, parseDomainXML, VIR_DOMAIN_XML_INACTIVE, VIR_DOMAIN_XML_MIGRATABLE, VIR_DOMAIN_XML_SECURE, VIR_DOMAIN_XML_UPDATE_CPU } from '../../src/core/xml/domain/index.js';
import { shellSplit, fixturesDir, goldenDir, here } from '../conformance/cases.mjs';

/*
 * The domain model against real virsh 9.0: every `define FILE; dumpxml NAME [--flag]` and
 * `define FILE` case of domain-xml.cases is replayed on the model alone (parse, the test
 * driver's interface naming, format) and compared with the recorded virsh output.
 */

const FLAGS: Record<string, number> = {
  '--inactive': VIR_DOMAIN_XML_INACTIVE,
  '--security-info': VIR_DOMAIN_XML_SECURE,
  '--update-cpu': VIR_DOMAIN_XML_UPDATE_CPU,
  '--migratable': VIR_DOMAIN_XML_MIGRATABLE,
};

const cases = readFileSync(join(here, 'cases', 'domain-xml.cases'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [name, ...args] = shellSplit(l) as string[];
    return { name, args };
  });
const golden = JSON.parse(readFileSync(join(goldenDir, 'domain-xml.json'), 'utf8')) as Record<string, { stdout: string; stderr: string; code: number }>;

function parseFixture(path: string) {
  return parseDomainXML(readFileSync(join(fixturesDir, path), 'utf8'), { driverType: 'test' });
}

describe('domain XML model vs virsh 9.0', () => {
  for (const c of cases) {
    const cmd = c.args.join(' ');
    const round = /^(define|create) (\S+); dumpxml \S+((?: --[a-z-]+)*)$/.exec(cmd);
    const bad = /^(define|create) (\S+)$/.exec(cmd);
    if (round) {
      const out = golden[c.name];
      if (/^error: Failed to (define|create) /.test(out.stderr)) {
        it(c.name, () => {
          const expected = out.stderr.split('\n')[1].replace(/^error: /, '');
          expect(() => parseFixture(round[2])).toThrow(expect.objectContaining({ message: expected }));
        });
        continue;
      }
      if (out.code !== 0) continue;
      it(c.name, () => {
        const def = parseFixture(round[2]);
        assignTestIfnames(def);
        const flags = round[3].trim().split(/\s+/).filter(Boolean).reduce((f, o) => f | FLAGS[o], 0);
        const id = round[1] === 'create' ? 2 : undefined;
        const expected = golden[c.name].stdout.replace(/^Domain '.*' (defined|created) from .*\n\n/, '').replace(/\n$/, '');
        expect(formatDomainXML(def, { flags, id })).toBe(expected);
      });
    } else if (bad) {
      it(c.name, () => {
        const expected = golden[c.name].stderr.split('\n').slice(1).join('\n').replace(/^error: /, '').replace(/\n$/, '');
        expect(() => parseFixture(bad[2])).toThrow(expect.objectContaining({ message: expected }));
      });
    }
  }
});

describe('single-device XML and detach matching', () => {
  const def = parseFixture('domain-xml/iface-misc.xml');

  it('parses a device against its domain and formats it alone', () => {
    const dev = parseDeviceXML("<disk type='file'><source file='/x.img'/><target dev='hdb'/></disk>", def);
    expect(formatDeviceXML(dev, 0)).toBe(
      "<disk type='file' device='disk'>\n  <source file='/x.img'/>\n  <target dev='hdb' bus='ide'/>\n  <address type='drive' controller='0' bus='0' target='0' unit='1'/>\n</disk>\n",
    );
  });

  it('matches interfaces by MAC, ignoring a generated one', () => {
    expect(findDevice(def, parseDeviceXML("<interface type='network'><mac address='52:54:00:AA:BB:07'/><source network='default'/></interface>", def))).toBe(
      def.devices.findIndex((d) => d.kind === 'interface' && d.el.children[0].attrs[0][1] === '52:54:00:aa:bb:07'),
    );
    expect(() => findDevice(def, parseDeviceXML("<interface type='network'><source network='default'/></interface>", def))).toThrow('operation failed: multiple matching devices found');
    expect(() => findDevice(def, parseDeviceXML("<interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/></interface>", def))).toThrow(
      "device not found: no device found at address '(<null>)' matching MAC address '52:54:00:00:00:01' and alias '(<null>)'",
    );
  });

  it('requires a source for network interfaces, as virDomainNetDefParseXML does', () => {
    expect(() => parseDeviceXML("<interface type='network'/>", def)).toThrow("interface type='network' requires a 'source' element");
  });

  it('rejects unknown device elements as libvirt does', () => {
    expect(() => parseDeviceXML('<gizmo/>', def)).toThrow("unsupported configuration: unknown device type 'gizmo'");
  });
});
