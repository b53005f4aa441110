import { MigrateFlags as M, MigrateParam as P, type DomainDeviceApi } from '../../../api/domain-devices.js';
import { unsupported, virErr } from '../../../errors.js';

/** The parameters the pre-extensible migration protocols can carry. */
const compatParams: ReadonlySet<string> = new Set([P.URI, P.DEST_NAME, P.DEST_XML, P.BANDWIDTH]);

const notSupported = (text: string) => virErr('ARGUMENT_UNSUPPORTED', text);

/**
 * The test driver advertises no migration feature, so libvirt's client library stops each
 * migration at the first feature it asks about; these are its refusals, in its order.
 */
export function migrateOps(): Pick<DomainDeviceApi, 'domainMigrate3' | 'domainMigrateToURI3'> {
  return {
    async domainMigrate3(_dom, _dconn, params, flags) {
      if (flags & M.OFFLINE) throw notSupported('offline migration is not supported by the source host');
      if (flags & M.CHANGE_PROTECTION) throw notSupported('cannot enforce change protection');
      if (params.some((p) => !compatParams.has(p.field))) {
        throw notSupported('Migration APIs with extensible parameters are not supported but extended parameters were passed');
      }
      throw unsupported('virDomainMigrate3');
    },
    async domainMigrateToURI3(_dom, _dconnuri, _params, flags) {
      if (flags & M.OFFLINE) throw notSupported('offline migration is not supported by the source host');
      throw notSupported(`${flags & M.PEER2PEER ? 'p2p' : 'direct'} migration is not supported by the source host`);
    },
  };
}
