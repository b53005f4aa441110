// libvirt hands QEMU some things as descriptors it opened itself: TAP devices
// (-netdev tap,fd=N) and listening UNIX sockets (the monitor, channels: socket,fd=N). Attaching
// a descriptor to a TAP device takes an ioctl and Node exposes no listening socket's
// descriptor, so QEMU is started through perl (part of every Debian base system): it makes
// each descriptor, puts it at the number the command line names, and becomes QEMU (exec keeps
// the pid). The messages are libvirt's; perl's end up in QEMU's log, which the start reports.

export interface TapAttach {
  /** The TAP device's name. */
  name: string;
  /** TUNSETIFF flags (IFF_TAP | IFF_NO_PI | IFF_VNET_HDR). */
  flags: number;
  /** Leave the device persistent (managed='no': it is not ours to end). */
  persist: boolean;
  /** The descriptor number QEMU finds it under. */
  fd: number;
}

/** A UNIX socket QEMU serves on, bound and listening before QEMU runs (qemuOpenChrChardevUNIXSocket). */
export interface ListenSocket {
  path: string;
  fd: number;
}

const TUNSETIFF = 0x400454ca;
const TUNSETPERSIST = 0x400454cb;

// TAP devices: open the clone device, attach (TUNSETIFF), let a device libvirt made end with
// its last descriptor (TUNSETPERSIST 0). Sockets: unlink, bind, listen(1), mode 0664 as QEMU's
// umask would leave it. Each descriptor is then dup2()ed to its number, which clears its
// close-on-exec flag; the originals close at exec.
const SCRIPT = `
use POSIX ();
use Socket;
my @held;
sub put { my ($fh, $target, $what) = @_; defined POSIX::dup2(fileno($fh), $target) or die "Unable to pass $what: $!\\n"; push @held, $fh; }
for (1 .. shift @ARGV) {
  my ($name, $flags, $persist, $target) = splice(@ARGV, 0, 4);
  open(my $fh, '+<', '/dev/net/tun') or die "Unable to open /dev/net/tun, is tun module loaded?: $!\\n";
  ioctl($fh, ${TUNSETIFF}, pack('Z16 s x22', $name, $flags)) or die "Unable to create tap device $name: $!\\n";
  $persist or ioctl($fh, ${TUNSETPERSIST}, 0) or die "Unable to set tap device $name transient: $!\\n";
  put($fh, $target, "tap device $name");
}
for (1 .. shift @ARGV) {
  my ($path, $target) = splice(@ARGV, 0, 2);
  socket(my $s, PF_UNIX, SOCK_STREAM, 0) or die "Unable to create UNIX socket: $!\\n";
  unlink($path) or $!{ENOENT} or die "Unable to unlink $path: $!\\n";
  bind($s, pack_sockaddr_un($path)) or die "Unable to bind to UNIX socket path '$path': $!\\n";
  listen($s, 1) or die "Unable to listen to UNIX socket path '$path': $!\\n";
  chmod(((stat $path)[2] & 07775) | 0664, $path) or die "Unable to set permissions of '$path': $!\\n";
  put($s, $target, "UNIX socket $path");
}
exec { $ARGV[0] } @ARGV or die "Unable to run $ARGV[0]: $!\\n";
`;

/** The program and arguments that start `binary args` with the descriptors made. */
export function withPreparedFds(taps: TapAttach[], sockets: ListenSocket[], binary: string, args: string[]): [string, string[]] {
  if (!taps.length && !sockets.length) return [binary, args];
  const tapSpecs = taps.flatMap((t) => [t.name, String(t.flags), t.persist ? '1' : '0', String(t.fd)]);
  const socketSpecs = sockets.flatMap((s) => [s.path, String(s.fd)]);
  return ['/usr/bin/perl', ['-e', SCRIPT, String(taps.length), ...tapSpecs, String(sockets.length), ...socketSpecs, binary, ...args]];
}
