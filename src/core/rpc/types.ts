import type {
  DomainHandle,
  InterfaceHandle,
  NetworkHandle,
  NodeDeviceHandle,
  PoolHandle,
  SecretHandle,
  SnapshotHandle,
  VolumeHandle,
} from '../api/handles.js';
import type { CheckpointHandle } from '../api/checkpoint.js';
import type { NWFilterHandle } from '../api/nwfilter.js';
import type { TypedParam } from '../api/domain-devices.js';
import { STRING_MAX } from './constants.js';
import { double, fixedOpaque, hyper, int, mapped, optional, string, struct, uhyper, uint, union, type Codec } from './xdr/index.js';

/** remote_nonnull_string / remote_string */
export const str = string(STRING_MAX);
export const optStr: Codec<string | undefined> = optional(str);

/** Canonical 8-4-4-4-12 text ↔ the 16 raw bytes on the wire. */
export function uuidToText(b: Uint8Array): string {
  const h = Buffer.from(b).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
export function uuidFromText(s: string): Uint8Array {
  const hex = s.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`not a UUID: ${s}`);
  return Uint8Array.from(Buffer.from(hex, 'hex'));
}
export const uuid: Codec<string> = mapped(fixedOpaque(16), uuidToText, uuidFromText);

export const domain: Codec<DomainHandle> = struct({ name: str, uuid, id: int });
export const network: Codec<NetworkHandle> = struct({ name: str, uuid });
export const pool: Codec<PoolHandle> = struct({ name: str, uuid });
export const volume: Codec<VolumeHandle> = struct({ pool: str, name: str, key: str });
export const iface: Codec<InterfaceHandle> = struct({ name: str, mac: str });
export const nodeDevice: Codec<NodeDeviceHandle> = struct({ name: str });
export const secret: Codec<SecretHandle> = struct({ uuid, usageType: int, usageID: str });
export const nwfilter: Codec<NWFilterHandle> = struct({ name: str, uuid });

/** remote_nonnull_domain_snapshot: name first, then the domain. */
export const snapshot: Codec<SnapshotHandle> = mapped(
  struct({ name: str, dom: domain }),
  (w) => ({ domain: w.dom, name: w.name }),
  (s) => ({ name: s.name, dom: s.domain }),
);
export const checkpoint: Codec<CheckpointHandle> = mapped(
  struct({ name: str, dom: domain }),
  (w) => ({ domain: w.dom, name: w.name }),
  (c) => ({ name: c.name, dom: c.domain }),
);

/** remote_typed_param_value, keyed by virTypedParameterType. */
const paramValue = union({ 1: int, 2: uint, 3: hyper, 4: uhyper, 5: double, 6: int, 7: str });

/** remote_typed_param ↔ the core API's TypedParam (booleans as true/false). */
export const typedParam: Codec<TypedParam> = mapped(
  struct({ field: str, value: paramValue }),
  (w) => ({ field: w.field, type: w.value.disc, value: w.value.disc === 6 ? w.value.value !== 0 : w.value.value }),
  (p) => {
    const v = p.type === 6 ? (p.value ? 1 : 0) : p.value;
    return { field: p.field, value: { disc: p.type, value: v } as never };
  },
);
