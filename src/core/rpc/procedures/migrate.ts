import { domain as dom, optStr, str, typedParam } from '../types.js';
import { array, int, opaque, uhyper, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_MIGRATE_COOKIE_MAX */
const MIGRATE_COOKIE_MAX = 4194304;
/** REMOTE_DOMAIN_MIGRATE_PARAM_LIST_MAX */
const DOMAIN_MIGRATE_PARAM_LIST_MAX = 64;

/** Migration: the v1, v2, v3 and parameter-list protocols and the knobs of a running migration. */
export const migrateProcs = {
  domainMigratePrepare: remote(61, 'DOMAIN_MIGRATE_PREPARE', s({ uri_in: optStr, flags: uhyper, dname: optStr, resource: uhyper }), s({ cookie: opaque(MIGRATE_COOKIE_MAX), uri_out: optStr })),
  domainMigratePerform: remote(62, 'DOMAIN_MIGRATE_PERFORM', s({ dom, cookie: opaque(MIGRATE_COOKIE_MAX), uri: str, flags: uhyper, dname: optStr, resource: uhyper }), none),
  domainMigrateFinish: remote(63, 'DOMAIN_MIGRATE_FINISH', s({ dname: str, cookie: opaque(MIGRATE_COOKIE_MAX), uri: str, flags: uhyper }), s({ ddom: dom })),
  domainMigratePrepare2: remote(108, 'DOMAIN_MIGRATE_PREPARE2', s({ uri_in: optStr, flags: uhyper, dname: optStr, resource: uhyper, dom_xml: str }), s({ cookie: opaque(MIGRATE_COOKIE_MAX), uri_out: optStr })),
  domainMigrateFinish2: remote(109, 'DOMAIN_MIGRATE_FINISH2', s({ dname: str, cookie: opaque(MIGRATE_COOKIE_MAX), uri: str, flags: uhyper, retcode: int }), s({ ddom: dom })),
  domainMigratePrepareTunnel: remote(148, 'DOMAIN_MIGRATE_PREPARE_TUNNEL', s({ flags: uhyper, dname: optStr, resource: uhyper, dom_xml: str }), none, { stream: 'send' }),
  domainMigrateSetMaxDowntime: remote(166, 'DOMAIN_MIGRATE_SET_MAX_DOWNTIME', s({ dom, downtime: uhyper, flags: uint }), none),
  domainMigrateSetMaxSpeed: remote(207, 'DOMAIN_MIGRATE_SET_MAX_SPEED', s({ dom, bandwidth: uhyper, flags: uint }), none),
  domainMigrateBegin3: remote(213, 'DOMAIN_MIGRATE_BEGIN3', s({ dom, xmlin: optStr, flags: uhyper, dname: optStr, resource: uhyper }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX), xml: str })),
  domainMigratePrepare3: remote(214, 'DOMAIN_MIGRATE_PREPARE3', s({ cookie_in: opaque(MIGRATE_COOKIE_MAX), uri_in: optStr, flags: uhyper, dname: optStr, resource: uhyper, dom_xml: str }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX), uri_out: optStr })),
  domainMigratePrepareTunnel3: remote(215, 'DOMAIN_MIGRATE_PREPARE_TUNNEL3', s({ cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uhyper, dname: optStr, resource: uhyper, dom_xml: str }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX) }), { stream: 'send' }),
  domainMigratePerform3: remote(216, 'DOMAIN_MIGRATE_PERFORM3', s({ dom, xmlin: optStr, cookie_in: opaque(MIGRATE_COOKIE_MAX), dconnuri: optStr, uri: optStr, flags: uhyper, dname: optStr, resource: uhyper }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX) })),
  domainMigrateFinish3: remote(217, 'DOMAIN_MIGRATE_FINISH3', s({ dname: str, cookie_in: opaque(MIGRATE_COOKIE_MAX), dconnuri: optStr, uri: optStr, flags: uhyper, cancelled: int }), s({ dom, cookie_out: opaque(MIGRATE_COOKIE_MAX) })),
  domainMigrateConfirm3: remote(218, 'DOMAIN_MIGRATE_CONFIRM3', s({ dom, cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uhyper, cancelled: int }), none),
  domainMigrateGetMaxSpeed: remote(242, 'DOMAIN_MIGRATE_GET_MAX_SPEED', s({ dom, flags: uint }), s({ bandwidth: uhyper })),
  domainMigrateGetCompressionCache: remote(299, 'DOMAIN_MIGRATE_GET_COMPRESSION_CACHE', s({ dom, flags: uint }), s({ cacheSize: uhyper })),
  domainMigrateSetCompressionCache: remote(300, 'DOMAIN_MIGRATE_SET_COMPRESSION_CACHE', s({ dom, cacheSize: uhyper, flags: uint }), none),
  domainMigrateBegin3Params: remote(302, 'DOMAIN_MIGRATE_BEGIN3_PARAMS', s({ dom, params: array(typedParam, DOMAIN_MIGRATE_PARAM_LIST_MAX), flags: uint }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX), xml: str })),
  domainMigratePrepare3Params: remote(303, 'DOMAIN_MIGRATE_PREPARE3_PARAMS', s({ params: array(typedParam, DOMAIN_MIGRATE_PARAM_LIST_MAX), cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uint }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX), uri_out: optStr })),
  domainMigratePrepareTunnel3Params: remote(304, 'DOMAIN_MIGRATE_PREPARE_TUNNEL3_PARAMS', s({ params: array(typedParam, DOMAIN_MIGRATE_PARAM_LIST_MAX), cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uint }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX) }), { stream: 'send' }),
  domainMigratePerform3Params: remote(305, 'DOMAIN_MIGRATE_PERFORM3_PARAMS', s({ dom, dconnuri: optStr, params: array(typedParam, DOMAIN_MIGRATE_PARAM_LIST_MAX), cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uint }), s({ cookie_out: opaque(MIGRATE_COOKIE_MAX) })),
  domainMigrateFinish3Params: remote(306, 'DOMAIN_MIGRATE_FINISH3_PARAMS', s({ params: array(typedParam, DOMAIN_MIGRATE_PARAM_LIST_MAX), cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uint, cancelled: int }), s({ dom, cookie_out: opaque(MIGRATE_COOKIE_MAX) })),
  domainMigrateConfirm3Params: remote(307, 'DOMAIN_MIGRATE_CONFIRM3_PARAMS', s({ dom, params: array(typedParam, DOMAIN_MIGRATE_PARAM_LIST_MAX), cookie_in: opaque(MIGRATE_COOKIE_MAX), flags: uint, cancelled: int }), none),
  domainMigrateStartPostCopy: remote(364, 'DOMAIN_MIGRATE_START_POST_COPY', s({ dom, flags: uint }), none),
  domainMigrateGetMaxDowntime: remote(387, 'DOMAIN_MIGRATE_GET_MAX_DOWNTIME', s({ dom, flags: uint }), s({ downtime: uhyper })),
};
