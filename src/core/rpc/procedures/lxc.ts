import { Program } from '../constants.js';
import { domain as dom } from '../types.js';
import { uint } from '../xdr/index.js';
import { none, programRow, s } from './define.js';

/** LXC_PROGRAM: a container's namespaces, which travel back as file descriptors beside an empty reply. */
export const lxcProcs = {
  lxcDomainOpenNamespace: programRow(Program.LXC, 1, 'DOMAIN_OPEN_NAMESPACE', s({ dom, flags: uint }), none),
};
