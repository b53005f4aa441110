import type { HostApi } from './host.js';
import type { DomainApi } from './domain.js';
import type { DomainDeviceApi } from './domain-devices.js';
import type { SnapshotApi } from './snapshot.js';
import type { CheckpointApi } from './checkpoint.js';
import type { NetworkApi } from './network.js';
import type { StorageApi } from './storage.js';
import type { InterfaceApi } from './interface.js';
import type { NodeDeviceApi } from './nodedev.js';
import type { SecretApi } from './secret.js';
import type { NWFilterApi, BackupApi } from './nwfilter.js';
import type { EventApi } from './events.js';

/**
 * The core API every driver implements (test, qemu, remote), grouped like libvirt's public
 * API. Method names are libvirt's without the `vir` prefix and object noun; arguments and
 * flags are libvirt's, so the remote driver maps each call onto one procedure. A driver that
 * lacks a call throws `unsupported('virXxx')`, never a silent no-op.
 */
export interface Connection
  extends HostApi,
    DomainApi,
    DomainDeviceApi,
    SnapshotApi,
    CheckpointApi,
    NetworkApi,
    StorageApi,
    InterfaceApi,
    NodeDeviceApi,
    SecretApi,
    NWFilterApi,
    BackupApi,
    EventApi {}
