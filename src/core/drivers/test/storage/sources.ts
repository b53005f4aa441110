import { virErr } from '../../../errors.js';
import { isPoolType } from '../../../xml/storage/enums.js';
import { parseXmlDocument } from '../../../xml/parse.js';
import { parseSource, type PoolSource } from '../../../xml/storage/source.js';
import { checkFlags } from '../../check-flags.js';

/** The canned answer the test driver gives for logical pool discovery. */
const LOGICAL_SOURCES = [
  '<sources>',
  '  <source>',
  "    <device path='/dev/sda20'/>",
  '    <name>testvg1</name>',
  "    <format type='lvm2'/>",
  '  </source>',
  '  <source>',
  "    <device path='/dev/sda21'/>",
  '    <name>testvg2</name>',
  "    <format type='lvm2'/>",
  '  </source>',
  '</sources>',
  '',
].join('\n');

/** The canned netfs answer: one NFS export on the queried host. */
function netfsSources(host: string): string {
  return [
    '<sources>',
    '  <source>',
    `    <host name='${host}'/>`,
    "    <dir path='/testshare'/>",
    "    <format type='nfs'/>",
    '  </source>',
    '</sources>',
    '',
  ].join('\n');
}

/** testConnectFindStoragePoolSources. */
export function findPoolSources(type: string, srcSpec: string | undefined, flags: number): string {
  checkFlags(flags, 0, 'testConnectFindStoragePoolSources');
  // The driver tests the type number for zero, so 'dir' (type 0) is the "unknown" one, while
  // a name that is no type at all falls through to "does not support source discovery".
  if (type === 'dir') throw virErr('INTERNAL_ERROR', `unknown storage pool type ${type}`);
  let source: PoolSource | undefined;
  if (srcSpec !== undefined) {
    const node = parseXmlDocument(srcSpec, '(storage_source_specification)', 'source');
    if (!isPoolType(type)) throw virErr('INTERNAL_ERROR', 'missing backend for pool type -1');
    source = parseSource(node, type);
  }
  if (type === 'logical') return LOGICAL_SOURCES;
  if (type === 'netfs') {
    const host = source?.hosts[0]?.name;
    if (host === undefined) throw virErr('INVALID_ARG', 'hostname must be specified for netfs sources');
    return netfsSources(host);
  }
  throw virErr('NO_SUPPORT', `pool type '${type}' does not support source discovery`);
}
