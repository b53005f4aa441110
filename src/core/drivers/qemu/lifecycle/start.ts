// qemuProcessStart: the definition becomes a live copy with an id, QEMU starts paused from
// the command line built for it, the live copy learns what QEMU made (pty paths), and the
// CPUs run unless the caller asked for a paused guest. A restore is the same start with an
// incoming migration: QEMU waits for its state (-incoming defer), which the caller feeds it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DomainState, PausedReason, RunningReason, ShutoffReason } from '../../../api/domain.js';
import type { DomainDef } from '../../../xml/domain/index.js';
import type { QemuProcess } from '../process/index.js';
import { virErr } from '../../../errors.js';
import { buildQemuArgv } from '../command/index.js';
import type { QemuDriver } from '../driver.js';
import { isActive, type QemuDomainObj } from '../domain/obj.js';
import { launchQemu, planPassedFds, qemuPaths, type PassedFile } from '../process/index.js';
import { chardevFileSets, closePassedFiles, fileChardevs, listeningChardevs, listenSockets, openChardevFiles } from './chardev-fds.js';
import { refreshChannelState } from './channels.js';
import { setupGraphics } from './graphics.js';
import { prepareChannelDir, refuseNetworks } from './host-dirs.js';
import { setupTaps, tapFdsByInterface, tapInterfaces } from './taps.js';
import { watchGuest } from './guest-events.js';
import { fillPtyPaths } from './pty-paths.js';
import { updateLiveGuestCpu } from './guest-cpu.js';
import { markDiskSources } from './disk-chain.js';
import { refreshBalloonState, setupBalloon } from './balloon.js';
import { setupCpuAffinity } from './affinity.js';
import { prepareLiveDef } from './live-def.js';
import { checkLabelledFiles, checkStorage, dropEmptyDiskFormats } from './prepare-host.js';
import { saveStatus } from './status.js';
import { stopDomain } from './stop.js';
import { taintsAtStart } from './taint.js';

export interface StartOptions {
  paused?: boolean;
  /**
   * Start from saved state (qemuSaveImageStartVM): the image's definition runs instead of the
   * domain's, and `feed` gives QEMU the state; the guest then runs as "restored", or stays
   * paused (migrating) when `paused`.
   */
  incoming?: { def: DomainDef; feed: (proc: QemuProcess) => Promise<void> };
}

export async function startDomain(drv: QemuDriver, obj: QemuDomainObj, options: StartOptions = {}): Promise<void> {
  if (isActive(obj)) throw virErr('OPERATION_INVALID', 'domain is already running');
  const id = drv.lastId + 1;
  const incoming = options.incoming;
  const live = structuredClone(incoming?.def ?? obj.def);
  const privileged = process.getuid?.() === 0;
  // Everything that can refuse the definition runs before any state changes.
  // Descriptors QEMU gets: chardev files; TAP devices, the monitor and listening chardevs.
  const tapCount = tapInterfaces(live).length;
  const fds = planPassedFds(fileChardevs(live).length, tapCount + 1 + listeningChardevs(live).length);
  const [tapFds, socketFds] = [fds.made.slice(0, tapCount), fds.made.slice(tapCount)];
  const argvContext = { libDir: drv.paths.libDir, privileged, env: process.env, id, tapFds: tapFdsByInterface(live, tapFds), monitorFd: socketFds[0] };
  buildQemuArgv(live, argvContext);
  const chardevFiles = chardevFileSets(live, fds.files);
  prepareLiveDef(drv, live);
  const paths = qemuPaths(drv.paths, live.name, id);
  drv.lastId = id;
  obj.id = id;
  drv.updateInhibit();
  obj.newDef = obj.persistent ? obj.def : undefined;
  obj.def = live;
  obj.state = DomainState.PAUSED;
  obj.reason = PausedReason.STARTING_UP;
  let files: PassedFile[] = [];
  try {
    // qemuProcessPrepareDomain, qemuProcessPrepareHost, then the host side of the command line.
    refuseNetworks(live);
    await setupGraphics(drv, live);
    checkStorage(live, drv.caps.conf);
    dropEmptyDiskFormats(live);
    prepareChannelDir(drv, live, id);
    files = openChardevFiles(live, fds.files);
    const { sockets, byAlias: chardevSockets } = listenSockets(live, paths.monitor, socketFds);
    const taps = setupTaps(live, tapFds);
    // The chains qemuDomainDetermineDiskChain probed; the command line closes them too.
    markDiskSources(live);
    const cmd = buildQemuArgv(live, { ...argvContext, chardevFiles, chardevSockets });
    obj.taints = taintsAtStart(drv, obj);
    checkLabelledFiles(live);
    mkdirSync(paths.domainDir, { recursive: true, mode: 0o750 });
    // The secret QEMU decrypts other secrets with (qemuDomainMasterKeyCreate).
    writeFileSync(`${paths.domainDir}/master-key.aes`, randomBytes(32), { mode: 0o600 });
    const args = incoming ? [...cmd.args, '-incoming', 'defer'] : cmd.args;
    const proc = await launchQemu({ paths, args, binary: cmd.binary, command: { env: Object.fromEntries(cmd.env) }, paused: true, taps, sockets, files });
    closePassedFiles(files);
    obj.proc = proc;
    watchGuest(drv, obj, proc);
    await fillPtyPaths(proc.qmp, live);
    await refreshChannelState(proc.qmp, live);
    await setupCpuAffinity(proc.qmp, proc.pid, live);
    const cpuAsDefined = live.cpu && structuredClone(live.cpu);
    await updateLiveGuestCpu(proc.qmp, live);
    obj.origCpu = cpuAsDefined && JSON.stringify(cpuAsDefined) !== JSON.stringify(live.cpu) ? cpuAsDefined : undefined;
    await setupBalloon(proc.qmp, live);
    // The CPUs have not run yet, so the guest cannot have returned memory: QEMU's size is exact.
    await refreshBalloonState(proc.qmp, live);
    // qemuProcessSetupLifecycleActions: a guest's own reboot is to end it like a power-off.
    if (live.onReboot === 'destroy') await proc.qmp.execute('set-action', { reboot: 'shutdown' });
    if (incoming) await incoming.feed(proc);
    if (!options.paused) await proc.qmp.execute('cont');
    obj.state = options.paused ? DomainState.PAUSED : DomainState.RUNNING;
    if (options.paused) obj.reason = incoming ? PausedReason.MIGRATION : PausedReason.USER;
    else obj.reason = incoming ? RunningReason.RESTORED : RunningReason.BOOTED;
    saveStatus(drv.paths, obj);
  } catch (err) {
    closePassedFiles(files);
    await stopDomain(drv, obj, ShutoffReason.FAILED);
    throw err;
  }
}
