import { escapeXml } from '../xml/writer.js';
import type { CpuDef } from './cpu-def.js';

/**
 * virCPUDefFormat for the CPUs the model engine produces: a custom-mode guest CPU (model
 * with fallback, vendor, features with policies) or a host CPU (arch, model, vendor,
 * features), each feature on its own line.
 */
export function formatCpuDef(cpu: CpuDef): string {
  const guest = cpu.type === 'guest';
  const lines: string[] = [];
  if (!guest && cpu.arch) lines.push(`<arch>${cpu.arch}</arch>`);
  if (cpu.model !== undefined) {
    lines.push(`<model${guest ? ` fallback='${cpu.fallback}'` : ''}>${escapeXml(cpu.model)}</model>`);
  }
  if (cpu.vendor !== undefined) lines.push(`<vendor>${escapeXml(cpu.vendor)}</vendor>`);
  for (const f of cpu.features) {
    lines.push(guest ? `<feature policy='${f.policy}' name='${f.name}'/>` : `<feature name='${f.name}'/>`);
  }
  const open = guest ? `<cpu mode='custom' match='${cpu.match ?? 'minimum'}'` : '<cpu';
  if (lines.length === 0) return `${open}/>\n`;
  return `${open}>\n${lines.map((l) => `  ${l}\n`).join('')}</cpu>\n`;
}
