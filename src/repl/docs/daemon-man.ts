import { daemonOptions } from '../../daemon/cli.js';
import { configKeys } from '../../daemon/config.js';
import { roff } from './man.js';

/** man/virtd-ts.8, from the daemon's option table and the configuration keys it reads. */
export function daemonManPage(): string {
  const out: string[] = [
    '.TH VIRTD-TS 8 "" "virsh-ts" "System Administration"',
    '.SH NAME',
    'virtd-ts \\- a libvirt daemon in TypeScript, speaking libvirtd\\(aqs RPC protocol',
    '.SH SYNOPSIS',
    '.B virtd-ts',
    '[\\fIOPTIONS\\fR]',
    '.SH DESCRIPTION',
    roff(
      "virtd-ts serves virsh-ts's embedded drivers over libvirt's RPC protocol, as libvirtd does: " +
        'test:///default (one node shared by the clients that hold it open) and qemu:///system. ' +
        'Real virsh, virsh-ts and other libvirt clients reach it over unix sockets (read-write, ' +
        'read-only, admin), tcp, tls and ssh. Its command line, configuration file and socket ' +
        'layout are libvirtd 9.0\'s.',
    ),
    '.SH OPTIONS',
  ];
  for (const [opt, help] of daemonOptions) out.push('.TP', `\\fB${roff(opt)}\\fR`, roff(help));
  out.push(
    '.SH CONFIGURATION',
    roff('The configuration file (-f) uses libvirtd.conf\'s syntax; virtd-ts reads these keys and ignores others, as libvirtd does.'),
  );
  for (const [type, keys] of Object.entries(configKeys)) {
    out.push('.TP', `\\fI${type}\\fR`, keys.map((k) => `\\fB${roff(k)}\\fR`).join(', '));
  }
  out.push(
    '.SH ENVIRONMENT',
    '.TP',
    '\\fBLISTEN_FDS\\fR, \\fBLISTEN_PID\\fR, \\fBLISTEN_FDNAMES\\fR',
    roff('systemd socket activation: sockets named as libvirtd\'s socket units are served and none are created.'),
    '.TP',
    '\\fBVIRTD_TS_QEMU_ROOT\\fR',
    roff('Where the QEMU driver of qemu:///system keeps its state, instead of /etc/libvirt/qemu, /var/lib/libvirt/qemu, /run/libvirt/qemu and /var/cache/libvirt/qemu.'),
    '.SH FILES',
    '.TP',
    '\\fI/etc/libvirt/virtd\\-ts.conf\\fR',
    roff('The configuration file of the system daemon ($XDG_CONFIG_HOME/libvirt/virtd-ts.conf for a session daemon).'),
    '.TP',
    '\\fI/run/libvirt/libvirt\\-sock\\fR, \\fIlibvirt\\-sock\\-ro\\fR, \\fIlibvirt\\-admin\\-sock\\fR',
    roff('The read-write, read-only and admin sockets ($XDG_RUNTIME_DIR/libvirt/ for a session daemon).'),
    '.SH SEE ALSO',
    '\\fBvirsh\\-ts\\fR(1), \\fBlibvirtd\\fR(8), \\fBvirsh\\fR(1)',
    '',
  );
  return out.join('\n');
}
