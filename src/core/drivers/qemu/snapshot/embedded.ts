import type { DomainDef } from '../../../xml/domain/index.js';
import { parseDomainRoot } from '../../../xml/domain/parse.js';
import { postParse } from '../../../xml/domain/postparse.js';
import { parseXmlDocument } from '../../../xml/parse.js';
import { serializeNode } from '../../../xml/snapshot/embed.js';
import type { XNode } from '../../../xml/tree.js';
import { orderParsedControllers } from '../defaults/controllers.js';
import { addImplicitInputs } from '../defaults/postparse.js';
import { libvirtWarn } from '../../../libvirt-log.js';
import type { SnapshotParseHooks } from '../../../xml/snapshot/parse.js';
import { parseCookie } from './cookie.js';

/**
 * The domain a snapshot captured, parsed as virDomainSnapshotDefParse does with the QEMU
 * driver's options (inactive, not validated). What it captured was already complete with
 * the driver's defaults but the PS/2 keyboard migratable XML leaves out, so the parse keeps
 * controllers in the QEMU parser's order and adds the implicit inputs and the generic
 * implicit devices; nothing here needs the emulator's capabilities.
 */
export function parseQemuEmbeddedDomain(node: XNode): DomainDef {
  const root = parseXmlDocument(serializeNode({ ...node, name: 'domain' }), '(domain_definition)', 'domain', 'DOMAIN');
  const def = parseDomainRoot(root, { inactive: true });
  orderParsedControllers(def);
  addImplicitInputs(def);
  postParse(def);
  return def;
}

/** How the QEMU driver's snapshot parse reads captured domains and save cookies and reports libvirt's warnings. */
export const QEMU_SNAPSHOT_PARSE: SnapshotParseHooks = { parseDomain: parseQemuEmbeddedDomain, warn: libvirtWarn, parseCookie };
