import { VirError } from '../../errors.js';
import { ErrorCodes, ErrorDomains } from '../../error-codes.js';
import { child, children, type XNode } from '../tree.js';
import { attr, elem, sub, type Elem } from './elem.js';
import { invalidArg, unsupportedConfig, xmlError } from './errors.js';
import { parseUInt } from './numbers.js';

const text = (n: XNode): string => n.text + n.children.map(text).join('');

/**
 * virDomainResourceDefParse (one <resource> at most): the first partition and the Fibre
 * Channel appid; a <resource> with neither fails without a reason, as in libvirt.
 */
export function parseResource(root: XNode): Elem | undefined {
  const all = children(root, 'resource');
  if (all.length > 1) throw xmlError('only one resource element is supported');
  if (!all.length) return undefined;
  const p = child(all[0], 'partition');
  const partition = p && text(p) !== '' ? text(p) : undefined;
  const appid = child(all[0], 'fibrechannel')?.attrs.appid || undefined;
  if (partition === undefined && appid === undefined)
    throw new VirError(ErrorCodes.INTERNAL_ERROR[0], 'An error occurred, but the cause is unknown', ErrorDomains.DOMAIN);
  const kids: Elem[] = [];
  if (partition !== undefined) kids.push(elem('partition', [], [], partition));
  if (appid !== undefined) kids.push(elem('fibrechannel', [['appid', appid]]));
  return elem('resource', [], kids);
}

/** virDomainDefResourceValidate: a printable appid of 1 to 128 characters. */
export function validateResource(resource: Elem | undefined): void {
  const appid = attr(sub(resource, 'fibrechannel'), 'appid');
  if (appid === undefined) return;
  if (!/^[\x20-\x7e]*$/.test(appid)) throw xmlError("Fibre Channel 'appid' is not a printable string");
  if (appid.length < 1 || appid.length > 128) throw invalidArg("Fibre Channel 'appid' string length must be between [1, 128]");
}

/** virDomainIdmapDefParseXML for <uid>s then <gid>s: three numbers each, sorted by start. */
export function parseIdmap(root: XNode): Elem | undefined {
  const maps = (name: string) => {
    const entries = children(child(root, 'idmap'), name).map((n) => {
      const nums = ['start', 'target', 'count'].map((k) => (n.attrs[k] === undefined ? undefined : parseUInt(n.attrs[k], 10)));
      if (nums.some((v) => v === undefined)) throw xmlError('invalid idmap start/target/count settings');
      return nums as number[];
    });
    entries.sort((a, b) => a[0] - b[0]);
    return entries.map(([start, target, count]) => elem(name, [['start', start], ['target', target], ['count', count]]));
  };
  const uids = maps('uid');
  const gids = maps('gid');
  return uids.length || gids.length ? elem('idmap', [], [...uids, ...gids]) : undefined;
}

/** virDomainDefIdMapValidate: both maps or neither, each starting at the container's root. */
export function validateIdmap(idmap: Elem | undefined): void {
  if (!idmap) return;
  const first = (name: string) => idmap.children.find((c) => c.name === name);
  const uid = first('uid');
  const gid = first('gid');
  if (!uid || !gid) throw unsupportedConfig('uid and gid should be mapped both');
  if (attr(uid, 'start') !== '0' || attr(gid, 'start') !== '0') throw unsupportedConfig('You must map the root user of container');
}
