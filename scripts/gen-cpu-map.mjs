#!/usr/bin/env node
// Generates src/core/cpu/x86-data.ts and src/core/cpu/ppc64-data.ts from libvirt's CPU map
// (cpu_map/index.xml and the files it includes), so virsh-ts never reads libvirt's files at
// run time. Keeps only what the baseline engine needs: vendor strings, feature CPUID/MSR
// bits, and per model its decode flags, vendor, feature names and removed features, all in
// the map's load order (libvirt's matching walks features and models in that order).
//
//   node scripts/gen-cpu-map.mjs [CPU_MAP_DIR]     (default /usr/share/libvirt/cpu_map)
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const mapDir = process.argv[2] ?? '/usr/share/libvirt/cpu_map';
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'core', 'cpu');

const read = (file) => readFileSync(join(mapDir, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');

/** The attributes of one start tag, as a name → value object. */
function attrs(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w-]+)\s*=\s*(?:'([^']*)'|"([^"]*)")/g)) out[m[1]] = m[2] ?? m[3];
  return out;
}

/** The files index.xml includes for one architecture, in order. */
function archFiles(arch) {
  const index = read('index.xml');
  const block = new RegExp(`<arch name='${arch}'>([\\s\\S]*?)</arch>`).exec(index);
  if (!block) throw new Error(`no arch ${arch} in index.xml`);
  return [...block[1].matchAll(/<include\s+filename='([^']+)'/g)].map((m) => m[1]);
}

/** Top-level elements of kind `name` in a map file: their start-tag attributes and body. */
function elements(text, name) {
  const re = new RegExp(`<${name}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${name}>)`, 'g');
  return [...text.matchAll(re)].map((m) => ({ attrs: attrs(m[1]), body: m[2] ?? '' }));
}

const num = (v) => (v === undefined ? 0 : Number(v));
const hex = (n) => (n === 0 ? '0' : `0x${n.toString(16)}`);

function genX86() {
  const vendors = [];
  const features = [];
  const models = new Map();
  for (const file of archFiles('x86')) {
    const text = read(file);
    // Model bodies hold <vendor>/<feature> children, so only a file's top level counts.
    const top = text.replace(/<model\b[\s\S]*?<\/model>/g, '');
    for (const v of elements(top, 'vendor')) vendors.push([v.attrs.name, v.attrs.string]);
    for (const f of elements(top, 'feature')) {
      const items = [];
      for (const m of f.body.matchAll(/<(cpuid|msr)\b([^>]*)\/>/g)) {
        const a = attrs(m[2]);
        items.push(
          m[1] === 'cpuid'
            ? [a.eax_in, a.ecx_in, a.eax, a.ebx, a.ecx, a.edx].map(num)
            : [a.index, a.eax, a.edx].map(num),
        );
      }
      features.push({ name: f.attrs.name, migratable: f.attrs.migratable !== 'no', items });
    }
    for (const m of elements(text, 'model')) {
      const decode = attrs(/<decode\b([^>]*)\/>/.exec(m.body)?.[1] ?? '');
      const ancestor = /<model\s+name='([^']+)'/.exec(m.body)?.[1];
      const base = ancestor ? models.get(ancestor) : undefined;
      if (ancestor && !base) throw new Error(`model ${m.attrs.name}: unknown ancestor ${ancestor}`);
      const own = [...m.body.matchAll(/<feature\b([^>]*)\/>/g)].map((f) => attrs(f[1]));
      // A model's own signatures replace the ones it inherits.
      const sigs = [...m.body.matchAll(/<signature\b([^>]*)\/>/g)].map((g) => attrs(g[1]));
      models.set(m.attrs.name, {
        name: m.attrs.name,
        decode: (decode.host === 'on' ? 'h' : '') + (decode.guest === 'on' ? 'g' : ''),
        vendor: /<vendor\s+name='([^']+)'/.exec(m.body)?.[1] ?? base?.vendor ?? '',
        features: [...(base?.features ?? []), ...own.filter((f) => f.removed !== 'yes').map((f) => f.name)],
        removed: own.filter((f) => f.removed === 'yes').map((f) => f.name),
        signatures: sigs.length
          ? sigs.map((g) => [g.family, g.model, g.stepping].filter((v) => v !== undefined).join(','))
          : (base?.signatures ?? []),
      });
    }
  }
  const q = (s) => `'${s}'`;
  const lines = [
    "// libvirt 9.0's x86 CPU map (src/cpu_map/x86_*.xml), reduced to names and CPUID/MSR bits,",
    '// in the map\'s load order. Written by scripts/gen-cpu-map.mjs.',
    '// Generated data; do not edit by hand.',
    '',
    '/** [name, vendor string (CPUID leaf 0)] */',
    'export const X86_VENDORS: ReadonlyArray<readonly [string, string]> = [',
    ...vendors.map(([n, s]) => `  [${q(n)}, ${q(s)}],`),
    '];',
    '',
    '/**',
    ' * [name, migratable, items]: a 6-number item is CPUID [eax_in, ecx_in, eax, ebx, ecx, edx],',
    ' * a 3-number item is an MSR [index, eax, edx].',
    ' */',
    'export const X86_FEATURES: ReadonlyArray<readonly [string, boolean, ReadonlyArray<readonly number[]>]> = [',
    ...features.map((f) => `  [${q(f.name)}, ${f.migratable}, [${f.items.map((i) => `[${i.map(hex).join(', ')}]`).join(', ')}]],`),
    '];',
    '',
    '/**',
    " * [name, decode ('h' usable for host CPUs, 'g' for guest CPUs), vendor ('' for none),",
    ' *  features (space-separated, ancestors included), removed features (space-separated),',
    " *  signatures (space-separated 'family,model[,steppings]')]",
    ' */',
    'export const X86_MODELS: ReadonlyArray<readonly [string, string, string, string, string, string]> = [',
    ...[...models.values()].map(
      (m) => `  [${[m.name, m.decode, m.vendor, m.features.join(' '), m.removed.join(' '), m.signatures.join(' ')].map(q).join(', ')}],`,
    ),
    '];',
    '',
  ];
  writeFileSync(join(outDir, 'x86-data.ts'), lines.join('\n'));
}

function genPpc64() {
  const vendors = [];
  const models = [];
  for (const file of archFiles('ppc64')) {
    const text = read(file);
    const top = text.replace(/<model\b[\s\S]*?<\/model>/g, '');
    for (const v of elements(top, 'vendor')) vendors.push(v.attrs.name);
    for (const m of elements(text, 'model')) {
      models.push([m.attrs.name, /<vendor\s+name='([^']+)'/.exec(m.body)?.[1] ?? '']);
    }
  }
  const q = (s) => `'${s}'`;
  const lines = [
    "// libvirt 9.0's ppc64 CPU map (src/cpu_map/ppc64_*.xml): vendor and model names.",
    '// Written by scripts/gen-cpu-map.mjs.',
    '// Generated data; do not edit by hand.',
    '',
    `export const PPC64_VENDORS: readonly string[] = [${vendors.map(q).join(', ')}];`,
    '',
    "/** [model, vendor ('' for none)] */",
    'export const PPC64_MODELS: ReadonlyArray<readonly [string, string]> = [',
    ...models.map(([n, v]) => `  [${q(n)}, ${q(v)}],`),
    '];',
    '',
  ];
  writeFileSync(join(outDir, 'ppc64-data.ts'), lines.join('\n'));
}

genX86();
genPpc64();
