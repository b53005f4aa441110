// The client certificate's key usage and extended key usage as libvirt checks them
// (virNetTLSContextCheckCertKeyUsage / KeyPurpose for a peer): a missing permission is
// fatal when its extension is critical, else only a warning.
import { children, oidText, tbsFields, type Der } from './der.js';

interface Extension {
  critical: boolean;
  value: Buffer;
}

function extensions(der: Buffer): Map<string, Extension> {
  const out = new Map<string, Extension>();
  const wrapper = tbsFields(der).find((f) => f.tag === 0xa3);
  if (!wrapper) return out;
  for (const ext of children(children(wrapper.body)[0].body)) {
    const parts: Der[] = children(ext.body);
    const critical = parts.length === 3 && parts[1].tag === 0x01 && parts[1].body[0] !== 0;
    out.set(oidText(parts[0].body), { critical, value: parts[parts.length - 1].body });
  }
  return out;
}

const KEY_USAGE = '2.5.29.15';
const EXT_KEY_USAGE = '2.5.29.37';
const CLIENT_AUTH = '1.3.6.1.5.5.7.3.2';
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1';
const ANY_PURPOSE = '2.5.29.37.0';

/** A refusal or a warning: where libvirt reports it, and its text. */
export interface UsageFinding {
  fatal: boolean;
  where: string;
  text: string;
}

/** What libvirt says about a client certificate's usage bits and purposes, in its order. */
export function clientUsageFindings(der: Buffer): UsageFinding[] {
  const exts = extensions(der);
  const findings: UsageFinding[] = [];
  const ku = exts.get(KEY_USAGE);
  if (ku) {
    // BIT STRING: unused-bit count, then bit 0 (digitalSignature) as the first byte's top bit.
    const bits = children(ku.value)[0].body;
    const first = bits[1] ?? 0;
    const checks: [mask: number, what: string, errLine: number, warnLine: number][] = [
      [0x80, 'digital signature', 241, 246],
      [0x20, 'key encipherment', 252, 257],
    ];
    for (const [mask, what, errLine, warnLine] of checks) {
      if (first & mask) continue;
      const where = `virNetTLSContextCheckCertKeyUsage:${ku.critical ? errLine : warnLine}`;
      findings.push({ fatal: ku.critical, where, text: `Certificate [session] usage does not permit ${what}` });
      if (ku.critical) return findings;
    }
  }
  const eku = exts.get(EXT_KEY_USAGE);
  if (eku) {
    const purposes = children(children(eku.value)[0].body).map((p) => oidText(p.body));
    // Any purpose libvirt does not know (not server, not "any") allows both ends.
    const allowClient = purposes.some((p) => p === CLIENT_AUTH || (p !== SERVER_AUTH && p !== ANY_PURPOSE));
    if (!allowClient) {
      const where = `virNetTLSContextCheckCertKeyPurpose:${eku.critical ? 338 : 343}`;
      findings.push({ fatal: eku.critical, where, text: 'Certificate [session] purpose does not allow use for with a TLS client' });
    }
  }
  return findings;
}
