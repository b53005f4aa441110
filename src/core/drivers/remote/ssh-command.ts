import { virErr } from '../../errors.js';

/** virBufferEscapeShell: single-quote a word when it holds shell metacharacters. */
export function escapeShell(word: string): string {
  if (word === '') return "''";
  if (!/[\r\t\n !"#$&'()*;<>?[\\\]^`{|}~]/.test(word)) return word;
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** The remote shell runs our command, which runs sh again: two levels of quoting. */
const doubleEscape = (word: string) => escapeShell(escapeShell(word));

export interface HelperOptions {
  /** proxy=: auto (virt-ssh-helper, else netcat), netcat or native. */
  proxy: 'auto' | 'netcat' | 'native';
  netcat: string | undefined;
  socket: string;
  /** The URI virt-ssh-helper opens on the far side (the name CONNECT_OPEN carries). */
  driverURI: string;
  readonly: boolean;
}

/**
 * virNetClientSSHHelperCommand: the command the far side runs to reach its daemon, byte
 * for byte as libvirt 9.0 sends it (an explicit netcat= means the netcat proxy).
 */
export function sshHelperCommand(o: HelperOptions): string {
  const nc = doubleEscape(o.netcat ?? 'nc');
  const proxy = o.proxy === 'auto' && o.netcat !== undefined ? 'netcat' : o.proxy;
  const nccmd =
    `if '${nc}' -q 2>&1 | grep "requires an argument" >/dev/null 2>&1; then ARG=-q0;else ARG=;fi;` + `'${nc}' $ARG -U ${o.socket}`;
  const helper = `virt-ssh-helper${o.readonly ? ' -r ' : ' '}'${doubleEscape(o.driverURI)}'`;
  switch (proxy) {
    case 'auto':
      return `sh -c 'which virt-ssh-helper 1>/dev/null 2>&1; if test $? = 0; then     ${helper}; else    ${nccmd}; fi'`;
    case 'netcat':
      return `sh -c '${nccmd}'`;
    case 'native':
      if (o.netcat !== undefined) throw virErr('INVALID_ARG', 'netcat path not valid with native proxy mode', 'RPC');
      return `sh -c '${helper}'`;
  }
}
