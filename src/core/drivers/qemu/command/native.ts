import { parseDomainXML, type DomainDef } from '../../../xml/domain/index.js';
import { elem, sub, type Elem } from '../../../xml/domain/elem.js';
import { unsupported, virErr } from '../../../errors.js';
import type { ArgvContext } from './context.js';
import { buildQemuArgv } from './index.js';
import { TapFds } from './tap.js';
import { devicesOf } from './util.js';
import { reassignNetAddresses } from './net-address.js';

/** The only native format the QEMU driver knows. */
const QEMU_ARGV = 'qemu-argv';

export interface NativeContext extends Omit<ArgvContext, 'id' | 'tapFds'> {
  /**
   * The driver's parse (virDomainDefParseString with its post-parse: default devices,
   * addresses, MACs). Without it the definition is taken as already expanded.
   */
  parse?: (xml: string) => DomainDef | Promise<DomainDef>;
}

/**
 * Every interface becomes a plain TAP ('ethernet') keeping only MAC, model and script, since a
 * command line cannot set up bridges or networks; the per-device boot order does not survive.
 */
function asEthernet(def: DomainDef): void {
  for (const n of devicesOf(def, 'interface')) {
    const keep = (name: string): Elem[] => (sub(n.el, name) ? [sub(n.el, name)!] : []);
    n.el = elem('interface', [['type', 'ethernet']], [...keep('mac'), ...keep('script'), ...keep('model')]);
    n.info = {};
  }
  reassignNetAddresses(def, devicesOf(def, 'interface'));
}

/** qemuConnectDomainXMLToNative: the command line libvirt would run, with id -1. */
export async function domainXMLToNative(ctx: NativeContext, format: string, xml: string, flags: number): Promise<string> {
  if (flags !== 0) throw virErr('INVALID_ARG', `unsupported flags (0x${flags.toString(16)}) in function qemuConnectDomainXMLToNative`);
  if (format !== QEMU_ARGV) throw virErr('INVALID_ARG', `unsupported config type ${format}`, 'QEMU');
  const def = ctx.parse ? await ctx.parse(xml) : parseDomainXML(xml, { driverType: 'qemu' });
  asEthernet(def);
  const taps = new TapFds();
  try {
    const tapFds = devicesOf(def, 'interface').map(() => [taps.open()]);
    return buildQemuArgv(def, { ...ctx, id: -1, tapFds }).toString();
  } finally {
    taps.closeAll();
  }
}

/** The QEMU driver has no virConnectDomainXMLFromNative since libvirt 5.5. */
export function domainXMLFromNative(): never {
  throw unsupported('virConnectDomainXMLFromNative');
}
