import { child, children, type XNode } from '../tree.js';
import { virErr } from '../../errors.js';
import { elem, type Elem } from './elem.js';
import { xmlError } from './errors.js';
import { propEnum } from './numbers.js';
import { parseUUID } from '../ids.js';
import { sanitizePath } from '../storage/path.js';

const SYSINFO_TYPES = ['smbios', 'fwcfg'] as const;

/** The SMBIOS tables a domain may set, each with the entries libvirt keeps, in output order. */
const TABLES: Array<[string, string[]]> = [
  ['bios', ['vendor', 'version', 'date', 'release']],
  ['system', ['manufacturer', 'product', 'version', 'serial', 'uuid', 'sku', 'family']],
  ['baseBoard', ['manufacturer', 'product', 'version', 'serial', 'asset', 'location']],
  ['chassis', ['manufacturer', 'version', 'serial', 'asset', 'sku']],
];

const text = (n: XNode): string => n.text + n.children.map(text).join('');
const detail = (msg: string) => virErr('XML_DETAIL', msg, 'DOMAIN');

/** virXPathString("string(entry[@name='…'])"): the first such entry's text, undefined when empty. */
function entry(table: XNode, name: string): string | undefined {
  const e = children(table, 'entry').find((c) => c.attrs.name === name);
  const t = e ? text(e) : '';
  return t === '' ? undefined : t;
}

/** mm/dd/yy or mm/dd/yyyy (a four-digit year from 1900), as virSysinfoBIOSParseXML checks it. */
function validBiosDate(date: string): boolean {
  const m = /^[ \t\n\v\f\r]*([-+]?\d+)\/[ \t\n\v\f\r]*([-+]?\d+)\/[ \t\n\v\f\r]*([-+]?\d+)$/.exec(date);
  if (!m) return false;
  const [month, day, year] = m.slice(1).map(Number);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && year >= 0 && !(year >= 100 && year < 1900);
}

/** The domain UUID as sysinfo parsing leaves it: a generated one yields to <system>'s uuid. */
export interface SysinfoUUID {
  uuid: string;
  generated: boolean;
}

function smbiosTable(table: XNode, tag: string, names: string[], dom: SysinfoUUID): Elem | undefined {
  const values = names.map((name) => entry(table, name));
  if (tag === 'bios') {
    const date = values[names.indexOf('date')];
    if (date !== undefined && !validBiosDate(date)) throw detail("Invalid BIOS 'date' format");
  }
  if (tag === 'system') {
    const at = names.indexOf('uuid');
    const raw = values[at];
    if (raw !== undefined) {
      const u = parseUUID(raw);
      if (!u) throw detail('malformed <sysinfo> uuid element');
      if (dom.generated) dom.uuid = u;
      else if (dom.uuid !== u) throw detail('UUID mismatch between <uuid> and <sysinfo>');
      values[at] = u;
    }
  }
  if (values.every((v) => v === undefined)) return undefined;
  return elem(tag, [], names.flatMap((name, i) => (values[i] === undefined ? [] : [elem('entry', [['name', name]], [], values[i])])));
}

function parseSmbios(n: XNode, dom: SysinfoUUID): Elem[] {
  const out: Elem[] = [];
  for (const [tag, names] of TABLES) {
    const tables = tag === 'baseBoard' ? children(n, tag) : [child(n, tag)].filter((t): t is XNode => !!t);
    for (const t of tables) {
      const e = smbiosTable(t, tag, names, dom);
      if (e) out.push(e);
    }
  }
  const oem = children(child(n, 'oemStrings'), 'entry');
  if (oem.length) out.push(elem('oemStrings', [], oem.map((e) => elem('entry', [], [], text(e)))));
  return out;
}

function parseFWCfg(n: XNode): Elem[] {
  return children(n, 'entry').map((e) => {
    const name = e.attrs.name;
    if (name === undefined) throw xmlError("Firmware entry is missing 'name' attribute");
    const value = text(e).trim() === '' ? undefined : text(e);
    const file = e.attrs.file;
    if (value === undefined && file === undefined) throw xmlError("Firmware entry must have either value or 'file' attribute");
    return file !== undefined ? elem('entry', [['name', name], ['file', sanitizePath(file)]]) : elem('entry', [['name', name]], [], value);
  });
}

/** virSysinfoParseXML for each <sysinfo>, in virSysinfoFormat's shape. */
export function parseSysinfos(root: XNode, dom: SysinfoUUID): Elem[] {
  return children(root, 'sysinfo').map((n) => {
    const type = propEnum(n, 'type', SYSINFO_TYPES, { required: true })!;
    return elem('sysinfo', [['type', type]], type === 'smbios' ? parseSmbios(n, dom) : parseFWCfg(n));
  });
}
