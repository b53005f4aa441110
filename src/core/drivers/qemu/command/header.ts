import { escapeComma, type QemuCommand } from './argv.js';
import { domainLibDir, type ArgvContext } from './context.js';
import type { DomainDef } from '../../../xml/domain/index.js';

/** Variables virCommandAddEnvPassCommon passes on from libvirt's own environment. */
const PASSED_ENV = ['LD_PRELOAD', 'LD_LIBRARY_PATH', 'DYLD_INSERT_LIBRARIES', 'DYLD_FORCE_FLAT_NAMESPACE', 'PATH', 'HOME', 'USER', 'LOGNAME', 'TMPDIR'];

/** LC_ALL=C, the passed variables, then HOME and XDG_* inside the domain's directory. */
export function buildEnv(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  cmd.setEnv('LC_ALL', 'C');
  for (const name of PASSED_ENV) {
    const v = ctx.env[name];
    if (v !== undefined) cmd.setEnv(name, v);
  }
  const dir = domainLibDir(def, ctx);
  if (ctx.privileged) {
    cmd.setEnv('HOME', dir);
    cmd.setEnv('XDG_DATA_HOME', `${dir}/.local/share`);
  }
  cmd.setEnv('XDG_CACHE_HOME', `${dir}/.cache`);
  if (ctx.privileged) cmd.setEnv('XDG_CONFIG_HOME', `${dir}/.config`);
}

/** -name guest=…,debug-threads=on, -S and the master key secret. */
export function buildName(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  cmd.add('-name', `guest=${escapeComma(def.name)},debug-threads=on`);
  cmd.add('-S');
  cmd.addJson('-object', { 'qom-type': 'secret', id: 'masterKey0', format: 'raw', file: `${domainLibDir(def, ctx)}/master-key.aes` });
}

/** -uuid, -display none without graphics, and no default devices or config. */
export function buildIdentity(cmd: QemuCommand, def: DomainDef): void {
  cmd.add('-uuid', def.uuid);
  if (!def.devices.some((d) => d.kind === 'graphics')) cmd.add('-display', 'none');
  cmd.add('-no-user-config', '-nodefaults');
}

/** The QMP monitor on a socket in the domain's directory, handed over listening when started. */
export function buildMonitor(cmd: QemuCommand, def: DomainDef, ctx: ArgvContext): void {
  const where = ctx.monitorFd !== undefined ? `fd=${ctx.monitorFd}` : `path=${escapeComma(`${domainLibDir(def, ctx)}/monitor.sock`)}`;
  cmd.add('-chardev', `socket,id=charmonitor,${where},server=on,wait=off`);
  cmd.add('-mon', 'chardev=charmonitor,id=monitor,mode=control');
}
