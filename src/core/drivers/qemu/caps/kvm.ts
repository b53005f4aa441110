import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { virErr } from '../../../errors.js';
import { strerror } from '../../../strerror.js';

const KVM_DEVICE = '/dev/kvm';
/** KVM_CHECK_EXTENSION = _IO(KVMIO, 0x03); the capabilities virHostCPUGetKVMMaxVCPUs asks. */
const KVM_CHECK_EXTENSION = 0xae03;
const KVM_CAP_NR_VCPUS = 9;
const KVM_CAP_MAX_VCPUS = 66;

/**
 * virHostCPUGetKVMMaxVCPUs: KVM's vCPU limit, else its recommended count, else 4. Node has
 * no ioctl, so perl (part of every Debian base system) asks the kernel.
 */
export function kvmMaxVcpus(): number {
  try {
    closeSync(openSync(KVM_DEVICE, 'r'));
  } catch (e) {
    throw virErr('SYSTEM_ERROR', `Unable to open ${KVM_DEVICE}: ${strerror(e)}`);
  }
  const script =
    'open(my $f, "<", $ARGV[0]) or exit 1; for my $cap (@ARGV[2..$#ARGV]) { my $r = ioctl($f, $ARGV[1] + 0, $cap + 0); ' +
    'if (defined $r && $r ne "0 but true" && $r > 0) { print $r; exit 0 } } print 4;';
  const out = execFileSync('perl', ['-e', script, KVM_DEVICE, String(KVM_CHECK_EXTENSION), String(KVM_CAP_MAX_VCPUS), String(KVM_CAP_NR_VCPUS)], {
    encoding: 'utf8',
  });
  return Number(out);
}
