import type { QemuCommand } from './argv.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import { escapeComma } from './argv.js';
import { featureState, isQ35 } from './util.js';

/** -no-shutdown (QEMU sets the lifecycle actions later), -no-acpi, S3/S4 (qemuBuildPMCommandLine). */
export function buildPM(cmd: QemuCommand, def: DomainDef): void {
  cmd.add('-no-shutdown');
  if (featureState(def, 'acpi') !== 'on') cmd.add('-no-acpi');
  const lpc = isQ35(def) ? 'ICH9-LPC' : 'PIIX4_PM';
  if (def.pm?.s3) cmd.add('-global', `${lpc}.disable_s3=${def.pm.s3 === 'no' ? 1 : 0}`);
  if (def.pm?.s4) cmd.add('-global', `${lpc}.disable_s4=${def.pm.s4 === 'no' ? 1 : 0}`);
}

/** -boot [menu=…,][reboot-timeout=…,][splash-time=…,]strict=on and direct kernel boot. */
export function buildBoot(cmd: QemuCommand, def: DomainDef): void {
  let opts = '';
  if (def.os.bootmenu) opts += `menu=${def.os.bootmenu.enable === 'yes' ? 'on' : 'off'},`;
  if (def.os.bios?.rebootTimeout !== undefined) opts += `reboot-timeout=${def.os.bios.rebootTimeout},`;
  if (def.os.bootmenu?.timeout !== undefined) opts += `splash-time=${def.os.bootmenu.timeout},`;
  cmd.add('-boot', `${opts}strict=on`);
  if (def.os.kernel) cmd.add('-kernel', def.os.kernel);
  if (def.os.initrd) cmd.add('-initrd', def.os.initrd);
  if (def.os.cmdline) cmd.add('-append', def.os.cmdline);
  if (def.os.dtb) cmd.add('-dtb', def.os.dtb);
  if (def.os.acpiTable) cmd.add('-acpitable', `sig=SLIC,file=${escapeComma(def.os.acpiTable)}`);
}
