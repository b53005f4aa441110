import { LIST_MAX } from '../constants.js';
import { checkpoint, domain as dom, snapshot as snap, str } from '../types.js';
import { array, bool, int, uint } from '../xdr/index.js';
import { none, remote, s } from './define.js';

const snapRet = s({ snap });
const snapFlags = s({ snap, flags: uint });
const domFlags = s({ dom, flags: uint });
const chkRet = s({ checkpoint });
const chkFlags = s({ checkpoint, flags: uint });

/** Snapshot and checkpoint procedures. */
export const snapshotProcs = {
  domainSnapshotCreateXML: remote(185, 'DOMAIN_SNAPSHOT_CREATE_XML', s({ dom, xml_desc: str, flags: uint }), snapRet),
  domainSnapshotGetXMLDesc: remote(186, 'DOMAIN_SNAPSHOT_GET_XML_DESC', snapFlags, s({ xml: str })),
  domainSnapshotNum: remote(187, 'DOMAIN_SNAPSHOT_NUM', domFlags, s({ num: int })),
  domainSnapshotListNames: remote(188, 'DOMAIN_SNAPSHOT_LIST_NAMES', s({ dom, maxnames: int, flags: uint }), s({ names: array(str, LIST_MAX) })),
  domainSnapshotLookupByName: remote(189, 'DOMAIN_SNAPSHOT_LOOKUP_BY_NAME', s({ dom, name: str, flags: uint }), snapRet),
  domainHasCurrentSnapshot: remote(190, 'DOMAIN_HAS_CURRENT_SNAPSHOT', domFlags, s({ result: bool })),
  domainSnapshotCurrent: remote(191, 'DOMAIN_SNAPSHOT_CURRENT', domFlags, snapRet),
  domainRevertToSnapshot: remote(192, 'DOMAIN_REVERT_TO_SNAPSHOT', snapFlags, none),
  domainSnapshotDelete: remote(193, 'DOMAIN_SNAPSHOT_DELETE', snapFlags, none),
  domainSnapshotGetParent: remote(244, 'DOMAIN_SNAPSHOT_GET_PARENT', snapFlags, snapRet),
  domainSnapshotNumChildren: remote(246, 'DOMAIN_SNAPSHOT_NUM_CHILDREN', snapFlags, s({ num: int })),
  domainSnapshotIsCurrent: remote(271, 'DOMAIN_SNAPSHOT_IS_CURRENT', snapFlags, s({ current: bool })),
  domainSnapshotHasMetadata: remote(272, 'DOMAIN_SNAPSHOT_HAS_METADATA', snapFlags, s({ metadata: bool })),
  domainListAllSnapshots: remote(274, 'DOMAIN_LIST_ALL_SNAPSHOTS', s({ dom, need_results: int, flags: uint }), s({ snapshots: array(snap, LIST_MAX), ret: int })),
  domainSnapshotListAllChildren: remote(
    275,
    'DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN',
    s({ snapshot: snap, need_results: int, flags: uint }),
    s({ snapshots: array(snap, LIST_MAX), ret: int }),
  ),
  domainCheckpointCreateXML: remote(411, 'DOMAIN_CHECKPOINT_CREATE_XML', s({ dom, xml_desc: str, flags: uint }), chkRet),
  domainCheckpointGetXMLDesc: remote(412, 'DOMAIN_CHECKPOINT_GET_XML_DESC', chkFlags, s({ xml: str })),
  domainListAllCheckpoints: remote(
    413,
    'DOMAIN_LIST_ALL_CHECKPOINTS',
    s({ dom, need_results: int, flags: uint }),
    s({ checkpoints: array(checkpoint, LIST_MAX), ret: int }),
  ),
  domainCheckpointListAllChildren: remote(
    414,
    'DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN',
    s({ checkpoint, need_results: int, flags: uint }),
    s({ checkpoints: array(checkpoint, LIST_MAX), ret: int }),
  ),
  domainCheckpointLookupByName: remote(415, 'DOMAIN_CHECKPOINT_LOOKUP_BY_NAME', s({ dom, name: str, flags: uint }), chkRet),
  domainCheckpointGetParent: remote(416, 'DOMAIN_CHECKPOINT_GET_PARENT', chkFlags, s({ parent: checkpoint })),
  domainCheckpointDelete: remote(417, 'DOMAIN_CHECKPOINT_DELETE', chkFlags, none),
};
