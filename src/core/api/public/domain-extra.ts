import { virErr } from '../../errors.js';
import { DumpFlags, LIFECYCLE_ACTIONS, LIFECYCLE_TYPES, MigrateFlags as M, type DomainDeviceApi } from '../domain-devices.js';
import { READ_ONLY, arg, count, exclusive, invalid, nonNull, nonZero, requires, type Check } from './checks.js';
import { row, type Table } from './table.js';

type ExtraCalls =
  | 'domainCoreDump'
  | 'domainSendProcessSignal'
  | 'domainSetLifecycleAction'
  | 'domainFDAssociate'
  | 'domainMigrate3'
  | 'domainMigrateToURI3'
  | 'domainMigrateSetMaxDowntime'
  | 'domainMigrateGetMaxDowntime'
  | 'domainMigrateSetCompressionCache'
  | 'domainMigrateGetCompressionCache'
  | 'domainMigrateSetMaxSpeed'
  | 'domainMigrateGetMaxSpeed'
  | 'domainMigrateStartPostCopy';

const dumpExclusive = [
  exclusive(2, [DumpFlags.CRASH, 'VIR_DUMP_CRASH'], [DumpFlags.LIVE, 'VIR_DUMP_LIVE']),
  exclusive(2, [DumpFlags.CRASH, 'VIR_DUMP_CRASH'], [DumpFlags.RESET, 'VIR_DUMP_RESET']),
  exclusive(2, [DumpFlags.LIVE, 'VIR_DUMP_LIVE'], [DumpFlags.RESET, 'VIR_DUMP_RESET']),
];

/** virDomainSetLifecycleAction's range checks (reported as INVALID_ARG with its prefix). */
function inRange(at: number, names: readonly string[], what: string): Check {
  return ({ args }) => (Number(args[at]) >= names.length ? virErr('INVALID_ARG', `invalid lifecycle ${what} '${args[at]}'`) : undefined);
}

/** The flag checks every migration entry point makes on storage copying (flags at `at`). */
const storageFlags = (at: number) => [
  exclusive(at, [M.NON_SHARED_DISK, 'VIR_MIGRATE_NON_SHARED_DISK'], [M.NON_SHARED_INC, 'VIR_MIGRATE_NON_SHARED_INC']),
  requires(
    at,
    [M.NON_SHARED_SYNCHRONOUS_WRITES, 'VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES'],
    [M.NON_SHARED_DISK | M.NON_SHARED_INC, 'VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC'],
  ),
];

const flagSet = (at: number, bit: number) => (a: readonly unknown[]) => (Number(a[at]) & bit) !== 0;

/** Core dumps, process signals, lifecycle actions, FD groups and migration. */
export const domainExtraRows: Pick<Table<DomainDeviceApi>, ExtraCalls> = {
  domainCoreDump: row('virDomainCoreDump', READ_ONLY, nonNull('to', arg(1)), ...dumpExclusive),
  domainSendProcessSignal: row('virDomainSendProcessSignal', nonZero('pid_value', arg(1)), READ_ONLY),
  domainSetLifecycleAction: row(
    'virDomainSetLifecycleAction',
    READ_ONLY,
    inRange(1, LIFECYCLE_TYPES, 'type'),
    inRange(2, LIFECYCLE_ACTIONS, 'action'),
  ),
  domainFDAssociate: row('virDomainFDAssociate', nonZero('nfds', count(2)), nonNull('fds', arg(2)), READ_ONLY),
  domainMigrate3: row(
    'virDomainMigrate3',
    READ_ONLY,
    ...storageFlags(3),
    invalid(flagSet(3, M.PEER2PEER), () => 'use virDomainMigrateToURI3 for peer-to-peer migration'),
    invalid(flagSet(3, M.TUNNELLED), () => 'cannot perform tunnelled migration without using peer2peer flag'),
  ),
  domainMigrateToURI3: row(
    'virDomainMigrateToURI3',
    READ_ONLY,
    exclusive(3, [M.TUNNELLED, 'VIR_MIGRATE_TUNNELLED'], [M.PARALLEL, 'VIR_MIGRATE_PARALLEL']),
    ...storageFlags(3),
  ),
  domainMigrateSetMaxDowntime: row('virDomainMigrateSetMaxDowntime', READ_ONLY),
  domainMigrateGetMaxDowntime: row('virDomainMigrateGetMaxDowntime'),
  domainMigrateSetCompressionCache: row('virDomainMigrateSetCompressionCache', READ_ONLY),
  domainMigrateGetCompressionCache: row('virDomainMigrateGetCompressionCache'),
  domainMigrateSetMaxSpeed: row('virDomainMigrateSetMaxSpeed', READ_ONLY),
  domainMigrateGetMaxSpeed: row('virDomainMigrateGetMaxSpeed', READ_ONLY),
  domainMigrateStartPostCopy: row('virDomainMigrateStartPostCopy', READ_ONLY),
};
