/** virFileSanitizePath: collapses repeated '/', drops a trailing '/', leaves URIs alone. */
export function sanitizePath(path: string): string {
  const uri = path.indexOf('://');
  if (uri >= 0 && path.indexOf('/') > uri) return path;
  let out = '';
  let i = 0;
  if (path[0] === '/' && path[1] === '/' && path[2] !== '/') {
    out = '//';
    i = 2;
  }
  while (i < path.length) {
    if (path[i] !== '/') {
      out += path[i++];
      continue;
    }
    while (path[++i] === '/');
    if (out.length !== 0 && i >= path.length) break;
    out += '/';
  }
  return out;
}
