// QMP framing: replies and events split across chunks or merged into one are cut back into
// whole lines, with QEMU's \r\n endings removed.
import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../src/core/drivers/qemu/qmp/lines.js';

describe('QMP line framing', () => {
  it('joins a line split across chunks and splits merged lines', () => {
    const lines = new LineSplitter();
    expect(lines.push('{"return": {}, "id": "libvirt-1"}\r\n{"event": "STO')).toEqual(['{"return": {}, "id": "libvirt-1"}']);
    expect(lines.push('P"}\r')).toEqual([]);
    expect(lines.push('\n{"return": 1}\r\n{"return": 2}\r\n')).toEqual(['{"event": "STOP"}', '{"return": 1}', '{"return": 2}']);
  });

  it('skips empty lines', () => {
    expect(new LineSplitter().push('\r\n\n{"a": 1}\n')).toEqual(['{"a": 1}']);
  });
});
