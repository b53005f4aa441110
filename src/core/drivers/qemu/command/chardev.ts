import { escapeComma, type QemuCommand } from './argv.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, devicesOf, sub } from './util.js';
import { qemuError } from './errors.js';
import { shortName, type ArgvContext } from './context.js';

/**
 * -add-fd for a file chardev whose file the driver opened and passes (a started guest; the
 * pretend command line of domxml-to-native names the path).
 */
function passedFile(cmd: QemuCommand, ctx: ArgvContext, alias: string): string | undefined {
  const passed = ctx.chardevFiles?.get(alias);
  if (!passed) return undefined;
  cmd.add('-add-fd', `set=${passed.set},fd=${passed.fd},opaque=${alias}-source`);
  return `/dev/fdset/${passed.set}`;
}

/** The -chardev backend string of a character device's host side (qemuBuildChardevStr). */
function chardevStr(d: DeviceDef, id: string, autoPath?: string, fdsetPath?: string, socketFd?: number): string {
  const type = attr(d.el, 'type') ?? 'pty';
  const src = sub(d.el, 'source');
  switch (type) {
    case 'pty':
    case 'null':
    case 'vc':
    case 'stdio':
      return `${type},id=${id}`;
    case 'spicevmc':
      return `spicevmc,id=${id},name=vdagent`;
    case 'spiceport':
      return `spiceport,id=${id},name=${attr(src, 'channel')}`;
    case 'file': {
      if (fdsetPath) return `file,id=${id},path=${fdsetPath},append=on`;
      return `file,id=${id},path=${escapeComma(attr(src, 'path') ?? '')}${attr(src, 'append') ? `,append=${attr(src, 'append')}` : ''}`;
    }
    case 'unix': {
      // A channel without a path gets one in the driver's channel directory, listening.
      const path = attr(src, 'path') ?? autoPath;
      const listen = attr(src, 'mode') !== 'connect';
      if (listen && socketFd !== undefined) return `socket,id=${id},fd=${socketFd},server=on,wait=off`;
      return `socket,id=${id},path=${escapeComma(path ?? '')}${listen ? ',server=on,wait=off' : ''}`;
    }
    default:
      throw qemuError('CONFIG_UNSUPPORTED', `character device type '${type}' is not supported by virsh-ts`);
  }
}

/** Serial ports: -chardev and an isa-serial device (qemuBuildSerialCommandLine). */
export function buildSerials(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  for (const s of devicesOf(def, 'serial')) {
    const alias = s.info.alias!;
    cmd.add('-chardev', chardevStr(s, `char${alias}`, undefined, passedFile(cmd, ctx, alias), ctx.chardevSockets?.get(alias)));
    const port = Number(attr(sub(s.el, 'target'), 'port') ?? 0);
    cmd.addJson('-device', { driver: 'isa-serial', chardev: `char${alias}`, id: alias, index: port });
  }
}

/** Channels on virtio-serial ports (qemuBuildChannelsCommandLine). */
export function buildChannels(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  for (const c of devicesOf(def, 'channel')) {
    const target = sub(c.el, 'target');
    if (attr(target, 'type') !== 'virtio') throw qemuError('CONFIG_UNSUPPORTED', `channel target type '${attr(target, 'type')}' is not supported by virsh-ts`);
    const alias = c.info.alias!;
    const name = attr(target, 'name');
    const autoPath = name ? `${ctx.libDir}/channel/target/domain-${ctx.id}-${shortName(def)}/${name}` : undefined;
    cmd.add('-chardev', chardevStr(c, `char${alias}`, autoPath, passedFile(cmd, ctx, alias), ctx.chardevSockets?.get(alias)));
    cmd.addJson('-device', virtioSerialPort(c, 'virtserialport', alias, name));
  }
}

/** Consoles other than the serial port's own: virtio consoles (qemuBuildConsoleCommandLine). */
export function buildConsoles(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  for (const c of devicesOf(def, 'console')) {
    const ttype = attr(sub(c.el, 'target'), 'type');
    if (ttype === 'serial') continue;
    if (ttype !== 'virtio') throw qemuError('CONFIG_UNSUPPORTED', `console target type '${ttype}' is not supported by virsh-ts`);
    const alias = c.info.alias!;
    cmd.add('-chardev', chardevStr(c, `char${alias}`, undefined, passedFile(cmd, ctx, alias), ctx.chardevSockets?.get(alias)));
    cmd.addJson('-device', virtioSerialPort(c, 'virtconsole', alias, undefined));
  }
}

function virtioSerialPort(d: DeviceDef, driver: string, alias: string, name: string | undefined) {
  const a = d.info.address?.type === 'virtio-serial' ? d.info.address : undefined;
  return { driver, bus: a && `virtio-serial${a.controller}.${a.bus}`, nr: a?.port || undefined, chardev: `char${alias}`, id: alias, name };
}
