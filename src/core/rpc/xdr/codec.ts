import { XdrError } from './errors.js';
import { XdrReader } from './reader.js';
import { XdrWriter } from './writer.js';

/**
 * A typed XDR codec (RFC 4506). Codecs compose: a procedure's arguments are a struct codec
 * built from these, and the same value round-trips through client and server.
 * `size` is the fewest bytes one value can take on the wire; array decoding uses it to
 * refuse counts the packet cannot hold.
 */
export interface Codec<T> {
  readonly size: number;
  enc(w: XdrWriter, v: T): void;
  dec(r: XdrReader): T;
}

export type TypeOf<C> = C extends Codec<infer T> ? T : never;

export const int: Codec<number> = { size: 4, enc: (w, v) => w.int(v), dec: (r) => r.int() };
export const uint: Codec<number> = { size: 4, enc: (w, v) => w.uint(v), dec: (r) => r.uint() };
export const hyper: Codec<bigint> = { size: 8, enc: (w, v) => w.hyper(v), dec: (r) => r.hyper() };
export const uhyper: Codec<bigint> = { size: 8, enc: (w, v) => w.uhyper(v), dec: (r) => r.uhyper() };
export const double: Codec<number> = { size: 8, enc: (w, v) => w.double(v), dec: (r) => r.double() };
/** XDR bool: any non-zero word decodes as true, as glibc's xdr_bool does. */
export const bool: Codec<boolean> = { size: 4, enc: (w, v) => w.int(v ? 1 : 0), dec: (r) => r.int() !== 0 };
export const voidCodec: Codec<void> = { size: 0, enc: () => undefined, dec: () => undefined };

/** string<max>: length, UTF-8 bytes, padding. */
export function string(max = 0xffffffff): Codec<string> {
  return {
    size: 4,
    enc(w, v) {
      const b = Buffer.from(v, 'utf8');
      if (b.length > max) throw new XdrError(`string of ${b.length} bytes exceeds maximum ${max}`);
      w.uint(b.length);
      w.bytes(b);
    },
    dec(r) {
      return r.bytes(r.count(max, 1)).toString('utf8');
    },
  };
}

/** opaque<max>: variable-length bytes. */
export function opaque(max = 0xffffffff): Codec<Uint8Array> {
  return {
    size: 4,
    enc(w, v) {
      if (v.length > max) throw new XdrError(`opaque of ${v.length} bytes exceeds maximum ${max}`);
      w.uint(v.length);
      w.bytes(v);
    },
    dec(r) {
      return Uint8Array.from(r.bytes(r.count(max, 1)));
    },
  };
}

/** opaque[n]: exactly n bytes, padded. */
export function fixedOpaque(n: number): Codec<Uint8Array> {
  return {
    size: n + ((4 - (n % 4)) % 4),
    enc(w, v) {
      if (v.length !== n) throw new XdrError(`fixed opaque needs ${n} bytes, got ${v.length}`);
      w.bytes(v);
    },
    dec(r) {
      return Uint8Array.from(r.bytes(n));
    },
  };
}

/** `T *x`: a presence word, then the value. Absent is undefined. */
export function optional<T>(c: Codec<T>): Codec<T | undefined> {
  return {
    size: 4,
    enc(w, v) {
      if (v === undefined || v === null) {
        w.uint(0);
        return;
      }
      w.uint(1);
      c.enc(w, v);
    },
    dec(r) {
      const present = r.uint();
      if (present === 0) return undefined;
      if (present !== 1) throw new XdrError(`bad optional marker ${present}`);
      return c.dec(r);
    },
  };
}

/** T x<max>: count, then elements. */
export function array<T>(c: Codec<T>, max = 0xffffffff): Codec<T[]> {
  return {
    size: 4,
    enc(w, v) {
      if (v.length > max) throw new XdrError(`array of ${v.length} elements exceeds maximum ${max}`);
      w.uint(v.length);
      for (const e of v) c.enc(w, e);
    },
    dec(r) {
      const n = r.count(max, c.size);
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = c.dec(r);
      return out;
    },
  };
}

/** T x[n]: exactly n elements, no count. */
export function fixedArray<T>(c: Codec<T>, n: number): Codec<T[]> {
  return {
    size: c.size * n,
    enc(w, v) {
      if (v.length !== n) throw new XdrError(`fixed array needs ${n} elements, got ${v.length}`);
      for (const e of v) c.enc(w, e);
    },
    dec(r) {
      const out = new Array<T>(n);
      for (let i = 0; i < n; i++) out[i] = c.dec(r);
      return out;
    },
  };
}

type Fields = Record<string, Codec<any>>;
export type StructOf<F extends Fields> = { [K in keyof F]: TypeOf<F[K]> };

/** A struct: fields on the wire in the order the object literal declares them. */
export function struct<F extends Fields>(fields: F): Codec<StructOf<F>> {
  const entries = Object.entries(fields);
  return {
    size: entries.reduce((s, [, c]) => s + c.size, 0),
    enc(w, v) {
      for (const [k, c] of entries) c.enc(w, (v as Record<string, unknown>)[k]);
    },
    dec(r) {
      const out: Record<string, unknown> = {};
      for (const [k, c] of entries) out[k] = c.dec(r);
      return out as StructOf<F>;
    },
  };
}

type Arms = Record<number, Codec<any>>;
export type UnionOf<A extends Arms> = { [K in keyof A & number]: { disc: K; value: TypeOf<A[K]> } }[keyof A & number];

/** union switch (int disc): the discriminant, then its arm. An unknown discriminant is an error. */
export function union<A extends Arms>(arms: A): Codec<UnionOf<A>> {
  return {
    size: 4,
    enc(w, v) {
      const arm = arms[v.disc];
      if (!arm) throw new XdrError(`no union arm for discriminant ${v.disc}`);
      w.int(v.disc);
      arm.enc(w, v.value);
    },
    dec(r) {
      const disc = r.int();
      const arm = arms[disc];
      if (!arm) throw new XdrError(`bad union discriminant ${disc}`);
      return { disc, value: arm.dec(r) } as UnionOf<A>;
    },
  };
}

/** An enum: an int restricted to the listed values. */
export function enumeration<V extends number>(values: readonly V[]): Codec<V> {
  const allowed = new Set<number>(values);
  return {
    size: 4,
    enc(w, v) {
      if (!allowed.has(v)) throw new XdrError(`bad enum value ${v}`);
      w.int(v);
    },
    dec(r) {
      const v = r.int();
      if (!allowed.has(v)) throw new XdrError(`bad enum value ${v}`);
      return v as V;
    },
  };
}

/** Adapts a codec's value type (e.g. uuid bytes ↔ text) without touching the wire. */
export function mapped<W, T>(c: Codec<W>, to: (w: W) => T, from: (t: T) => W): Codec<T> {
  return { size: c.size, enc: (w, v) => c.enc(w, from(v)), dec: (r) => to(c.dec(r)) };
}

/** Encodes one value into a fresh buffer. */
export function encode<T>(c: Codec<T>, v: T): Buffer {
  const w = new XdrWriter();
  c.enc(w, v);
  return Buffer.from(w.finish());
}

/** Decodes one value that must use every byte. */
export function decode<T>(c: Codec<T>, b: Buffer): T {
  const r = new XdrReader(b);
  const v = c.dec(r);
  if (r.remaining !== 0) throw new XdrError(`${r.remaining} trailing bytes`);
  return v;
}
