// Just enough DER to read a certificate's subject and extensions.

export interface Der {
  tag: number;
  body: Buffer;
  /** The whole element, header included (unknown attributes print it in hex). */
  raw: Buffer;
}

/** One DER element at `at`; definite lengths only, as DER requires. */
export function element(buf: Buffer, at: number): Der & { next: number } {
  const tag = buf[at];
  let len = buf[at + 1];
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n < 1 || n > 4) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (tag === undefined || start + len > buf.length) throw new Error('truncated DER');
  return { tag, body: buf.subarray(start, start + len), raw: buf.subarray(at, start + len), next: start + len };
}

export function children(body: Buffer): Der[] {
  const out: Der[] = [];
  for (let at = 0; at < body.length; ) {
    const e = element(body, at);
    out.push(e);
    at = e.next;
  }
  return out;
}

export function oidText(body: Buffer): string {
  const parts = [Math.floor(body[0] / 40), body[0] % 40];
  let v = 0;
  for (const b of body.subarray(1)) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** tbsCertificate's fields, the optional [0] version included when present. */
export function tbsFields(der: Buffer): Der[] {
  const [tbs] = children(element(der, 0).body);
  return children(tbs.body);
}
