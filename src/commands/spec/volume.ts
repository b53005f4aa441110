import type { CommandGroupSpec } from './types.js';

/** virsh 9.0's 'Storage Volume' commands: names, options and help texts. */
export const volumeGroup: CommandGroupSpec = {
  title: 'Storage Volume',
  keyword: 'volume',
  commands: [
    {
      name: 'vol-clone',
      help: 'clone a volume.',
      desc: 'Clone an existing volume within the parent pool.',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'newname', type: 'data', required: true, help: 'clone name', completer: 'empty' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'prealloc-metadata', type: 'bool', help: 'preallocate metadata (for qcow2 instead of full allocation)' },
        { name: 'reflink', type: 'bool', help: 'use btrfs COW lightweight copy' },
        { name: 'print-xml', type: 'bool', help: 'print XML document rather than clone the volume' },
      ],
    },
    {
      name: 'vol-create-as',
      help: 'create a volume from a set of args',
      desc: 'Create a vol.',
      opts: [
        { name: 'pool', type: 'data', required: true, help: 'pool name', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'name', type: 'data', required: true, help: 'name of the volume', completer: 'empty' },
        { name: 'capacity', type: 'data', required: true, help: 'size of the vol, as scaled integer (default bytes)', completer: 'empty' },
        { name: 'allocation', type: 'string', help: 'initial allocation size, as scaled integer (default bytes)', completer: 'empty' },
        { name: 'format', type: 'string', help: 'file format type raw,bochs,qcow,qcow2,qed,vmdk' },
        { name: 'backing-vol', type: 'string', help: 'the backing volume if taking a snapshot' },
        { name: 'backing-vol-format', type: 'string', help: 'format of backing volume if taking a snapshot' },
        { name: 'prealloc-metadata', type: 'bool', help: 'preallocate metadata (for qcow2 instead of full allocation)' },
        { name: 'print-xml', type: 'bool', help: 'print XML document, but don\'t define/create' },
      ],
    },
    {
      name: 'vol-create',
      help: 'create a vol from an XML file',
      desc: 'Create a vol.',
      opts: [
        { name: 'pool', type: 'data', required: true, help: 'pool name', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'file', type: 'data', required: true, help: 'file containing an XML vol description', completer: 'pathLocalExisting' },
        { name: 'prealloc-metadata', type: 'bool', help: 'preallocate metadata (for qcow2 instead of full allocation)' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'vol-create-from',
      help: 'create a vol, using another volume as input',
      desc: 'Create a vol from an existing volume.',
      opts: [
        { name: 'pool', type: 'data', required: true, help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'file', type: 'data', required: true, help: 'file containing an XML vol description', completer: 'pathLocalExisting' },
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'inputpool', type: 'string', help: 'pool name or uuid of the input volume\'s pool', completer: 'storagePoolName' },
        { name: 'prealloc-metadata', type: 'bool', help: 'preallocate metadata (for qcow2 instead of full allocation)' },
        { name: 'reflink', type: 'bool', help: 'use btrfs COW lightweight copy' },
        { name: 'validate', type: 'bool', help: 'validate the XML against the schema' },
      ],
    },
    {
      name: 'vol-delete',
      help: 'delete a vol',
      desc: 'Delete a given vol.',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'delete-snapshots', type: 'bool', help: 'delete snapshots associated with volume (must be supported by storage driver)' },
      ],
    },
    {
      name: 'vol-download',
      help: 'download volume contents to a file',
      desc: 'Download volume contents to a file',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'file', type: 'data', required: true, help: 'file', completer: 'pathLocalExisting' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'offset', type: 'int', help: 'volume offset to download from' },
        { name: 'length', type: 'int', help: 'amount of data to download' },
        { name: 'sparse', type: 'bool', help: 'preserve sparseness of volume' },
      ],
    },
    {
      name: 'vol-dumpxml',
      help: 'vol information in XML',
      desc: 'Output the vol information as an XML dump to stdout.',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'xpath', type: 'string', reqOpt: true, help: 'xpath expression to filter the XML document', completer: 'empty' },
        { name: 'wrap', type: 'bool', help: 'wrap xpath results in an common root element' },
      ],
    },
    {
      name: 'vol-info',
      help: 'storage vol information',
      desc: 'Returns basic information about the storage vol.',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'bytes', type: 'bool', help: 'sizes are represented in bytes rather than pretty units' },
        { name: 'physical', type: 'bool', help: 'return the physical size of the volume in allocation field' },
      ],
    },
    {
      name: 'vol-key',
      help: 'returns the volume key for a given volume name or path',
      desc: '',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'volume name or path', completer: 'storageVolName' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
      ],
    },
    {
      name: 'vol-list',
      help: 'list vols',
      desc: 'Returns list of vols by pool.',
      opts: [
        { name: 'pool', type: 'data', required: true, help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'details', type: 'bool', help: 'display extended details for volumes' },
      ],
    },
    {
      name: 'vol-name',
      help: 'returns the volume name for a given volume key or path',
      desc: '',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'volume key or path', completer: 'storageVolKey' },
      ],
    },
    {
      name: 'vol-path',
      help: 'returns the volume path for a given volume name or key',
      desc: '',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'volume name or key', completer: 'storageVolName' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
      ],
    },
    {
      name: 'vol-pool',
      help: 'returns the storage pool for a given volume key or path',
      desc: '',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'volume key or path', completer: 'storageVolKey' },
        { name: 'uuid', type: 'bool', help: 'return the pool uuid rather than pool name' },
      ],
    },
    {
      name: 'vol-resize',
      help: 'resize a vol',
      desc: 'Resizes a storage volume. This is safe only for storage volumes not in use by an active guest.\nSee blockresize for live resizing.',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'capacity', type: 'data', required: true, help: 'new capacity for the vol, as scaled integer (default bytes)', completer: 'empty' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'allocate', type: 'bool', help: 'allocate the new capacity, rather than leaving it sparse' },
        { name: 'delta', type: 'bool', help: 'use capacity as a delta to current size, rather than the new size' },
        { name: 'shrink', type: 'bool', help: 'allow the resize to shrink the volume' },
      ],
    },
    {
      name: 'vol-upload',
      help: 'upload file contents to a volume',
      desc: 'Upload file contents to a volume',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'file', type: 'data', required: true, help: 'file', completer: 'pathLocalExisting' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'offset', type: 'int', help: 'volume offset to upload to' },
        { name: 'length', type: 'int', help: 'amount of data to upload' },
        { name: 'sparse', type: 'bool', help: 'preserve sparseness of volume' },
      ],
    },
    {
      name: 'vol-wipe',
      help: 'wipe a vol',
      desc: 'Ensure data previously on a volume is not accessible to future reads',
      opts: [
        { name: 'vol', type: 'data', required: true, help: 'vol name, key or path', completer: 'storageVolName' },
        { name: 'pool', type: 'string', help: 'pool name or uuid', completer: 'storagePoolName', completerFlags: 'VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE' },
        { name: 'algorithm', type: 'string', help: 'perform selected wiping algorithm', completer: 'storageVolWipeAlgorithm' },
      ],
    },
  ],
};
