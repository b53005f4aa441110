import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import { virErr } from '../../../errors.js';

/** A character device a console can attach to: its source type, pty path and alias. */
export interface ConsoleChr {
  type: string;
  path?: string;
  alias?: string;
}

function chrOf(d: DeviceDef): ConsoleChr {
  return { type: attr(d.el, 'type') ?? 'pty', path: attr(sub(d.el, 'source'), 'path'), alias: d.info.alias };
}

/**
 * The live definition's consoles as libvirt holds them: an HVM guest's serial-type console is
 * the serial port itself (same chardev, same alias).
 */
function consoles(def: DomainDef, serials: DeviceDef[]): DeviceDef[] {
  let i = 0;
  return def.devices
    .filter((d) => d.kind === 'console')
    .map((con) => {
      const serial = serials[i++];
      const ttype = attr(sub(con.el, 'target'), 'type');
      const onSerial = def.os.type === 'hvm' && serial && (ttype === undefined || ttype === 'serial' || ttype === 'none');
      return onSerial ? serial : con;
    });
}

/**
 * qemuDomainOpenConsole's choice: by alias among consoles, serials and parallels, or the first
 * console (else the first serial) without one; it must be a pty.
 */
export function findConsoleChr(def: DomainDef, devName: string | null): ConsoleChr {
  const serials = def.devices.filter((d) => d.kind === 'serial');
  const cons = consoles(def, serials);
  let chr: DeviceDef | undefined;
  if (devName !== null) {
    const parallels = def.devices.filter((d) => d.kind === 'parallel');
    chr = [...cons, ...serials, ...parallels].find((d) => d.info.alias === devName);
  } else {
    chr = cons[0] ?? serials[0];
  }
  if (!chr) throw virErr('INTERNAL_ERROR', `cannot find character device ${devName ?? '<null>'}`);
  const found = chrOf(chr);
  if (found.type !== 'pty') throw virErr('INTERNAL_ERROR', `character device ${devName ?? found.alias ?? '<null>'} is not using a PTY`);
  return found;
}
