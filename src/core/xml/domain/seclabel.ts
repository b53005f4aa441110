import { child, children, type XNode } from '../tree.js';
import { virErr } from '../../errors.js';
import { elem, attr, type Elem } from './elem.js';
import { unsupportedConfig, xmlError } from './errors.js';
import { propEnum, TRISTATE_BOOL } from './numbers.js';

const SECLABEL_TYPES = ['default', 'none', 'dynamic', 'static'] as const;
/** VIR_SECURITY_MODEL_BUFLEN and VIR_SECURITY_LABEL_BUFLEN, less the terminating NUL. */
const MODEL_MAX = 256;
const LABEL_MAX = 4096;

const text = (n: XNode): string => n.text + n.children.map(text).join('');
/** virXPathString("string(./name[1])"): undefined when absent or empty. */
function childString(n: XNode, name: string): string | undefined {
  const c = child(n, name);
  const t = c ? text(c) : '';
  return t === '' ? undefined : t;
}

interface Seclabel {
  type: (typeof SECLABEL_TYPES)[number];
  model?: string;
  relabel: boolean;
  label?: string;
  imagelabel?: string;
  baselabel?: string;
}

/** virSecurityLabelDefParseXML for one domain-level <seclabel>. */
function parseOne(n: XNode, inactive: boolean): Seclabel {
  let model: string | undefined = n.attrs.model;
  if (model !== undefined && model.length > MODEL_MAX) model = undefined;
  const s: Seclabel = { type: propEnum(n, 'type', SECLABEL_TYPES, { nonzero: true }) ?? 'default', model, relabel: true };
  if (s.type === 'static' || s.type === 'none') s.relabel = false;
  const relabel = propEnum(n, 'relabel', TRISTATE_BOOL);
  if (relabel) s.relabel = relabel === 'yes';
  if (s.type === 'dynamic' && !s.relabel) throw unsupportedConfig('dynamic label type must use resource relabeling');
  if (s.type === 'none' && s.relabel) throw unsupportedConfig("resource relabeling is not compatible with 'none' label type");
  if (model === 'none') {
    if (inactive) return { type: 'none', model, relabel: false };
    if (s.type !== 'none') throw unsupportedConfig(`unsupported type='${s.type}' to model 'none'`);
    return s;
  }
  if (s.type === 'static' || (!inactive && s.type !== 'none')) {
    s.label = childString(n, 'label');
    if (s.label === undefined || s.label.length > LABEL_MAX) throw xmlError('security label is missing');
  }
  if (s.relabel && !inactive && s.type !== 'none') {
    s.imagelabel = childString(n, 'imagelabel');
    if (s.imagelabel === undefined || s.imagelabel.length > LABEL_MAX) throw xmlError('security imagelabel is missing');
  }
  if (s.type === 'dynamic') {
    s.baselabel = childString(n, 'baselabel');
    if (s.baselabel !== undefined && s.baselabel.length > LABEL_MAX) s.baselabel = undefined;
  }
  return s;
}

/** virSecurityLabelDefFormat's shape; a 'default' label keeps its type so the formatter can skip it. */
function toElem(s: Seclabel): Elem {
  if (s.type === 'none' || s.type === 'default') return elem('seclabel', [['type', s.type], ['model', s.model]]);
  const kids: Elem[] = [];
  if (s.label || s.imagelabel || s.baselabel) {
    if (s.label !== undefined) kids.push(elem('label', [], [], s.label));
    if (s.relabel && s.imagelabel !== undefined) kids.push(elem('imagelabel', [], [], s.imagelabel));
    if (s.type === 'dynamic' && s.baselabel !== undefined) kids.push(elem('baselabel', [], [], s.baselabel));
  }
  return elem('seclabel', [['type', s.type], ['model', s.model], ['relabel', s.relabel ? 'yes' : 'no']], kids);
}

/**
 * virSecurityLabelDefsParseXML: each label, one per model, and a model on every label when
 * there are several (the test driver has no default security model to lend a lone one).
 */
export function parseSeclabels(root: XNode, inactive: boolean): Elem[] {
  const labels: Seclabel[] = [];
  for (const n of children(root, 'seclabel')) {
    const s = parseOne(n, inactive);
    if (labels.some((o) => o.model === s.model))
      throw virErr('XML_DETAIL', `seclabel for model ${s.model ?? '(null)'} is already provided`, 'DOMAIN');
    labels.push(s);
  }
  if (labels.length > 1 && labels.some((s) => s.model === undefined)) throw xmlError('missing security model when using multiple labels');
  return labels.map(toElem);
}

/** A domain seclabel the formatter writes (libvirt skips type 'default'). */
export const seclabelShown = (s: Elem): boolean => attr(s, 'type') !== 'default';
