// TypeScript modules of this repository bundled for a bench process: built next to the bench
// (so relative imports of packages resolve from the repository), imported, then deleted.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles `entry` (relative to the repository) with `options` (external, banner) and imports it. */
export async function importBundled(entry, tag, options = {}) {
  const file = join(root, 'bench', `.${tag}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
    ...options,
  });
  try {
    return await import(pathToFileURL(file).href);
  } finally {
    rmSync(file, { force: true });
  }
}
