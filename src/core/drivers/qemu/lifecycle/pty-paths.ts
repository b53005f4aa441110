import type { DomainDef } from '../../../xml/domain/index.js';
import { attr, elem, setAttr, sub } from '../../../xml/domain/elem.js';
import type { QmpClient } from '../qmp/index.js';

/**
 * qemuProcessRefreshPtyPaths: QEMU picks the pty of each `type='pty'` character device; the
 * live definition records it as the source path.
 */
export async function fillPtyPaths(qmp: QmpClient, def: DomainDef): Promise<void> {
  const chardevs = await qmp.execute<Array<{ label: string; filename: string }>>('query-chardev');
  const ptyOf = new Map(chardevs.filter((c) => c.filename.startsWith('pty:')).map((c) => [c.label, c.filename.slice(4)]));
  const serials = def.devices.filter((d) => d.kind === 'serial');
  for (const d of def.devices) {
    if (!['serial', 'console', 'channel', 'parallel'].includes(d.kind) || (attr(d.el, 'type') ?? 'pty') !== 'pty') continue;
    // A console on the serial port shares the port's chardev and alias.
    const alias = d.info.alias ?? (d.kind === 'console' ? serials[0]?.info.alias : undefined);
    const path = alias ? ptyOf.get(`char${alias}`) : undefined;
    if (!path) continue;
    const source = sub(d.el, 'source');
    if (source) setAttr(source, 'path', path);
    else d.el.children.unshift(elem('source', [['path', path]]));
  }
}
