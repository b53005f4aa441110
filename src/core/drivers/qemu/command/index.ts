/**
 * Domain definition → QEMU command line, as libvirt 9.0's qemuBuildCommandLine builds it
 * for QEMU 7.2. The definition is expected fully expanded (defaults, controllers, PCI
 * addresses and MACs already filled in by the driver's post-parse).
 */
import type { DomainDef } from '../../../xml/domain/index.js';
import { QemuCommand } from './argv.js';
import type { ArgvContext } from './context.js';
import { assignAliases } from './alias.js';
import { buildEnv, buildIdentity, buildMonitor, buildName } from './header.js';
import { buildMachine } from './machine.js';
import { buildCpu, buildSmp } from './cpu.js';
import { validateForCommandLine } from './validate.js';
import { buildMemory } from './memory.js';
import { buildNuma } from './numa.js';
import { buildIOThreads, buildVmcoreinfo } from './iothreads.js';
import { buildRngs, buildSounds, buildWatchdog } from './misc-devices.js';
import { buildClock } from './clock.js';
import { buildBoot, buildPM } from './boot.js';
import { buildControllers } from './controllers.js';
import { buildDisks } from './disks.js';
import { buildNets } from './net.js';
import { buildChannels, buildConsoles, buildSerials } from './chardev.js';
import { buildInputs } from './input.js';
import { buildAudio, buildBalloon, buildGraphics, buildVideos } from './display.js';

export { QemuCommand, shellQuote } from './argv.js';
export type { ArgvContext } from './context.js';
export { domainXMLToNative, domainXMLFromNative } from './native.js';

type Section = (cmd: QemuCommand, def: DomainDef, ctx: ArgvContext) => void;

/** qemuBuildCommandLine's order of sections. */
const SECTIONS: Section[] = [
  buildEnv,
  buildName,
  buildMachine,
  buildCpu,
  buildMemory,
  buildSmp,
  buildIOThreads,
  buildNuma,
  buildIdentity,
  buildMonitor,
  buildClock,
  buildPM,
  buildBoot,
  buildControllers,
  buildDisks,
  buildNets,
  buildSerials,
  buildChannels,
  buildConsoles,
  buildInputs,
  buildAudio,
  buildGraphics,
  buildVideos,
  buildSounds,
  buildWatchdog,
  buildBalloon,
  buildRngs,
  buildVmcoreinfo,
  (cmd) => cmd.add('-sandbox', 'on,obsolete=deny,elevateprivileges=deny,spawn=deny,resourcecontrol=deny'),
  (cmd) => cmd.add('-msg', 'timestamp=on'),
];

/** The QEMU command (environment and argv) that starts `def`. Sets device aliases on `def`. */
export function buildQemuArgv(def: DomainDef, ctx: ArgvContext): QemuCommand {
  validateForCommandLine(def);
  assignAliases(def);
  const cmd = new QemuCommand(def.emulator ?? '/usr/bin/qemu-system-x86_64');
  for (const section of SECTIONS) section(cmd, def, ctx);
  return cmd;
}
