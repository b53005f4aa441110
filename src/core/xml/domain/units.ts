import { overflowError, xmlError } from './errors.js';
import { LONG_MAX as LLONG_MAX, scaleInteger, strToULongLong } from '../../strtol.js';

/**
 * virDomainParseMemory for an element's text and unit attribute: returns KiB (rounded up),
 * or undefined when absent and not required. `where` is the XPath libvirt names in errors.
 */
export function parseMemoryKiB(text: string | undefined, unit: string | undefined, where: string, required = false, max = LLONG_MAX): number | undefined {
  if (text === undefined) {
    if (required) throw xmlError(`missing element or attribute '${where}'`);
    return undefined;
  }
  const v = strToULongLong(text, false);
  if (v === undefined) throw xmlError(`Invalid value '${text}' for element or attribute '${where}'`);
  const bytes = scaleInteger(v, unit, 1024n, max);
  const kib = (bytes + 1023n) / 1024n;
  if (max === LLONG_MAX && kib >= (LLONG_MAX + 1023n) / 1024n) throw overflowError('size value too large');
  return Number(kib);
}
