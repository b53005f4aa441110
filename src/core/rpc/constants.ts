/** Wire constants of libvirt's RPC protocol (virnetprotocol.x, remote_protocol.x). */

/** Header + payload, excluding the 4-byte length word. */
export const MESSAGE_MAX = 33554432;
export const HEADER_SIZE = 24;
export const LEN_SIZE = 4;
export const PAYLOAD_MAX = MESSAGE_MAX - HEADER_SIZE;
/** REMOTE_STRING_MAX */
export const STRING_MAX = 4194304;
/** REMOTE_*_LIST_MAX for domains, networks, pools, volumes, snapshots. */
export const LIST_MAX = 16384;
/** The daemon's default max_client_requests: calls it reads before it stops reading. */
export const DAEMON_MAX_CLIENT_REQUESTS = 5;

export const Program = {
  REMOTE: 0x20008086,
  QEMU: 0x20008087,
  LXC: 0x00068000,
  KEEPALIVE: 0x6b656570,
  ADMIN: 0x06900690,
} as const;

export const PROTOCOL_VERSION = 1;

export const MessageType = {
  CALL: 0,
  REPLY: 1,
  MESSAGE: 2,
  STREAM: 3,
  CALL_WITH_FDS: 4,
  REPLY_WITH_FDS: 5,
  STREAM_HOLE: 6,
} as const;

export const MessageStatus = { OK: 0, ERROR: 1, CONTINUE: 2 } as const;

export const KeepaliveProc = { PING: 1, PONG: 2 } as const;

/** virDrvFeature values probed with CONNECT_SUPPORTS_FEATURE. */
export const Feature = {
  MIGRATION_V1: 1,
  REMOTE: 2,
  MIGRATION_V2: 3,
  MIGRATION_P2P: 4,
  MIGRATION_DIRECT: 5,
  MIGRATION_V3: 6,
  MIGRATE_CHANGE_PROTECTION: 7,
  FD_PASSING: 8,
  TYPED_PARAM_STRING: 9,
  PROGRAM_KEEPALIVE: 10,
  XML_MIGRATABLE: 11,
  MIGRATION_OFFLINE: 12,
  MIGRATION_PARAMS: 13,
  REMOTE_EVENT_CALLBACK: 14,
  REMOTE_CLOSE_CALLBACK: 15,
  NETWORK_UPDATE_HAS_CORRECT_ORDER: 16,
} as const;

/** remote_auth_type */
export const AuthType = { NONE: 0, SASL: 1, POLKIT: 2 } as const;

/** The remote driver's own CONNECT_OPEN flags (bit 0 is VIR_CONNECT_RO). */
export const OpenFlags = { RO: 1, USER: 2, AUTOSTART: 4 } as const;

/** virConnectCloseReason */
export const CloseReason = { ERROR: 0, EOF: 1, KEEPALIVE: 2, CLIENT: 3 } as const;
