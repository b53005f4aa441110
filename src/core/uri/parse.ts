import { virErr } from '../errors.js';

/**
 * libvirt's virURI: what virURIParse (libxml2's RFC 3986 parser plus libvirt's fix-ups)
 * makes of `driver[+transport]://[user@][host][:port]/path[?query][#fragment]`.
 */
export interface VirURI {
  scheme: string | undefined;
  server: string | undefined;
  user: string | undefined;
  /** 0 when absent or when there is no server. */
  port: number;
  path: string | undefined;
  /** The raw (still escaped) query. */
  query: string | undefined;
  fragment: string | undefined;
  params: { name: string; value: string }[];
}

const isAlpha = (c: string | undefined) => !!c && /^[A-Za-z]$/.test(c);
const isDigit = (c: string | undefined) => !!c && c >= '0' && c <= '9';
const isHex = (c: string | undefined) => !!c && /^[0-9A-Fa-f]$/.test(c);
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;
const SUB_DELIMS = "!$&'()*+,;=";

/** The RFC 3986 character classes as libxml2 tests them at a position. */
class Cursor {
  constructor(
    readonly s: string,
    public i = 0,
  ) {}
  at(): string | undefined {
    return this.s[this.i];
  }
  pctEncoded(): boolean {
    return this.at() === '%' && isHex(this.s[this.i + 1]) && isHex(this.s[this.i + 2]);
  }
  /** Advances over one character, or a whole %XX escape. */
  step(): void {
    this.i += this.pctEncoded() ? 3 : 1;
  }
  unreservedOrSub(): boolean {
    const c = this.at();
    return !!c && (UNRESERVED.test(c) || SUB_DELIMS.includes(c) || this.pctEncoded());
  }
  pchar(): boolean {
    return this.unreservedOrSub() || this.at() === ':' || this.at() === '@';
  }
}

/** xmlURIUnescapeString: %XX escapes decoded, the bytes read as UTF-8. */
export function uriUnescape(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '%' && isHex(s[i + 1]) && isHex(s[i + 2])) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Parts {
  scheme?: string;
  server?: string;
  user?: string;
  port: number;
  path?: string;
  query?: string;
  fragment?: string;
}

/** segment: *pchar, stopping at `forbid`; fails when it must not be empty but is. */
function segment(cur: Cursor, forbid: string | undefined, emptyOk: boolean): boolean {
  if (!cur.pchar()) return emptyOk;
  while (cur.pchar() && cur.at() !== forbid) cur.step();
  return true;
}

function setPath(p: Parts, s: string, from: number, to: number) {
  p.path = to > from ? uriUnescape(s.slice(from, to)) : undefined;
}

function pathAbEmpty(cur: Cursor, p: Parts) {
  const from = cur.i;
  while (cur.at() === '/') {
    cur.i++;
    segment(cur, undefined, true);
  }
  setPath(p, cur.s, from, cur.i);
}

function pathWithFirstSegment(cur: Cursor, p: Parts, forbid: string | undefined): boolean {
  const from = cur.i;
  if (!segment(cur, forbid, false)) return false;
  while (cur.at() === '/') {
    cur.i++;
    segment(cur, undefined, true);
  }
  setPath(p, cur.s, from, cur.i);
  return true;
}

function pathAbsolute(cur: Cursor, p: Parts): boolean {
  const from = cur.i;
  cur.i++;
  if (segment(cur, undefined, false)) {
    while (cur.at() === '/') {
      cur.i++;
      segment(cur, undefined, true);
    }
  }
  setPath(p, cur.s, from, cur.i);
  return true;
}

function authority(cur: Cursor, p: Parts): boolean {
  const start = cur.i;
  while (cur.unreservedOrSub() || cur.at() === ':') cur.step();
  if (cur.at() === '@') {
    p.user = uriUnescape(cur.s.slice(start, cur.i));
    cur.i++;
  } else {
    cur.i = start;
  }
  const host = cur.i;
  if (cur.at() === '[') {
    while (cur.at() !== undefined && cur.at() !== ']') cur.i++;
    if (cur.at() !== ']') return false;
    cur.i++;
  } else {
    while (cur.unreservedOrSub()) cur.step();
  }
  p.server = cur.i > host ? uriUnescape(cur.s.slice(host, cur.i)) : undefined;
  if (cur.at() === ':') {
    cur.i++;
    if (!isDigit(cur.at())) return false;
    let port = 0;
    while (isDigit(cur.at())) port = Math.min(port * 10 + Number(cur.s[cur.i++]), 99999999);
    p.port = port;
  }
  return true;
}

