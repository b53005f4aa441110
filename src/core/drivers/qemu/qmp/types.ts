// QMP's wire shapes (QEMU's docs/interop/qmp-spec), as the client sees them.

export interface QmpGreeting {
  QMP: {
    version: { qemu: { major: number; minor: number; micro: number }; package: string };
    capabilities: string[];
  };
}

export interface QmpErrorBody {
  class: string;
  desc: string;
}

/** A reply exactly as QEMU sent it (key order kept), for callers that pass replies through. */
export type QmpReply = { id?: unknown } & ({ return: unknown } | { error: QmpErrorBody });

export interface QmpEvent {
  event: string;
  data?: Record<string, unknown>;
  timestamp: { seconds: number; microseconds: number };
}

/** A command as sent: `{"execute": name, "arguments": {...}}` (the client adds the id). */
export interface QmpCommand {
  execute: string;
  arguments?: Record<string, unknown>;
  [key: string]: unknown;
}
