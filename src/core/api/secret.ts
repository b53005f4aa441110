import type { SecretHandle } from './handles.js';

/** virSecret*: secrets and their values. */
export interface SecretApi {
  numOfSecrets(): Promise<number>;
  listSecrets(): Promise<string[]>;
  listAllSecrets(flags: number): Promise<SecretHandle[]>;
  /** uuid in canonical form; libvirt's UUID validation happens before the driver. */
  secretLookupByUUIDString(uuid: string): Promise<SecretHandle>;
  secretLookupByUsage(usageType: number, usageID: string): Promise<SecretHandle>;
  secretDefineXML(xml: string, flags: number): Promise<SecretHandle>;
  secretGetXMLDesc(secret: SecretHandle, flags: number): Promise<string>;
  secretSetValue(secret: SecretHandle, value: Uint8Array, flags: number): Promise<void>;
  secretGetValue(secret: SecretHandle, flags: number): Promise<Uint8Array>;
  secretUndefine(secret: SecretHandle): Promise<void>;
  secretEventRegisterAny(secret: SecretHandle | undefined, eventId: number): Promise<number>;
}
