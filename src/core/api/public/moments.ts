import { SnapshotXML, type SnapshotApi } from '../snapshot.js';
import { CheckpointXML, type CheckpointApi } from '../checkpoint.js';
import type { BackupApi } from '../nwfilter.js';
import { READ_ONLY, arg, nonNull, exclusive, requires, secureXml } from './checks.js';
import { row, type Table } from './table.js';

/** virDomainSnapshot*. */
export const snapshotRows: Table<SnapshotApi> = {
  domainSnapshotCreateXML: row(
    'virDomainSnapshotCreateXML',
    nonNull('xmlDesc', arg(1)),
    READ_ONLY,
    requires(2, [2, 'VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT'], [1, 'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE']),
    exclusive(2, [1, 'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE'], [4, 'VIR_DOMAIN_SNAPSHOT_CREATE_NO_METADATA']),
    exclusive(2, [1, 'VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE'], [8, 'VIR_DOMAIN_SNAPSHOT_CREATE_HALT']),
  ),
  domainSnapshotNum: row('virDomainSnapshotNum'),
  domainListAllSnapshots: row('virDomainListAllSnapshots'),
  domainSnapshotLookupByName: row('virDomainSnapshotLookupByName', nonNull('name', arg(1))),
  domainHasCurrentSnapshot: row('virDomainHasCurrentSnapshot'),
  domainSnapshotCurrent: row('virDomainSnapshotCurrent'),
  domainRevertToSnapshot: row(
    'virDomainRevertToSnapshot',
    READ_ONLY,
    exclusive(1, [1, 'VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING'], [2, 'VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED']),
  ),
  snapshotNumChildren: row('virDomainSnapshotNumChildren'),
  snapshotListAllChildren: row('virDomainSnapshotListAllChildren'),
  snapshotGetXMLDesc: row(
    'virDomainSnapshotGetXMLDesc',
    secureXml(1, SnapshotXML.SECURE, 'virDomainSnapshotGetXMLDesc'),
  ),
  snapshotGetParent: row('virDomainSnapshotGetParent'),
  snapshotIsCurrent: row('virDomainSnapshotIsCurrent'),
  snapshotHasMetadata: row('virDomainSnapshotHasMetadata'),
  snapshotDelete: row(
    'virDomainSnapshotDelete',
    READ_ONLY,
    exclusive(1, [1, 'VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN'], [4, 'VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY']),
  ),
};

/** virDomainCheckpoint*. */
export const checkpointRows: Table<CheckpointApi> = {
  domainCheckpointCreateXML: row(
    'virDomainCheckpointCreateXML',
    nonNull('xmlDesc', arg(1)),
    READ_ONLY,
    exclusive(2, [1, 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE'], [2, 'VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE']),
    requires(2, [4, 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE'], [1, 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE']),
  ),
  domainListAllCheckpoints: row('virDomainListAllCheckpoints'),
  domainCheckpointLookupByName: row('virDomainCheckpointLookupByName', nonNull('name', arg(1))),
  checkpointListAllChildren: row('virDomainCheckpointListAllChildren'),
  checkpointGetXMLDesc: row(
    'virDomainCheckpointGetXMLDesc',
    secureXml(1, CheckpointXML.SECURE, 'virDomainCheckpointGetXMLDesc'),
  ),
  checkpointGetParent: row('virDomainCheckpointGetParent'),
  checkpointDelete: row(
    'virDomainCheckpointDelete',
    READ_ONLY,
    exclusive(1, [1, 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN'], [4, 'VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY']),
  ),
};

/** virDomainBackup*. */
export const backupRows: Table<BackupApi> = {
  domainBackupBegin: row('virDomainBackupBegin', nonNull('backupXML', arg(1)), READ_ONLY),
  domainBackupGetXMLDesc: row('virDomainBackupGetXMLDesc'),
};
