import { parseCpuList, formatCpuList } from '../../../cpumap.js';
import { virErr } from '../../../errors.js';
import { child, type XNode } from '../../tree.js';
import { attr, elem, sub, type Elem } from '../elem.js';
import { unsupportedConfig, xmlError } from '../errors.js';
import { generateUUID, parseUUID } from '../../ids.js';
import { parseMemoryKiB } from '../units.js';
import type { KindRule } from './rules.js';
import type { DeviceDef } from '../types.js';
import { readFileSync } from 'node:fs';

const text = (n: XNode): string => n.text + n.children.map(text).join('');
/** virXPathString("string(./name)"): undefined when absent or empty. */
function str(n: XNode | undefined, name: string): string | undefined {
  const c = child(n, name);
  const t = c ? text(c) : '';
  return t === '' ? undefined : t;
}

/** virDomainParseMemory of ./name with ./name/@unit, in KiB. */
function kib(n: XNode, name: string, required = false): number | undefined {
  return parseMemoryKiB(str(n, name), child(n, name)?.attrs.unit, `./${name}`, required);
}

const sized = (name: string, v: number) => elem(name, [['unit', 'KiB']], [], String(v));

function nodemask(src: XNode): Elem[] {
  const t = str(src, 'nodemask');
  if (t === undefined) return [];
  const map = parseCpuList(t, 1024);
  if (!map) throw virErr('INVALID_ARG', `Failed to parse bitmap '${t}'`);
  if (!map.includes(true)) throw unsupportedConfig(`Invalid value of 'nodemask': ${t}`);
  return [elem('nodemask', [], [], formatCpuList(map))];
}

/** virDomainMemorySourceDefParseXML, written as virDomainMemorySourceDefFormat writes it. */
function source(model: string, src: XNode | undefined): Elem[] {
  if (!src) return [];
  const out: Elem[] = [];
  if (model === 'dimm' || model === 'virtio-mem') {
    const page = kib(src, 'pagesize');
    out.push(...nodemask(src));
    if (page) out.push(sized('pagesize', page));
  } else if (model === 'nvdimm') {
    const path = str(src, 'path');
    const align = kib(src, 'alignsize');
    if (path !== undefined) out.push(elem('path', [], [], path));
    if (align) out.push(sized('alignsize', align));
    if (child(src, 'pmem')) out.push(elem('pmem'));
  } else if (model === 'virtio-pmem') {
    const path = str(src, 'path');
    if (path !== undefined) out.push(elem('path', [], [], path));
  } else if (model === 'sgx-epc') out.push(...nodemask(src));
  return out.length ? [elem('source', [], out)] : [];
}

/** virDomainMemoryTargetDefParseXML, written as virDomainMemoryTargetDefFormat writes it. */
function target(model: string, t: XNode): Elem {
  const nodeText = str(t, 'node');
  let node: number | undefined;
  if (nodeText !== undefined) {
    if (!/^[ \t\n\v\f\r]*[-+]?\d+$/.test(nodeText) || Math.abs(Number(nodeText)) > 0x7fffffff || Number(nodeText) < 0)
      throw xmlError('invalid value of memory device node');
    node = Number(nodeText);
  }
  const size = kib(t, 'size', true)!;
  const out: Elem[] = [sized('size', size)];
  if (node !== undefined) out.push(elem('node', [], [], String(node)));
  if (model === 'nvdimm') {
    const label = child(t, 'label') ? kib(child(t, 'label')!, 'size') : undefined;
    if (label && label < 128) throw xmlError('nvdimm label must be at least 128KiB');
    if ((label ?? 0) >= size) throw xmlError('label size must be smaller than NVDIMM size');
    if (label) out.push(elem('label', [], [sized('size', label)]));
    if (child(t, 'readonly')) out.push(elem('readonly'));
  } else if (model === 'virtio-mem') {
    const block = kib(t, 'block');
    const requested = kib(t, 'requested') ?? 0;
    if (block) out.push(sized('block', block), sized('requested', requested));
  }
  return elem('target', [], out);
}

