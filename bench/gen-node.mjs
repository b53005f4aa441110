// Writes a test-driver node file (test:///PATH.xml) with N persistent domains (the test
// driver starts every domain of a node file), for benchmarks of large hosts.
import { writeFileSync } from 'node:fs';

export function writeLargeNode(path, count) {
  const parts = ['<node>\n'];
  for (let i = 0; i < count; i++) {
    const hex = i.toString(16).padStart(12, '0');
    parts.push(
      `<domain type='test'><name>dom${i}</name><uuid>00000000-0000-4000-8000-${hex}</uuid>` +
        `<memory>1048576</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>\n`,
    );
  }
  parts.push('</node>\n');
  writeFileSync(path, parts.join(''));
}
