// qemuProcessPrepareHostBackendChardev: libvirt opens each file chardev's file itself
// (created, truncated unless append='on') and hands QEMU the descriptor in an fd set
// (-add-fd … -chardev file,path=/dev/fdset/N,append=on), fd sets numbered from 0 in the order
// of the guest's character devices; a listening UNIX chardev's socket is made for QEMU too
// (socket,fd=N), and so is the monitor's.
import { closeSync, constants, openSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';
import type { DeviceDef, DomainDef } from '../../../xml/domain/index.js';
import { attr, sub } from '../../../xml/domain/elem.js';
import type { ListenSocket, PassedFile } from '../process/index.js';

/** The character devices with a chardev of their own, in qemuDomainDeviceBackendChardevForeach's order. */
function ownChardevs(def: DomainDef): DeviceDef[] {
  const consoles = def.devices.filter((d) => d.kind === 'console' && attr(sub(d.el, 'target'), 'type') !== 'serial');
  return [...['serial', 'parallel', 'channel'].flatMap((k) => def.devices.filter((d) => d.kind === k)), ...consoles];
}

export function fileChardevs(def: DomainDef): DeviceDef[] {
  return ownChardevs(def).filter((d) => attr(d.el, 'type') === 'file');
}

export function listeningChardevs(def: DomainDef): DeviceDef[] {
  return ownChardevs(def).filter((d) => attr(d.el, 'type') === 'unix' && attr(sub(d.el, 'source'), 'mode') !== 'connect');
}

/**
 * The listening sockets QEMU gets, the monitor's first, with their numbers from `fds`; the
 * chardevs' numbers by alias for the command line. Channel paths must be filled in already.
 */
export function listenSockets(def: DomainDef, monitor: string, fds: number[]): { sockets: ListenSocket[]; byAlias: Map<string, number> } {
  const chardevs = listeningChardevs(def);
  const sockets = [{ path: monitor, fd: fds[0] }, ...chardevs.map((d, i) => ({ path: attr(sub(d.el, 'source'), 'path') ?? '', fd: fds[i + 1] }))];
  return { sockets, byAlias: new Map(chardevs.map((d, i) => [d.info.alias!, fds[i + 1]])) };
}

/** The fd set and descriptor number of each file chardev, by alias (aliases assigned). */
export function chardevFileSets(def: DomainDef, fds: number[]): Map<string, { set: number; fd: number }> {
  return new Map(fileChardevs(def).map((d, i) => [d.info.alias!, { set: i, fd: fds[i] }]));
}

/** Opens the files; on failure those already open are closed. */
export function openChardevFiles(def: DomainDef, fds: number[]): PassedFile[] {
  const opened: PassedFile[] = [];
  try {
    for (const [i, d] of fileChardevs(def).entries()) {
      const path = attr(sub(d.el, 'source'), 'path') ?? '';
      const flags = constants.O_CREAT | constants.O_WRONLY | (attr(sub(d.el, 'source'), 'append') === 'on' ? constants.O_APPEND : constants.O_TRUNC);
      try {
        opened.push({ fd: openSync(path, flags, 0o600), at: fds[i] });
      } catch (e) {
        throw virErr('SYSTEM_ERROR', `Failed to create file '${path}': ${strerror(e)}`);
      }
    }
    return opened;
  } catch (e) {
    closePassedFiles(opened);
    throw e;
  }
}

export function closePassedFiles(files: PassedFile[]): void {
  for (const f of files.splice(0)) closeSync(f.fd);
}