/** virDomainMemoryDefParseXML's content (its attributes are checked in checks.ts). */
export const memoryRule: KindRule = {
  normalize(dev, n, ctx) {
    const model = n.attrs.model!;
    const uuidText = model === 'nvdimm' ? str(n, 'uuid') : undefined;
    let uuid = uuidText === undefined ? undefined : parseUUID(uuidText);
    // virDomainMemoryDefPostParse: a ppc64 NVDIMM gets a UUID, virtio-pmem shared access.
    if (model === 'nvdimm' && !uuid && ctx.arch.startsWith('ppc64')) uuid = generateUUID();
    const access = model === 'virtio-pmem' && n.attrs.access === undefined ? 'shared' : n.attrs.access;
    const kids: Elem[] = [];
    if (uuid) kids.push(elem('uuid', [], [], uuid));
    kids.push(...source(model, child(n, 'source')));
    kids.push(target(model, child(n, 'target')!));
    dev.el = elem('memory', [['model', model], ['access', access], ['discard', n.attrs.discard]], kids);
  },
  format(dev, ctx) {
    const t = sub(dev.el, 'target');
    // The plugged size of a virtio-mem device is runtime state (never parsed: 0 here).
    if (ctx.inactive || !t || !sub(t, 'block')) return dev.el;
    return { ...dev.el, children: dev.el.children.map((c) => (c === t ? { ...t, children: [...t.children, sized('current', 0)] } : c)) };
  },
};

/** The guest NUMA node a memory device is plugged into, if it names one. */
export const memoryTargetNode = (d: { el: Elem }): number | undefined => {
  const node = sub(sub(d.el, 'target'), 'node')?.text;
  return node === undefined ? undefined : Number(node);
};

/** THP size in KiB (virHostMemGetTHPSize), 2 MiB when the host does not say. */
function thpSizeKiB(): number {
  try {
    return Math.floor(Number(readFileSync('/sys/kernel/mm/transparent_hugepage/hpage_pmd_size', 'utf8').trim()) / 1024) || 2048;
  } catch {
    return 2048;
  }
}

/** virDomainMemoryDefValidate: the target node exists, and each model's own rules. */
export function validateMemoryDevice(d: DeviceDef, cells: number, arch: string): void {
  const detail = (msg: string) => virErr('XML_DETAIL', msg, 'DOMAIN');
  const model = attr(d.el, 'model')!;
  const node = memoryTargetNode(d);
  if (node !== undefined) {
    if (cells === 0) throw detail("can't add memory backend as guest has no NUMA nodes configured");
    if (node >= cells) throw detail(`can't add memory backend for guest node '${node}' as the guest has only '${cells}' NUMA nodes configured`);
  }
  const src = sub(d.el, 'source');
  const t = sub(d.el, 'target')!;
  const size = (name: string, e: Elem | undefined = t) => Number(sub(e, name)?.text ?? 0);
  const discard = attr(d.el, 'discard') === 'yes';
  if (model === 'nvdimm') {
    if (!sub(src, 'path')) throw detail("path is required for model 'nvdimm'");
    if (discard) throw unsupportedConfig('discard is not supported for nvdimms');
    if (arch === 'ppc64' || arch === 'ppc64le') {
      if (!sub(t, 'label')) throw unsupportedConfig('label size is required for NVDIMM device');
    } else if (sub(d.el, 'uuid')) throw unsupportedConfig('UUID is not supported for NVDIMM device');
  } else if (model === 'virtio-pmem') {
    if (!sub(src, 'path')) throw detail(`path is required for model '${model}'`);
    if (discard) throw unsupportedConfig(`discard is not supported for model '${model}'`);
    if (attr(d.el, 'access') !== 'shared') throw unsupportedConfig('shared access mode required for virtio-pmem device');
    if (node !== undefined) throw unsupportedConfig('virtio-pmem does not support NUMA nodes');
  } else if (model === 'virtio-mem') {
    const block = size('block');
    const requested = size('requested');
    if (requested > size('size')) throw detail(`requested size must be smaller than or equal to @size (${size('size')}KiB)`);
    if (block & (block - 1) || block === 0) throw detail('block size must be a power of two');
    const thp = thpSizeKiB();
    if (block < thp) throw detail(`block size too small, must be at least ${thp}KiB`);
    if (requested % block !== 0) throw detail('requested size must be an integer multiple of block size');
  } else if (model === 'sgx-epc' && d.info.address) {
    throw unsupportedConfig(`memory device address is not supported for model '${model}'`);
  }
}
