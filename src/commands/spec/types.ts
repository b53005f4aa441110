/**
 * The declarative shape of a virsh command (vshCmdDef / vshCmdOptDef). Help, man page,
 * completion and the option parser are all driven by these tables.
 */
export type OptType = 'bool' | 'int' | 'string' | 'data' | 'argv' | 'alias';

export interface OptSpec {
  name: string;
  type: OptType;
  /** VSH_OFLAG_REQ: the option must be given. */
  required?: boolean;
  /** VSH_OFLAG_REQ_OPT: the option cannot be given positionally, only as --name. */
  reqOpt?: boolean;
  /** VSH_OFLAG_EMPTY_OK: an empty string value is accepted. */
  emptyOk?: boolean;
  help?: string;
  /** For type 'alias': the option (optionally `name=value`) this one stands for. */
  alias?: string;
  /** Which live values complete this option (e.g. 'domainName', 'pathLocalExisting'). */
  completer?: string;
  /** libvirt flags narrowing the completer (e.g. VIR_CONNECT_LIST_DOMAINS_ACTIVE). */
  completerFlags?: string;
  /** virsh-ts's own option (not virsh's): parsed and completed, left out of `help CMD`. */
  extension?: boolean;
}

export interface CommandSpec {
  name: string;
  /** Hidden alias of another command (VSH_CMD_FLAG_ALIAS). */
  aliasOf?: string;
  /** VSH_CMD_FLAG_NOCONNECT: runs without opening the connection. */
  noConnect?: boolean;
  /** VSH_CMD_FLAG_HIDDEN: not listed by help. */
  hidden?: boolean;
  help: string;
  desc: string;
  opts: OptSpec[];
}

export interface CommandGroupSpec {
  title: string;
  keyword: string;
  commands: CommandSpec[];
}
