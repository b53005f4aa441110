import { describe, it, expect } from 'vitest';
import { parseURI, formatURI, parseParams } from '../../src/core/uri/parse.js';
import { parseConf, confString } from '../../src/core/uri/conf.js';
import { defaultURI, resolveAlias } from '../../src/core/uri/config.js';
import { splitScheme, remoteTarget } from '../../src/core/uri/remote-target.js';

describe('virURIParse grammar', () => {
  it('splits driver+transport://user@host:port/path?query#fragment', () => {
    const u = parseURI('qemu+ssh://root@example.com:2222/system?keyfile=%2Fk&no_verify=1#top');
    expect(u).toMatchObject({
      scheme: 'qemu+ssh',
      user: 'root',
      server: 'example.com',
      port: 2222,
      path: '/system',
      query: 'keyfile=%2Fk&no_verify=1',
      fragment: 'top',
    });
    expect(u.params).toEqual([
      { name: 'keyfile', value: '/k' },
      { name: 'no_verify', value: '1' },
    ]);
  });

  it('treats an empty host as none, and drops the port then', () => {
    expect(parseURI('test:///default')).toMatchObject({ scheme: 'test', server: undefined, port: 0, path: '/default' });
    expect(parseURI('test://')).toMatchObject({ server: undefined, path: undefined });
    expect(parseURI('test:')).toMatchObject({ scheme: 'test', path: undefined });
  });

  it('accepts opaque and relative forms libxml2 accepts', () => {
    expect(parseURI('test:/default').path).toBe('/default');
    expect(parseURI('test:rel/x.xml').path).toBe('rel/x.xml');
    expect(parseURI('bogus')).toMatchObject({ scheme: undefined, path: 'bogus' });
  });

  it('unescapes the path and strips IPv6 brackets', () => {
    expect(parseURI('test:///%20').path).toBe('/ ');
    expect(parseURI('qemu+tcp://[::1]:16509/system')).toMatchObject({ server: '::1', port: 16509 });
  });

  it('refuses what libxml2 refuses', () => {
    for (const bad of ['::', 'a b', '[::1]', 'test://host:/x', 'test:///%zz', 'test:///default?a=%zz']) {
      expect(() => parseURI(bad), bad).toThrow(`internal error: Unable to parse URI ${bad}`);
    }
  });

  it('formats back as virConnectGetURI shows it', () => {
    expect(formatURI(parseURI('test:/default'))).toBe('test:///default');
    expect(formatURI(parseURI('test:///default?'))).toBe('test:///default?');
    expect(formatURI(parseURI('qemu+ssh://u@h:22/system'))).toBe('qemu+ssh://u@h:22/system');
  });

  it('parses query parameters as virURIParseParams', () => {
    expect(parseParams('a=1&&b&=x&c=')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '' },
      { name: 'c', value: '' },
    ]);
    expect(parseParams('a=1;b=2')).toEqual([
      { name: 'a', value: '1' },
      { name: 'b', value: '2' },
    ]);
  });
});

describe('libvirt.conf', () => {
  const conf = parseConf(
    'libvirt.conf',
    '# aliases\nuri_aliases = [\n  "hail=qemu+ssh://root@hail/system",\n  "sleet=qemu+ssh://root@sleet/system",\n]\nuri_default = "test:///default"  # the default\n',
  );

  it('reads strings and lists', () => {
    expect(confString(conf, 'uri_default')).toBe('test:///default');
    expect(resolveAlias(conf, 'sleet')).toBe('qemu+ssh://root@sleet/system');
    expect(resolveAlias(conf, 'rain')).toBeUndefined();
  });

  it('reports syntax errors with file and line', () => {
    expect(() => parseConf('f.conf', 'a = 1\nb = \n')).toThrow('configuration file syntax error: f.conf:2: expecting a value');
    expect(() => parseConf('f.conf', 'a = "x\n')).toThrow('f.conf:1: unterminated string');
    expect(() => parseConf('f.conf', 'a = [ "x" "y" ]')).toThrow('f.conf:1: expecting a separator in list');
    expect(() => parseConf('f.conf', 'a 1')).toThrow('f.conf:1: expecting an assignment');
  });

  it('refuses malformed alias entries met before the match', () => {
    const bad = parseConf('c', 'uri_aliases = [ "no-equals", "a=test:///default" ]');
    expect(() => resolveAlias(bad, 'a')).toThrow("Malformed 'uri_aliases' config entry 'no-equals', expected 'alias=uri://host/path'");
    const chars = parseConf('c', 'uri_aliases = [ "a.b=test:///default" ]');
    expect(() => resolveAlias(chars, 'x')).toThrow("aliases may only contain 'a-Z, 0-9, _, -'");
  });

  it('prefers LIBVIRT_DEFAULT_URI over uri_default', () => {
    expect(defaultURI(conf, { LIBVIRT_DEFAULT_URI: 'qemu:///system' })).toBe('qemu:///system');
    expect(defaultURI(conf, { LIBVIRT_DEFAULT_URI: '' })).toBe('test:///default');
    expect(defaultURI(undefined, {})).toBeUndefined();
  });
});

describe('remote driver target', () => {
  it('derives transport from the scheme', () => {
    expect(splitScheme(parseURI('qemu:///system'))).toEqual({ driver: 'qemu', transport: 'unix' });
    expect(splitScheme(parseURI('qemu://h/system'))).toEqual({ driver: 'qemu', transport: 'tls' });
    expect(splitScheme(parseURI('qemu+TCP://h/system'))).toEqual({ driver: 'qemu', transport: 'tcp' });
    expect(() => splitScheme(parseURI('qemu+foo:///system'))).toThrow('transport in URL not recognised');
    expect(() => splitScheme(parseURI('qemu+unix://h/system'))).toThrow("remote server 'h' is not supported.");
  });

  it('picks the socket libvirt would use', () => {
    const sock = (u: string, ro = false) => {
      const t = remoteTarget(parseURI(u), undefined, ro);
      return t.transport === 'unix' ? t.socket : undefined;
    };
    if (process.geteuid?.() === 0) {
      expect(sock('qemu:///system')).toBe('/var/run/libvirt/libvirt-sock');
      expect(sock('qemu:///system', true)).toBe('/var/run/libvirt/libvirt-sock-ro');
      expect(sock('qemu:///system?mode=direct')).toBe('/var/run/libvirt/virtqemud-sock');
    }
    expect(sock('qemu+unix:///system?socket=/x/y')).toBe('/x/y');
    expect(() => sock('qemu:///system?mode=x')).toThrow("Unknown remote mode 'x'");
    const conf = parseConf('c', 'remote_mode = "direct"');
    const t = remoteTarget(parseURI('lxc:///system'), conf, false);
    if (process.geteuid?.() === 0) expect(t).toEqual({ transport: 'unix', socket: '/var/run/libvirt/virtlxcd-sock' });
  });
});
