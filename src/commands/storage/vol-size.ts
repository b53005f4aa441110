import { strToULongLongPrefix, scaleInteger, ULONG_MAX } from '../../core/strtol.js';

/**
 * virshVolSize: a decimal with an optional unit suffix. Returns undefined when the number
 * itself is malformed; an unknown suffix or overflow throws libvirt's error.
 */
export function volSize(text: string): bigint | undefined {
  const parsed = strToULongLongPrefix(text);
  if (!parsed) return undefined;
  return scaleInteger(parsed.value, parsed.rest, 1n, ULONG_MAX);
}
