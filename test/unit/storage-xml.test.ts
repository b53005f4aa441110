import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VirError } from '../../src/core/errors.js';
import { formatPool, parsePoolXml } from '../../src/core/xml/storage/pool.js';
import { formatVol, parseVolXml } from '../../src/core/xml/storage/volume.js';
import { scaleInteger, ULONG_MAX as ULLONG_MAX } from '../../src/core/strtol.js';
import { sanitizePath } from '../../src/core/xml/storage/path.js';
import { parseUUID } from '../../src/core/xml/ids.js';
import { fixturesDir } from '../conformance/cases.mjs';

const fixture = (name: string) => readFileSync(join(fixturesDir, 'storage', name), 'utf8');

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof VirError) return e.message;
    throw e;
  }
  return '(no error)';
}

describe('storage units', () => {
  it('scales by binary and decimal suffixes as virScaleInteger', () => {
    expect(scaleInteger(10n, 'M', 1n, ULLONG_MAX)).toBe(10n * 1024n * 1024n);
    expect(scaleInteger(10n, 'MiB', 1n, ULLONG_MAX)).toBe(10n * 1024n * 1024n);
    expect(scaleInteger(1500n, 'KB', 1n, ULLONG_MAX)).toBe(1_500_000n);
    expect(scaleInteger(7n, 'bytes', 1n, ULLONG_MAX)).toBe(7n);
    expect(scaleInteger(7n, undefined, 1024n, ULLONG_MAX)).toBe(7n * 1024n);
  });
  it('refuses unknown suffixes and overflow with libvirt wording', () => {
    expect(errorOf(() => scaleInteger(1n, 'Q', 1n, ULLONG_MAX))).toBe("invalid argument: unknown suffix 'Q'");
    expect(errorOf(() => scaleInteger(20n, 'E', 1n, ULLONG_MAX))).toBe('numerical overflow: value too large: 20E');
  });
});

describe('storage helpers', () => {
  it('sanitizes paths as virFileSanitizePath', () => {
    expect(sanitizePath('/var/lib/images/')).toBe('/var/lib/images');
    expect(sanitizePath('//host/share')).toBe('//host/share');
    expect(sanitizePath('///a//b/')).toBe('/a/b');
    expect(sanitizePath('/')).toBe('/');
    expect(sanitizePath('gluster://h//x')).toBe('gluster://h//x');
  });
  it('parses UUIDs liberally as virUUIDParse', () => {
    expect(parseUUID(' DFE224CB28FB8DD0C4B264EB3F0F4566 ')).toBe('dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566');
    expect(parseUUID('dfe2-24cb 28fb8dd0c4b264eb3f0f4566')).toBe('dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566');
    expect(parseUUID('not-a-uuid')).toBeUndefined();
  });
});

describe('pool XML', () => {
  it('canonicalizes a dir pool (trailing slash, permissions)', () => {
    const def = parsePoolXml(fixture('pool-dir.xml'));
    expect(def.targetPath).toBe('/var/lib/images');
    expect(formatPool(def)).toContain("    <permissions>\n      <mode>0755</mode>\n      <owner>107</owner>\n");
  });
  it('round-trips every fixture pool through format and parse', () => {
    for (const f of ['pool-dir.xml', 'pool-netfs.xml', 'pool-iscsi.xml', 'pool-scsi.xml', 'pool-rbd.xml', 'pool-fs-cow.xml']) {
      const once = formatPool(parsePoolXml(fixture(f)));
      expect(formatPool(parsePoolXml(once))).toBe(once);
    }
  });
  it('reports libvirt errors for bad pools', () => {
    expect(errorOf(() => parsePoolXml(fixture('pool-noname.xml')))).toBe('XML error: missing pool source name element');
    expect(errorOf(() => parsePoolXml(fixture('pool-baduuid.xml')))).toBe('XML error: malformed uuid element');
    expect(errorOf(() => parsePoolXml("<pool type='bogus'><name>x</name></pool>"))).toBe(
      "XML error: Invalid value for attribute 'type' in element 'pool': 'bogus'.",
    );
    expect(errorOf(() => parsePoolXml(fixture('pool-wrongroot.xml')))).toBe("XML error: expecting root element of 'pool', not 'network'");
  });
  it('gives logical pools their /dev/NAME target and default lvm2 format', () => {
    const xml = formatPool(parsePoolXml("<pool type='logical'><name>vg</name></pool>"));
    expect(xml).toContain("    <name>vg</name>\n    <format type='lvm2'/>\n");
    expect(xml).toContain('<path>/dev/vg</path>');
  });
});

describe('volume XML', () => {
  it('parses units and keeps qcow2 details', () => {
    const vol = parseVolXml(fixture('vol-qcow2.xml'), 'dir');
    expect(vol.capacity).toBe(10n * 1024n ** 3n);
    expect(vol.allocation).toBe(256n * 1024n ** 2n);
    const xml = formatVol('dir', vol);
    expect(xml).toContain("<format type='qcow2'/>");
    expect(xml).toContain('<compat>1.1</compat>\n    <features>\n      <lazy_refcounts/>\n');
  });
  it('defaults allocation to capacity and the format to raw', () => {
    const vol = parseVolXml(fixture('vol-small.xml'), 'dir');
    expect(vol.allocation).toBe(vol.capacity);
    expect(formatVol('dir', vol)).toContain("<format type='raw'/>");
  });
  it('reports libvirt errors for bad volumes', () => {
    expect(errorOf(() => parseVolXml(fixture('vol-nocap.xml'), 'dir'))).toBe('XML error: missing capacity element');
    expect(errorOf(() => parseVolXml(fixture('vol-badnum.xml'), 'dir'))).toBe('XML error: malformed capacity element');
    expect(errorOf(() => parseVolXml(fixture('vol-badformat.xml'), 'dir'))).toBe('unsupported configuration: unknown volume format type bogus');
    expect(errorOf(() => parseVolXml(fixture('vol-badtype.xml'), 'dir'))).toBe("unsupported configuration: unknown volume type 'weird'");
  });
});
