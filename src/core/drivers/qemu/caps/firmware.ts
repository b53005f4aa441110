import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The loaders qemu.conf's nvram list names when it sets none (DEFAULT_LOADER_NVRAM). */
const DEFAULT_LOADERS = [
  '/usr/share/OVMF/OVMF_CODE.fd',
  '/usr/share/OVMF/OVMF_CODE.secboot.fd',
  '/usr/share/AAVMF/AAVMF_CODE.fd',
  '/usr/share/AAVMF/AAVMF32_CODE.fd',
];

interface Descriptor {
  'interface-types'?: string[];
  mapping?: { device?: string; executable?: { filename?: string }; filename?: string };
  targets?: Array<{ architecture?: string; machines?: string[] }>;
  features?: string[];
}

/**
 * qemuInteropFetchConfigs: the firmware descriptors by file name, a name in a later
 * directory (/etc, then the user's config for an unprivileged driver) hiding the same name
 * in an earlier one; an empty file only hides.
 */
function descriptorFiles(privileged: boolean): string[] {
  const dirs = ['/usr/share/qemu/firmware', '/etc/qemu/firmware'];
  if (!privileged) dirs.push(join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'qemu', 'firmware'));
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const n of names) if (!n.startsWith('.')) byName.set(n, join(dir, n));
  }
  return [...byName.keys()]
    .sort()
    .map((n) => byName.get(n)!)
    .filter((p) => statSync(p).size > 0);
}

/** g_pattern_match_simple: '*' any run of characters, '?' any one. */
function globMatch(pattern: string, text: string): boolean {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${re}$`, 's').test(text);
}

export interface FirmwareCaps {
  /** <enum name='firmware'> values, in virDomainOsDefFirmware order. */
  firmware: string[];
  loaders: string[];
  secure: boolean;
}

/** virQEMUCapsFillDomainOSCaps via qemuFirmwareGetSupported for one machine and arch. */
export function firmwareCaps(machine: string, arch: string, privileged: boolean): FirmwareCaps {
  const kinds = new Set<string>();
  let secure = false;
  const found: string[] = [];
  for (const file of descriptorFiles(privileged)) {
    let fw: Descriptor;
    try {
      fw = JSON.parse(readFileSync(file, 'utf8')) as Descriptor;
    } catch {
      continue;
    }
    const matches = (fw.targets ?? []).some((t) => t.architecture === arch && (t.machines ?? []).some((m) => globMatch(m, machine)));
    if (!matches) continue;
    for (const i of fw['interface-types'] ?? []) {
      if (i === 'uefi') kinds.add('efi');
      else if (i === 'bios') kinds.add('bios');
    }
    if (fw.features?.includes('requires-smm')) secure = true;
    const path = fw.mapping?.device === 'flash' ? fw.mapping.executable?.filename : fw.mapping?.device === 'memory' ? fw.mapping.filename : undefined;
    if (path) found.push(path);
  }
  // Without a matching descriptor that names an image, qemu.conf's list stands.
  const candidates = found.length ? found : DEFAULT_LOADERS;
  const loaders = [...new Set(candidates.filter((p) => existsSync(p)))];
  return { firmware: ['bios', 'efi'].filter((k) => kinds.has(k)), loaders, secure };
}
