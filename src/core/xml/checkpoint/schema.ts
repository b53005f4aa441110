import { virErr } from '../../errors.js';
import type { XNode } from '../tree.js';

/**
 * libvirt validates every checkpoint document against domaincheckpoint.rng. This checks the
 * checkpoint's own grammar (not the embedded domain) and reports libxml2's RelaxNG messages
 * for the two ways a document fails an interleave: an unknown element, or a known element
 * whose content (or repetition) does not match.
 */
const SCHEMA = '/usr/share/libvirt/schemas/domaincheckpoint.rng';

const NAME_RE = /^[a-zA-Z0-9_-][a-zA-Z0-9_.-]*$/;
const DISK_TARGET_RE = /^(ioemu:)?(fd|hd|sd|vd|xvd|ubd)[a-zA-Z0-9_]+$/;
const ABS_PATH_RE = /^(\/|[a-zA-Z]:\\).+$/s;
const ULONG_RE = /^[0-9]+$/;

const textOnly = (n: XNode) => n.children.length === 0;

function validDisk(d: XNode): boolean {
  if (d.name !== 'disk' || d.children.length) return false;
  const { name, checkpoint, bitmap, size, ...rest } = d.attrs;
  if (Object.keys(rest).length) return false;
  if (name === undefined || !(DISK_TARGET_RE.test(name) || ABS_PATH_RE.test(name))) return false;
  if (checkpoint === 'no') return bitmap === undefined && size === undefined;
  if (checkpoint !== undefined && checkpoint !== 'bitmap') return false;
  return size === undefined || ULONG_RE.test(size);
}

const CHECKS: Record<string, (n: XNode) => boolean> = {
  name: (n) => textOnly(n) && NAME_RE.test(n.text),
  description: textOnly,
  creationTime: (n) => textOnly(n) && ULONG_RE.test(n.text.trim()),
  disks: (n) => n.children.length > 0 && n.children.every(validDisk),
  domain: () => true,
  parent: (n) => n.children.length === 1 && n.children[0].name === 'name' && CHECKS.name(n.children[0]),
};

function fail(lines: string[]): never {
  throw virErr('XML_INVALID_SCHEMA', `Unable to validate doc against ${SCHEMA}\n${lines.map((l) => l + '\n').join('')}`);
}

export function validateCheckpointSchema(root: XNode): void {
  const seen = new Set<string>();
  for (const c of root.children) {
    const check = CHECKS[c.name];
    if (!check) fail([`Element domaincheckpoint has extra content: ${c.name}`]);
    if (seen.has(c.name) || !check(c)) {
      fail([`Extra element ${c.name} in interleave`, 'Element domaincheckpoint failed to validate content']);
    }
    seen.add(c.name);
  }
}
