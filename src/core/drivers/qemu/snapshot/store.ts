import { existsSync, readdirSync, readFileSync, rmdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { virErr } from '../../../errors.js';
import type { SnapshotDef } from '../../../xml/snapshot/def.js';
import { formatSnapshotXML } from '../../../xml/snapshot/format.js';
import { parseSnapshotXML, SnapshotParse } from '../../../xml/snapshot/parse.js';
import { assignMoment, newMomentList, updateRelations, type MomentList } from '../../../snapshot/moments.js';
import { syncDir, writeFileAtomic } from '../config/atomic.js';
import { QEMU_SNAPSHOT_PARSE } from './embedded.js';

/** virXMLSaveFile's warning header as a snapshot file carries it. */
const HEADER = `<!--
WARNING: THIS IS AN AUTO-GENERATED FILE. CHANGES TO IT ARE LIKELY TO BE
OVERWRITTEN AND LOST. Changes to this xml configuration should be made using:
  virsh snapshot-edit
or other application using the libvirt API.
-->

`;

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * The snapshot metadata of one driver (cfg->snapshotDir): LIBDIR/snapshot/DOMAIN/NAME.xml,
 * each the snapshot's XML in the internal form, whose `<active>` marks the current one.
 */
export class SnapshotStore {
  readonly dir: string;

  constructor(libDir: string) {
    this.dir = join(libDir, 'snapshot');
  }

  domainDir(domain: string): string {
    return join(this.dir, domain);
  }

  file(domain: string, name: string): string {
    return join(this.domainDir(domain), `${name}.xml`);
  }

  /** qemuDomainSnapshotWriteMetadata: secure, internal form, written atomically. */
  write(domain: string, uuid: string, def: SnapshotDef, current: boolean): void {
    const xml = formatSnapshotXML(def, { secure: true, domainUUID: uuid, internalCurrent: current });
    writeFileAtomic(this.file(domain, def.name), HEADER + xml);
  }

  /** The unlink of qemuSnapshotDiscardMetadata (a missing file is only warned about). */
  remove(domain: string, name: string): void {
    try {
      unlinkSync(this.file(domain, name));
      syncDir(this.domainDir(domain));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  /** qemuDomainRemoveInactiveCommon's rmdir of the domain's (by then empty) directory. */
  removeDomainDir(domain: string): void {
    try {
      rmdirSync(this.domainDir(domain));
    } catch {
      // Not there, or something else left in it: libvirt only warns.
    }
  }

  /**
   * qemuDomainSnapshotLoad: every file that parses becomes a snapshot (others are skipped,
   * as libvirt logs and skips them); one may claim to be current; the tree comes from the
   * parent names, and inconsistent relations leave no current snapshot.
   */
  load(domain: string): MomentList<SnapshotDef> {
    const list = newMomentList<SnapshotDef>();
    const dir = this.domainDir(domain);
    if (!existsSync(dir)) return list;
    for (const entry of readdirSync(dir).sort()) {
      let parsed;
      try {
        const xml = readFileSync(join(dir, entry), 'utf8');
        parsed = parseSnapshotXML(xml, SnapshotParse.REDEFINE | SnapshotParse.INTERNAL, nowSeconds, QEMU_SNAPSHOT_PARSE);
      } catch {
        continue;
      }
      if (list.objs.has(parsed.def.name)) continue;
      const snap = assignMoment(list, parsed.def);
      if (parsed.current) list.current = snap;
    }
    if (!updateRelations(list)) list.current = undefined;
    return list;
  }
}

/** qemuSnapObjFromName's error. */
export const noSnapshot = (name: string) =>
  virErr('NO_DOMAIN_SNAPSHOT', `no domain snapshot with matching name '${name}'`, 'DOMAIN_SNAPSHOT');
