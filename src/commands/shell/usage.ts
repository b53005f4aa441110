import type { CommandGroupSpec } from '../spec/types.js';

/** virsh's own version, and the build features `virsh -V` lists (Debian's libvirt 9.0). */
export const VIRSH_VERSION = '9.0.0';

const features: readonly [string, string][] = [
  ['Hypervisors', 'QEMU/KVM LXC LibXL OpenVZ VMware VirtualBox ESX Test'],
  ['Networking', 'Remote Network Bridging Interface udev Nwfilter'],
  ['Storage', 'Dir Disk Filesystem SCSI Multipath iSCSI iSCSI-direct LVM RBD Gluster ZFS'],
  ['Miscellaneous', 'Daemon Nodedev AppArmor SELinux Secrets Debug DTrace Readline'],
];

/** virshShowVersion (`-V`, `--version=long`). */
export function longVersion(): string {
  return (
    `Virsh command line tool of libvirt ${VIRSH_VERSION}\n` +
    'See web site at https://libvirt.org/\n\n' +
    'Compiled with support for:\n' +
    features.map(([k, v]) => ` ${k}: ${v}\n`).join('')
  );
}

/** virshUsage (`-h`, `--help`): the options, then every visible command by group. */
export function usage(progname: string, groups: readonly CommandGroupSpec[]): string {
  let out =
    `\n${progname} [options]... [<command_string>]` +
    `\n${progname} [options]... <command> [args...]\n\n` +
    '  options:\n' +
    '    -c | --connect=URI      hypervisor connection URI\n' +
    '    -d | --debug=NUM        debug level [0-4]\n' +
    '    -e | --escape <char>    set escape sequence for console\n' +
    '    -h | --help             this help\n' +
    '    -k | --keepalive-interval=NUM\n' +
    '                            keepalive interval in seconds, 0 for disable\n' +
    '    -K | --keepalive-count=NUM\n' +
    '                            number of possible missed keepalive messages\n' +
    '    -l | --log=FILE         output logging to file\n' +
    '    -q | --quiet            quiet mode\n' +
    '    -r | --readonly         connect readonly\n' +
    '    -t | --timing           print timing information\n' +
    '    -v                      short version\n' +
    '    -V                      long version\n' +
    '         --version[=TYPE]   version, TYPE is short or long (default short)\n' +
    '  commands (non interactive mode):\n\n';
  for (const g of groups) {
    out += ` ${g.title} (help keyword '${g.keyword}')\n`;
    for (const c of g.commands) if (!c.aliasOf && !c.hidden) out += `    ${c.name.padEnd(30)} ${c.help}\n`;
    out += '\n';
  }
  return (
    out +
    '\n  (specify help <group> for details about the commands in the group)\n' +
    '\n  (specify help <command> for details about the command)\n\n'
  );
}
