import { MigrateFlags as M, MigrateParam, type TypedParam } from '../../../api/domain-devices.js';
import { invalidArg, unsupported, virErr } from '../../../errors.js';
import { Feature } from '../../../rpc/constants.js';
import { P } from '../../../rpc/procedures/index.js';
import { parseURI } from '../../../uri/parse.js';
import type { Session } from '../session.js';
import type { Ops } from './util.js';

/**
 * Migration as libvirt's client library drives it through the remote driver: the daemon's
 * migration features decide, question by question, which protocol (or which refusal)
 * applies. Unmanaged (peer-to-peer and direct) migration is one Perform call on the source.
 */

const argUnsupported = (text: string) => virErr('ARGUMENT_UNSUPPORTED', text);

/** The parameters the older protocols can carry, per protocol. */
const PROTO3_PARAMS = [MigrateParam.URI, MigrateParam.DEST_NAME, MigrateParam.DEST_XML, MigrateParam.BANDWIDTH];
const PROTO2_PARAMS = [MigrateParam.DEST_NAME, MigrateParam.BANDWIDTH, MigrateParam.URI];

const only = (params: TypedParam[], allowed: readonly string[]) => params.every((p) => allowed.includes(p.field));
const text = (params: TypedParam[], field: string) => params.find((p) => p.field === field)?.value as string | undefined;
const ullong = (params: TypedParam[], field: string) => BigInt((params.find((p) => p.field === field)?.value as bigint | number | undefined) ?? 0);

/** virDomainMigrateCheckNotLocal: peer-to-peer to this host is refused unless through an explicit unix socket. */
function checkNotLocal(dconnuri: string): void {
  const uri = parseURI(dconnuri);
  const plus = uri.scheme?.indexOf('+') ?? -1;
  const viaSocket = plus >= 0 && uri.scheme!.slice(plus) === '+unix' && uri.params.some((p) => p.name === 'socket');
  if (uri.server?.startsWith('localhost') || (!uri.server && !viaSocket)) {
    throw invalidArg('Attempt to migrate guest to the same host');
  }
}

export function migrateOps(s: Session): Ops {
  const has = (feature: number) => s.supports(feature);
  return {
    async domainMigrateToURI3(dom, dconnuri, params, flags) {
      // virDomainMigrateUnmanagedCheckCompat
      if (flags & M.OFFLINE && !(await has(Feature.MIGRATION_OFFLINE))) throw argUnsupported('offline migration is not supported by the source host');
      if (flags & M.PEER2PEER) {
        if (!(await has(Feature.MIGRATION_P2P))) throw argUnsupported('p2p migration is not supported by the source host');
      } else if (!(await has(Feature.MIGRATION_DIRECT))) {
        throw argUnsupported('direct migration is not supported by the source host');
      }
      if (flags & M.PEER2PEER && dconnuri === null) throw invalidArg('dconnuri in virDomainMigrateToURI3 must not be NULL');
      const dest = flags & M.PEER2PEER ? dconnuri : null;
      // virDomainMigrateUnmanagedParams
      if (flags & M.PEER2PEER) checkNotLocal(dest!);
      if (flags & M.PEER2PEER && (await has(Feature.MIGRATION_PARAMS))) {
        await s.call(P.domainMigratePerform3Params, { dom, dconnuri: dest ?? undefined, params, cookie_in: new Uint8Array(0), flags });
        return;
      }
      const miguri = text(params, MigrateParam.URI);
      const dname = text(params, MigrateParam.DEST_NAME);
      const resource = ullong(params, MigrateParam.BANDWIDTH);
      if (await has(Feature.MIGRATION_V3)) {
        if (!only(params, PROTO3_PARAMS)) throw argUnsupported('Some parameters are not supported by migration protocol 3');
        await s.call(P.domainMigratePerform3, {
          dom,
          xmlin: text(params, MigrateParam.DEST_XML),
          cookie_in: new Uint8Array(0),
          dconnuri: dest ?? undefined,
          uri: miguri,
          flags: BigInt(flags),
          dname,
          resource,
        });
        return;
      }
      if (!only(params, PROTO2_PARAMS)) throw argUnsupported('Some parameters are not supported by migration protocol 2');
      if (flags & M.PEER2PEER && miguri !== undefined) throw virErr('INTERNAL_ERROR', 'Unable to override peer2peer migration URI');
      const uri = (flags & M.PEER2PEER ? dest : miguri) ?? '';
      await s.call(P.domainMigratePerform, { dom, cookie: new Uint8Array(0), uri, flags: BigInt(flags), dname, resource });
    },

    // virDomainMigrate3's questions to the source. The protocols it then runs need the
    // destination's driver-level half (prepare, finish), which a Connection does not offer.
    async domainMigrate3(_dom, _dconn, params, flags) {
      if (flags & M.OFFLINE && !(await has(Feature.MIGRATION_OFFLINE))) throw argUnsupported('offline migration is not supported by the source host');
      if (flags & M.CHANGE_PROTECTION && !(await has(Feature.MIGRATE_CHANGE_PROTECTION))) throw argUnsupported('cannot enforce change protection');
      if (!(await has(Feature.MIGRATION_PARAMS)) && !only(params, PROTO3_PARAMS)) {
        throw argUnsupported('Migration APIs with extensible parameters are not supported but extended parameters were passed');
      }
      throw unsupported('virDomainMigrate3');
    },
  };
}
