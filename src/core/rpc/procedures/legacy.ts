import { str } from '../types.js';
import { array, int } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_DOMAIN_LIST_MAX */
const DOMAIN_LIST_MAX = 16384;
/** REMOTE_AUTH_SASL_DATA_MAX */
const AUTH_SASL_DATA_MAX = 65536;
/** REMOTE_INTERFACE_LIST_MAX */
const INTERFACE_LIST_MAX = 16384;

/** Calls libvirt kept from before the typed-list and callback APIs: name/id listings, counts, SASL steps. */
export const legacyProcs = {
  connectListDefinedDomains: remote(21, 'CONNECT_LIST_DEFINED_DOMAINS', s({ maxnames: int }), s({ names: array(str, DOMAIN_LIST_MAX) })),
  connectNumOfDefinedDomains: remote(25, 'CONNECT_NUM_OF_DEFINED_DOMAINS', none, s({ num: int })),
  connectListDomains: remote(37, 'CONNECT_LIST_DOMAINS', s({ maxids: int }), s({ ids: array(int, DOMAIN_LIST_MAX) })),
  connectNumOfDomains: remote(51, 'CONNECT_NUM_OF_DOMAINS', none, s({ num: int })),
  connectNumOfInterfaces: remote(126, 'CONNECT_NUM_OF_INTERFACES', none, s({ num: int })),
  connectListInterfaces: remote(127, 'CONNECT_LIST_INTERFACES', s({ maxnames: int }), s({ names: array(str, INTERFACE_LIST_MAX) })),
  connectNumOfDefinedInterfaces: remote(137, 'CONNECT_NUM_OF_DEFINED_INTERFACES', none, s({ num: int })),
  connectListDefinedInterfaces: remote(138, 'CONNECT_LIST_DEFINED_INTERFACES', s({ maxnames: int }), s({ names: array(str, INTERFACE_LIST_MAX) })),
  authSaslStart: remote(68, 'AUTH_SASL_START', s({ mech: str, nil: int, data: array(int, AUTH_SASL_DATA_MAX) }), s({ complete: int, nil: int, data: array(int, AUTH_SASL_DATA_MAX) })),
  authSaslStep: remote(69, 'AUTH_SASL_STEP', s({ nil: int, data: array(int, AUTH_SASL_DATA_MAX) }), s({ complete: int, nil: int, data: array(int, AUTH_SASL_DATA_MAX) })),
};
