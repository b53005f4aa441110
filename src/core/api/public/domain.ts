import { DomainMetadata, DomainXML, type DomainApi } from '../domain.js';
import { READ_ONLY, arg, count, nonNull, mustBeNull, positive, nonNegative, nonEmptyString, exclusive, secureXml, when, invalid } from './checks.js';
import { plainUnlessFlags, row, type Table } from './table.js';

/** VIR_DOMAIN_CORE_DUMP_FORMAT_LAST, VIR_KEYCODE_SET_LAST, VIR_DOMAIN_SEND_KEY_MAX_KEYS */
const CORE_DUMP_FORMAT_LAST = 5;
const KEYCODE_SET_LAST = 10;
const SEND_KEY_MAX_KEYS = 16;

/** Metadata type tests: title and description take no namespace, elements need one. */
const isTitleOrDescription = (at: number) => (a: readonly unknown[]) =>
  a[at] === DomainMetadata.TITLE || a[at] === DomainMetadata.DESCRIPTION;
const isElement = (at: number) => (a: readonly unknown[]) => a[at] === DomainMetadata.ELEMENT;

/** virDomain*: lookup, lifecycle, configuration. */
export const domainRows: Table<DomainApi> = {
  domainLookupByName: row('virDomainLookupByName', nonNull('name', arg(0))),
  domainLookupByID: row('virDomainLookupByID', nonNegative('id', arg(0))),
  domainLookupByUUID: row('virDomainLookupByUUIDString', nonNull('uuidstr', arg(0))),
  listAllDomains: row('virConnectListAllDomains'),
  domainDefineXML: row('virDomainDefineXML', READ_ONLY, nonNull('xml', arg(0))),
  domainCreateXML: row('virDomainCreateXML', nonNull('xmlDesc', arg(0)), READ_ONLY),
  domainCreate: row(plainUnlessFlags('virDomainCreate', 'virDomainCreateWithFlags', 1), READ_ONLY),
  domainUndefine: row('virDomainUndefineFlags', READ_ONLY),
  domainDestroy: row(plainUnlessFlags('virDomainDestroy', 'virDomainDestroyFlags', 1), READ_ONLY),
  domainShutdown: row(plainUnlessFlags('virDomainShutdown', 'virDomainShutdownFlags', 1), READ_ONLY),
  domainReboot: row('virDomainReboot', READ_ONLY),
  domainReset: row('virDomainReset', READ_ONLY),
  domainSuspend: row('virDomainSuspend', READ_ONLY),
  domainResume: row('virDomainResume', READ_ONLY),
  domainPMSuspendForDuration: row('virDomainPMSuspendForDuration', READ_ONLY),
  domainPMWakeup: row('virDomainPMWakeup', READ_ONLY),
  domainGetInfo: row('virDomainGetInfo'),
  domainGetState: row('virDomainGetState'),
  domainGetControlInfo: row('virDomainGetControlInfo'),
  domainGetXMLDesc: row(
    'virDomainGetXMLDesc',
    secureXml(1, DomainXML.SECURE | DomainXML.MIGRATABLE, 'virDomainGetXMLDesc'),
  ),
  domainGetOSType: row('virDomainGetOSType'),
  domainGetSecurityLabel: row('virDomainGetSecurityLabel'),
  domainGetMessages: row('virDomainGetMessages'),
  nodeGetSecurityModel: row('virNodeGetSecurityModel'),
  domainIsActive: row('virDomainIsActive'),
  domainIsPersistent: row('virDomainIsPersistent'),
  domainGetAutostart: row('virDomainGetAutostart'),
  domainSetAutostart: row('virDomainSetAutostart', READ_ONLY),
  domainGetHostname: row('virDomainGetHostname', READ_ONLY),
  domainGetTime: row('virDomainGetTime', READ_ONLY),
  domainSetTime: row('virDomainSetTime', READ_ONLY),
  domainRename: row('virDomainRename', nonEmptyString('new_name', arg(1)), READ_ONLY),
  domainGetMetadata: row(
    'virDomainGetMetadata',
    exclusive(3, [1, 'VIR_DOMAIN_AFFECT_LIVE'], [2, 'VIR_DOMAIN_AFFECT_CONFIG']),
    when(isTitleOrDescription(1), mustBeNull('uri', arg(2))),
    when(isElement(1), nonNull('uri', arg(2))),
  ),
  domainSetMetadata: row(
    'virDomainSetMetadata',
    READ_ONLY,
    invalid(
      (a) => a[1] === DomainMetadata.TITLE && typeof a[2] === 'string' && a[2].includes('\n'),
      () => "metadata title can't contain newlines",
    ),
    when(isTitleOrDescription(1), mustBeNull('uri', arg(4)), mustBeNull('key', arg(3))),
    when(isElement(1), nonNull('uri', arg(4))),
    when((a) => isElement(1)(a) && a[2] !== null && a[2] !== undefined, nonNull('key', arg(3))),
  ),
  domainSave: row(
    plainUnlessFlags('virDomainSave', 'virDomainSaveFlags', 2, 3),
    READ_ONLY,
    nonNull('to', arg(1)),
    exclusive(3, [2, 'VIR_DOMAIN_SAVE_RUNNING'], [4, 'VIR_DOMAIN_SAVE_PAUSED']),
  ),
  domainRestore: row(
    plainUnlessFlags('virDomainRestore', 'virDomainRestoreFlags', 1, 2),
    READ_ONLY,
    nonNull('from', arg(0)),
    exclusive(2, [2, 'VIR_DOMAIN_SAVE_RUNNING'], [4, 'VIR_DOMAIN_SAVE_PAUSED']),
  ),
  domainSaveImageGetXMLDesc: row('virDomainSaveImageGetXMLDesc', nonNull('file', arg(0)), READ_ONLY),
  domainSaveImageDefineXML: row(
    'virDomainSaveImageDefineXML',
    READ_ONLY,
    nonNull('file', arg(0)),
    nonNull('dxml', arg(1)),
    exclusive(2, [2, 'VIR_DOMAIN_SAVE_RUNNING'], [4, 'VIR_DOMAIN_SAVE_PAUSED']),
  ),
  domainManagedSave: row(
    'virDomainManagedSave',
    READ_ONLY,
    exclusive(1, [2, 'VIR_DOMAIN_SAVE_RUNNING'], [4, 'VIR_DOMAIN_SAVE_PAUSED']),
  ),
  domainHasManagedSaveImage: row('virDomainHasManagedSaveImage'),
  domainManagedSaveRemove: row('virDomainManagedSaveRemove', READ_ONLY),
  domainManagedSaveGetXMLDesc: row(
    'virDomainManagedSaveGetXMLDesc',
    secureXml(1, DomainXML.SECURE, 'virDomainManagedSaveGetXMLDesc'),
  ),
  domainManagedSaveDefineXML: row(
    'virDomainManagedSaveDefineXML',
    exclusive(2, [2, 'VIR_DOMAIN_SAVE_RUNNING'], [4, 'VIR_DOMAIN_SAVE_PAUSED']),
    READ_ONLY,
  ),
  domainCoreDumpWithFormat: row(
    'virDomainCoreDumpWithFormat',
    READ_ONLY,
    nonNull('to', arg(1)),
    invalid((a) => Number(a[2]) >= CORE_DUMP_FORMAT_LAST, (_fn, a) => `dumpformat '${a[2]}' is not supported`),
    exclusive(3, [1, 'VIR_DUMP_CRASH'], [2, 'VIR_DUMP_LIVE']),
    exclusive(3, [1, 'VIR_DUMP_CRASH'], [8, 'VIR_DUMP_RESET']),
    exclusive(3, [2, 'VIR_DUMP_LIVE'], [8, 'VIR_DUMP_RESET']),
  ),
  domainGetJobInfo: row('virDomainGetJobInfo'),
  domainGetJobStats: row('virDomainGetJobStats'),
  domainAbortJob: row('virDomainAbortJob', READ_ONLY),
  domainAbortJobFlags: row('virDomainAbortJobFlags', READ_ONLY),
  domainScreenshot: row('virDomainScreenshot', READ_ONLY),
  domainSendKey: row(
    'virDomainSendKey',
    READ_ONLY,
    nonNull('keycodes', arg(3)),
    positive('nkeycodes', count(3)),
    invalid((a) => Number(a[1]) >= KEYCODE_SET_LAST, (_fn, a) => `Unsupported codeset '${a[1]}'`),
    invalid((a) => count(3)(a) as number > SEND_KEY_MAX_KEYS, () => `nkeycodes must be <= ${SEND_KEY_MAX_KEYS}`),
  ),
  domainInjectNMI: row('virDomainInjectNMI', READ_ONLY),
  connectDomainXMLFromNative: row(
    'virConnectDomainXMLFromNative',
    READ_ONLY,
    nonNull('nativeFormat', arg(0)),
    nonNull('nativeConfig', arg(1)),
  ),
  connectDomainXMLToNative: row(
    'virConnectDomainXMLToNative',
    READ_ONLY,
    nonNull('nativeFormat', arg(0)),
    nonNull('domainXml', arg(1)),
  ),
};
