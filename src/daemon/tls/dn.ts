// A certificate's subject as libvirt sees it: the string gnutls_x509_crt_get_dn gives
// (RDNs in certificate order, "," between them, "+" inside a multi-valued one, RFC 4514
// escapes), and tls_allowed_dn_list's glob match on it (GLib's g_pattern_match_simple).
import { children, oidText, tbsFields, type Der } from './der.js';

/** The short names gnutls prints for attribute types (others print as a dotted OID). */
const shortNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '0.9.2342.19200300.100.1.25': 'DC',
  '0.9.2342.19200300.100.1.1': 'UID',
  '1.2.840.113549.1.9.1': 'EMAIL',
};

/** String types gnutls prints as text: UTF8, Printable, Teletex, IA5, Visible, Universal, BMP. */
function valueText(v: Der): string | undefined {
  switch (v.tag) {
    case 0x0c:
    case 0x13:
    case 0x14:
    case 0x16:
    case 0x1a:
      return v.body.toString(v.tag === 0x0c ? 'utf8' : 'latin1');
    case 0x1e:
      return Buffer.from(v.body).swap16().toString('utf16le');
    default:
      return undefined;
  }
}

/** RFC 4514 escaping as gnutls applies it. */
function escape(text: string): string {
  let out = '';
  [...text].forEach((ch, i, all) => {
    const edge = (i === 0 && (ch === ' ' || ch === '#')) || (i === all.length - 1 && ch === ' ');
    out += edge || ',+"\\<>;'.includes(ch) ? `\\${ch}` : ch;
  });
  return out;
}

function attribute(atv: Der): string {
  const [type, value] = children(atv.body);
  const oid = oidText(type.body);
  const name = shortNames[oid];
  const text = name ? valueText(value) : undefined;
  return text === undefined ? `${name ?? oid}=#${value.raw.toString('hex')}` : `${name}=${escape(text)}`;
}

/** The subject DN of a DER certificate, in gnutls_x509_crt_get_dn's format. */
export function subjectDN(der: Buffer): string {
  const fields = tbsFields(der);
  // tbsCertificate: [0] version (optional), serial, signature, issuer, validity, subject.
  const subject = fields[fields[0].tag === 0xa0 ? 5 : 4];
  return children(subject.body)
    .map((rdn) => children(rdn.body).map(attribute).join('+'))
    .join(',');
}

/** g_pattern_match_simple: '*' any run, '?' any one character, nothing escapes. */
export function globMatch(pattern: string, text: string): boolean {
  const p = [...pattern];
  const t = [...text];
  let pi = 0;
  let ti = 0;
  let star = -1;
  let mark = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || (p[pi] !== '*' && p[pi] === t[ti]))) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      mark = ti;
    } else if (star >= 0) {
      pi = star + 1;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
