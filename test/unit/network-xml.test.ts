import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirError } from '../../src/core/errors.js';
import { formatIp, ipPrefix, maskBits, tryParseIp } from '../../src/core/xml/network/ipaddr.js';
import { parseMAC, parseUUID } from '../../src/core/xml/ids.js';
import {
  formatNetworkXML,
  parseNetworkXML,
  UpdateCommand,
  UPDATE_SECTIONS,
  updateNetworkSection,
} from '../../src/core/xml/network/index.js';
import { fixturesDir, goldenDir } from '../conformance/cases.mjs';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'network', name), 'utf8');
const golden = (file: string) => JSON.parse(readFileSync(join(goldenDir, file), 'utf8')) as Record<string, { stdout: string; stderr: string }>;
const section = (name: string) => (UPDATE_SECTIONS as readonly string[]).indexOf(name);

function errorOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof VirError) return e.message;
    throw e;
  }
  throw new Error('no error');
}

describe('socket addresses', () => {
  it('reads inet_aton forms and prints dotted quads', () => {
    expect(formatIp(tryParseIp('10.1')!)).toBe('10.0.0.1');
    expect(formatIp(tryParseIp('0x0a.010.0.1')!)).toBe('10.8.0.1');
    expect(tryParseIp('10.0.0.256')).toBeUndefined();
  });
  it('prints IPv6 as inet_ntop does', () => {
    expect(formatIp(tryParseIp('2001:0db8:ca2:2:0:0:0:1')!)).toBe('2001:db8:ca2:2::1');
    expect(formatIp(tryParseIp('::ffff:1.2.3.4')!)).toBe('::ffff:1.2.3.4');
    expect(formatIp(tryParseIp('1:0:1:0:0:1:0:1')!)).toBe('1:0:1::1:0:1');
    expect(formatIp(tryParseIp('::')!)).toBe('::');
  });
  it('derives prefixes from masks and address classes', () => {
    expect(maskBits(tryParseIp('255.255.240.0')!)).toBe(20);
    expect(maskBits(tryParseIp('255.0.255.0')!)).toBe(-1);
    expect(ipPrefix(tryParseIp('172.16.0.1'), undefined, 0)).toBe(16);
  });
  it('normalises UUIDs and MACs', () => {
    expect(parseUUID('0B7A4A3C8A524D4B9A512F5A0F1A0002')).toBe('0b7a4a3c-8a52-4d4b-9a51-2f5a0f1a0002');
    expect(parseUUID('zzz')).toBeUndefined();
    expect(parseMAC('0:1:2:AB:cd:EF')).toBe('00:01:02:ab:cd:ef');
    expect(parseMAC('00:11:22:33:44')).toBeUndefined();
  });
});

describe('network XML against virsh 9.0', () => {
  const recorded = golden('network.json');
  for (const [file, caseName] of [
    ['full.xml', 'net-define-full'],
    ['bridged.xml', 'net-define-bridged'],
    ['macvtap.xml', 'net-define-macvtap'],
    ['hostdev.xml', 'net-define-hostdev'],
    ['routed.xml', 'net-define-routed'],
    ['isolated.xml', 'net-define-isolated'],
  ]) {
    it(`formats ${file} as virsh dumps it`, () => {
      const out = formatNetworkXML(parseNetworkXML(fixture(file)));
      expect(recorded[caseName].stdout).toContain(out);
    });
  }

  it('is stable through a format/parse round trip', () => {
    const once = formatNetworkXML(parseNetworkXML(fixture('full.xml')));
    expect(formatNetworkXML(parseNetworkXML(once))).toBe(once);
  });

  it('reports libvirt validation errors', () => {
    const bad = golden('network-bad-xml.json');
    for (const [file, caseName] of [
      ['badip.xml', 'net-bad-ip'],
      ['outrange.xml', 'net-bad-outrange'],
      ['unreachable-route.xml', 'net-bad-unreachable-route'],
      ['bridge-in-vepa.xml', 'net-bad-bridge-in-vepa'],
      ['dns-srv-port.xml', 'net-bad-dns-srv-port'],
    ]) {
      const message = errorOf(() => parseNetworkXML(fixture(file)));
      expect(bad[caseName].stderr).toContain(`error: ${message}\n`);
    }
  });
});

describe('net-update sections', () => {
  const base = () => parseNetworkXML(fixture('routed.xml'));

  it('adds, modifies and deletes DHCP hosts', () => {
    const def = base();
    updateNetworkSection(def, UpdateCommand.ADD_LAST, section('ip-dhcp-host'), -1, "<host mac='52:54:00:00:00:01' ip='10.10.0.5'/>");
    updateNetworkSection(def, UpdateCommand.MODIFY, section('ip-dhcp-host'), -1, "<host mac='52:54:00:00:00:01' ip='10.10.0.6'/>");
    expect(formatNetworkXML(def)).toContain("<host mac='52:54:00:00:00:01' ip='10.10.0.6'/>");
    updateNetworkSection(def, UpdateCommand.DELETE, section('ip-dhcp-host'), -1, "<host ip='10.10.0.6'/>");
    expect(def.ips[0].hosts).toHaveLength(0);
  });

  it('refuses sections the configuration layer cannot update', () => {
    expect(errorOf(() => updateNetworkSection(base(), UpdateCommand.MODIFY, section('bridge'), -1, '<bridge/>'))).toBe(
      "Operation not supported: can't update 'bridge' section of network 'routed'",
    );
  });

  it('keeps a single default portgroup', () => {
    const def = base();
    updateNetworkSection(def, UpdateCommand.ADD_LAST, section('portgroup'), -1, "<portgroup name='a' default='yes'/>");
    expect(errorOf(() => updateNetworkSection(def, UpdateCommand.ADD_LAST, section('portgroup'), -1, "<portgroup name='b' default='yes'/>"))).toBe(
      "Requested operation is not valid: a different portgroup entry in network 'routed' is already set as the default. Only one default is allowed.",
    );
  });
});
