import { domain as dom, optStr, str, typedParam } from '../types.js';
import { array, int, opaque, uhyper, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

/** REMOTE_DOMAIN_BLOCK_PEEK_BUFFER_MAX */
const DOMAIN_BLOCK_PEEK_BUFFER_MAX = 4194304;
/** REMOTE_DOMAIN_MEMORY_PEEK_BUFFER_MAX */
const DOMAIN_MEMORY_PEEK_BUFFER_MAX = 4194304;
/** REMOTE_DOMAIN_BLOCK_COPY_PARAMETERS_MAX */
const DOMAIN_BLOCK_COPY_PARAMETERS_MAX = 16;

/** Block jobs (pull, rebase, copy, commit), block/memory peeks, resize and thresholds. */
export const blockJobProcs = {
  domainBlockPeek: remote(103, 'DOMAIN_BLOCK_PEEK', s({ dom, path: str, offset: uhyper, size: uint, flags: uint }), s({ buffer: opaque(DOMAIN_BLOCK_PEEK_BUFFER_MAX) })),
  domainMemoryPeek: remote(104, 'DOMAIN_MEMORY_PEEK', s({ dom, offset: uhyper, size: uint, flags: uint }), s({ buffer: opaque(DOMAIN_MEMORY_PEEK_BUFFER_MAX) })),
  domainBlockJobAbort: remote(237, 'DOMAIN_BLOCK_JOB_ABORT', s({ dom, path: str, flags: uint }), none),
  domainGetBlockJobInfo: remote(238, 'DOMAIN_GET_BLOCK_JOB_INFO', s({ dom, path: str, flags: uint }), s({ found: int, type: int, bandwidth: uhyper, cur: uhyper, end: uhyper })),
  domainBlockJobSetSpeed: remote(239, 'DOMAIN_BLOCK_JOB_SET_SPEED', s({ dom, path: str, bandwidth: uhyper, flags: uint }), none),
  domainBlockPull: remote(240, 'DOMAIN_BLOCK_PULL', s({ dom, path: str, bandwidth: uhyper, flags: uint }), none),
  domainBlockResize: remote(251, 'DOMAIN_BLOCK_RESIZE', s({ dom, disk: str, size: uhyper, flags: uint }), none),
  domainBlockRebase: remote(266, 'DOMAIN_BLOCK_REBASE', s({ dom, path: str, base: optStr, bandwidth: uhyper, flags: uint }), none),
  domainBlockCommit: remote(290, 'DOMAIN_BLOCK_COMMIT', s({ dom, disk: str, base: optStr, top: optStr, bandwidth: uhyper, flags: uint }), none),
  domainBlockCopy: remote(345, 'DOMAIN_BLOCK_COPY', s({ dom, path: str, destxml: str, params: array(typedParam, DOMAIN_BLOCK_COPY_PARAMETERS_MAX), flags: uint }), none),
  domainSetBlockThreshold: remote(386, 'DOMAIN_SET_BLOCK_THRESHOLD', s({ dom, dev: str, threshold: uhyper, flags: uint }), none),
};
