/** virStoragePool* and virStorageVol*. */
export interface StorageApi {}
