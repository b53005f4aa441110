import { child, children, type XNode } from '../tree.js';
import { elem, type Elem } from './elem.js';
import { unsupportedConfig, xmlError } from './errors.js';
import { parseUInt, propInt, propUInt } from './numbers.js';

interface IOThreadID {
  id: number;
  min: number;
  max: number;
  /** Made up to reach the <iothreads> count (virDomainIOThreadIDDefArrayInit), not written as an id. */
  autofill: boolean;
}

const text = (n: XNode): string => n.text + n.children.map(text).join('');

/** virXMLPropInt with VIR_XML_PROP_NONNEGATIVE and -1 when absent. */
const poolSize = (n: XNode, name: string): number => propInt(n, name, { nonnegative: true }) ?? -1;

/**
 * virDomainDefParseIOThreads: the <iothreads> count, <defaultiothread> and the listed ids,
 * then ids 1, 2, … that are free until the count is reached. Returns the elements libvirt's
 * formatter writes back (virDomainDefIOThreadsFormat), or undefined when there are none.
 */
export function parseIOThreads(root: XNode): Elem[] | undefined {
  const countNode = child(root, 'iothreads');
  const countText = countNode ? text(countNode) : '';
  let count = 0;
  if (countText !== '') {
    const v = parseUInt(countText, 10);
    if (v === undefined) throw xmlError(`invalid iothreads count '${countText}'`);
    count = v;
  }
  const dflt = child(root, 'defaultiothread');
  const dfltPool = dflt ? { min: poolSize(dflt, 'thread_pool_min'), max: poolSize(dflt, 'thread_pool_max') } : undefined;
  const ids: IOThreadID[] = [];
  for (const n of children(child(root, 'iothreadids'), 'iothread')) {
    const id = propUInt(n, 'id', 10, { required: true, nonzero: true })!;
    const t: IOThreadID = { id, min: poolSize(n, 'thread_pool_min'), max: poolSize(n, 'thread_pool_max'), autofill: false };
    if (ids.some((o) => o.id === id)) throw xmlError(`duplicate iothread id '${id}' found`);
    ids.push(t);
  }
  for (let id = 1; ids.length < count; id++) if (!ids.some((t) => t.id === id)) ids.push({ id, min: -1, max: -1, autofill: true });
  const out: Elem[] = [];
  if (ids.length) out.push(elem('iothreads', [], [], String(ids.length)));
  if (ids.some((t) => !t.autofill)) {
    const pool = (v: number) => (v >= 0 ? v : undefined);
    out.push(elem('iothreadids', [], ids.map((t) => elem('iothread', [['id', t.id], ['thread_pool_min', pool(t.min)], ['thread_pool_max', pool(t.max)]]))));
  }
  if (dfltPool && (dfltPool.min >= 0 || dfltPool.max >= 0))
    out.push(elem('defaultiothread', [['thread_pool_min', dfltPool.min >= 0 ? dfltPool.min : undefined], ['thread_pool_max', dfltPool.max >= 0 ? dfltPool.max : undefined]]));
  return out.length ? out : undefined;
}

/** The iothread ids a parsed definition has (for <iothreadpin> and device checks). */
export function iothreadIds(elems: Elem[] | undefined): number[] {
  const count = Number(elems?.find((e) => e.name === 'iothreads')?.text ?? 0);
  const listed = elems?.find((e) => e.name === 'iothreadids')?.children.map((c) => Number(c.attrs.find(([k]) => k === 'id')?.[1])) ?? [];
  if (listed.length) return listed;
  return Array.from({ length: count }, (_, i) => i + 1);
}

/** virDomainDefValidateIOThreads: each thread pool (and the default one) has a sane range. */
export function validateIOThreads(elems: Elem[] | undefined): void {
  const pools = [...(elems?.find((e) => e.name === 'iothreadids')?.children ?? []), ...(elems?.filter((e) => e.name === 'defaultiothread') ?? [])];
  for (const p of pools) {
    const get = (k: string) => Number(p.attrs.find(([a]) => a === k)?.[1] ?? -1);
    if (get('thread_pool_max') === 0) throw unsupportedConfig('thread_pool_max must be a positive integer');
    if (get('thread_pool_min') > get('thread_pool_max')) throw unsupportedConfig('thread_pool_min must be smaller or equal to thread_pool_max');
  }
}
