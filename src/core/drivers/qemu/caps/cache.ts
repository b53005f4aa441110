import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../config/atomic.js';
import { libvirtWarn } from '../../../libvirt-log.js';
import { probeQemu, type QemuProbe } from './probe.js';

/** Bumped when QemuProbe changes shape, so older cache files are probed again. */
const CACHE_FORMAT = 2;

interface CacheFile {
  format: number;
  emulator: string;
  /** The binary's ctime and mtime (ms) when probed: a new build invalidates the entry. */
  ctimeMs: number;
  mtimeMs: number;
  probe: QemuProbe;
}

/** Whether /dev/kvm opens read-write, as kvmUsable in capabilities.ts judges it (virQEMUCapsKVMUsable). */
function kvmDeviceUsable(): boolean {
  try {
    accessSync('/dev/kvm', constants.R_OK | constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * virQEMUCapsCache: one probe per binary, kept in CACHEDIR/capabilities/SHA256(path) (the
 * name libvirt uses, with .json for our own format) and reused while the binary is unchanged.
 */
export async function cachedProbe(cacheDir: string, binary: string, accel = 'kvm:tcg'): Promise<QemuProbe> {
  const st = statSync(binary);
  // A TCG-only probe (for qemu domains on a KVM host) is kept beside the default one.
  const suffix = accel === 'kvm:tcg' ? '' : `.${accel}`;
  const file = join(cacheDir, 'capabilities', `${createHash('sha256').update(binary).digest('hex')}${suffix}.json`);
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    // As virQEMUCapsIsValid: a probe whose KVM support no longer matches /dev/kvm is stale.
    const kvmAgrees = accel !== 'kvm:tcg' || (c.probe.accel === 'kvm') === kvmDeviceUsable();
    if (c.format === CACHE_FORMAT && c.emulator === binary && c.ctimeMs === st.ctimeMs && c.mtimeMs === st.mtimeMs && kvmAgrees) return c.probe;
  } catch {
    // Missing or unreadable: probe again.
  }
  const probe = await probeQemu(binary, accel).catch((e: unknown) => {
    libvirtWarn('virQEMUCapsLogProbeFailure:5779', `Failed to probe capabilities for ${binary}: ${(e as Error).message}`);
    throw e;
  });
  const entry: CacheFile = { format: CACHE_FORMAT, emulator: binary, ctimeMs: st.ctimeMs, mtimeMs: st.mtimeMs, probe };
  writeFileAtomic(file, `${JSON.stringify(entry)}\n`);
  return probe;
}
