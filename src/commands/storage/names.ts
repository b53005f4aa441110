/** Enum names virsh's storage commands print, parse and complete. */

/** virStorageVolWipeAlgorithm, in enum order. */
export const WIPE_ALGORITHMS = ['zero', 'nnsa', 'dod', 'bsi', 'gutmann', 'schneier', 'pfitzner7', 'pfitzner33', 'random', 'trim'];

/** virshPoolEventCallbacks, in virStoragePoolEventID order. */
export const POOL_EVENT_NAMES = ['lifecycle', 'refresh'];
