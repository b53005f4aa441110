import { formatURI, type VirURI } from '../../uri/parse.js';

/** URI parameters the client library consumes itself (never sent to the daemon). */
const clientOnly = new Set([
  'name',
  'command',
  'socket',
  'auth',
  'sshauth',
  'netcat',
  'keyfile',
  'pkipath',
  'known_hosts',
  'known_hosts_verify',
  'tls_priority',
  'mode',
  'proxy',
  'no_sanity',
  'no_verify',
  'no_tty',
  'authfile',
]);

/** g_string_append_uri_escaped without reserved characters: only RFC 3986 unreserved stay. */
function uriEncode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-._~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The `name` doRemoteOpen sends in CONNECT_OPEN: the driver part of the scheme, the path,
 * the query without client-only parameters; `?name=` overrides it, `remote` schemes and a
 * missing URI let the daemon choose ("").
 */
export function openName(uri: VirURI | undefined): string {
  if (!uri) return '';
  const explicit = uri.params.find((p) => p.name.toLowerCase() === 'name');
  if (explicit) return explicit.value;
  const scheme = uri.scheme ?? '';
  if (scheme === 'remote' || scheme.startsWith('remote+')) return '';
  const kept = uri.params.filter((p) => !clientOnly.has(p.name.toLowerCase()));
  const query = kept.map((p) => `${p.name}=${uriEncode(p.value)}`).join('&');
  return formatURI({
    scheme: scheme.split('+')[0],
    server: undefined,
    user: undefined,
    port: 0,
    path: uri.path,
    query: query === '' ? undefined : query,
    fragment: uri.fragment,
    params: [],
  });
}