function queryAndFragment(cur: Cursor, p: Parts): boolean {
  if (cur.at() === '?') {
    const from = ++cur.i;
    while (cur.pchar() || cur.at() === '/' || cur.at() === '?') cur.step();
    p.query = cur.s.slice(from, cur.i);
  }
  if (cur.at() === '#') {
    const from = ++cur.i;
    while (cur.pchar() || cur.at() === '/' || cur.at() === '?' || cur.at() === '[' || cur.at() === ']') cur.step();
    p.fragment = uriUnescape(cur.s.slice(from, cur.i));
  }
  return cur.at() === undefined;
}

/** scheme ":" hier-part [ "?" query ] [ "#" fragment ] */
function absoluteURI(s: string): Parts | undefined {
  const cur = new Cursor(s);
  const p: Parts = { port: 0 };
  if (!isAlpha(cur.at())) return undefined;
  while (isAlpha(cur.at()) || isDigit(cur.at()) || '+-.'.includes(cur.at() ?? '_')) cur.i++;
  if (cur.at() !== ':') return undefined;
  p.scheme = s.slice(0, cur.i);
  cur.i++;
  if (cur.at() === '/' && s[cur.i + 1] === '/') {
    cur.i += 2;
    if (!authority(cur, p)) return undefined;
    pathAbEmpty(cur, p);
  } else if (cur.at() === '/') {
    pathAbsolute(cur, p);
  } else if (cur.pchar()) {
    if (!pathWithFirstSegment(cur, p, undefined)) return undefined;
  }
  return queryAndFragment(cur, p) ? p : undefined;
}

/** relative-part [ "?" query ] [ "#" fragment ] */
function relativeRef(s: string): Parts | undefined {
  const cur = new Cursor(s);
  const p: Parts = { port: 0 };
  if (cur.at() === '/' && s[1] === '/') {
    cur.i = 2;
    if (!authority(cur, p)) return undefined;
    pathAbEmpty(cur, p);
  } else if (cur.at() === '/') {
    pathAbsolute(cur, p);
  } else if (cur.pchar()) {
    if (!pathWithFirstSegment(cur, p, ':')) return undefined;
  }
  return queryAndFragment(cur, p) ? p : undefined;
}

/**
 * virURIParseParams: `name=value` pairs split at '&' (or, when there is none left, ';'),
 * unescaped; a bare `name` has the empty value and `=value` is ignored.
 */
export function parseParams(query: string | undefined): { name: string; value: string }[] {
  const params: { name: string; value: string }[] = [];
  if (!query) return params;
  let q = 0;
  while (q < query.length) {
    let end = query.indexOf('&', q);
    if (end < 0) end = query.indexOf(';', q);
    if (end < 0) end = query.length;
    let eq = query.indexOf('=', q);
    if (eq >= end) eq = -1;
    if (end !== q && eq !== q) {
      if (eq < 0) params.push({ name: uriUnescape(query.slice(q, end)), value: '' });
      else params.push({ name: uriUnescape(query.slice(q, eq)), value: uriUnescape(query.slice(eq + 1, end)) });
    }
    q = end < query.length ? end + 1 : end;
  }
  return params;
}

/** virURIParse; throws libvirt's "Unable to parse URI" error. */
export function parseURI(uri: string): VirURI {
  const p = absoluteURI(uri) ?? relativeRef(uri);
  if (!p) throw virErr('INTERNAL_ERROR', `Unable to parse URI ${uri}`, 'URI');
  let server = p.server;
  if (server?.startsWith('[') && server.endsWith(']')) server = server.slice(1, -1);
  return {
    scheme: p.scheme,
    server,
    user: p.user,
    port: server ? p.port : 0,
    path: p.path,
    query: p.query,
    fragment: p.fragment,
    params: parseParams(p.query),
  };
}

/** Percent-encodes what a URI part may not carry literally (xmlSaveUri's escaping). */
function escapePart(s: string, keep: RegExp): string {
  let out = '';
  for (const ch of s) {
    if (keep.test(ch)) out += ch;
    else for (const b of Buffer.from(ch, 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

const PATH_KEEP = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/;
const FRAGMENT_KEEP = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?[\]]$/;

/** virURIFormat: the canonical text of a parsed URI (what virConnectGetURI returns). */
export function formatURI(uri: VirURI): string {
  let out = uri.scheme ? `${uri.scheme}:` : '';
  out += '//';
  if (uri.user) out += `${escapePart(uri.user, PATH_KEEP)}@`;
  if (uri.server) out += uri.server.includes(':') ? `[${uri.server}]` : uri.server;
  if (uri.server && uri.port) out += `:${uri.port}`;
  out += escapePart(uri.path ?? '', PATH_KEEP);
  if (uri.query !== undefined) out += `?${uri.query}`;
  if (uri.fragment !== undefined) out += `#${escapePart(uri.fragment, FRAGMENT_KEEP)}`;
  return out;
}
