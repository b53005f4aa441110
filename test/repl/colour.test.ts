import { describe, expect, it } from 'vitest';
import { colourer } from '../../src/repl/colour.js';

const table = ' Name      State    Autostart   Persistent\n--------------------------------------------\n default   active   no          yes\n';

describe('colourer', () => {
  it('leaves text alone when colour is off', () => {
    const plain = colourer(false);
    expect(plain(table, 'out')).toBe(table);
    expect(plain('error: x\n', 'err')).toBe('error: x\n');
  });

  it('colours errors, table headers and states, and nothing else', () => {
    const c = colourer(true);
    expect(c('error: failed\n', 'err')).toBe('\x1b[31merror: failed\x1b[39m\n');
    const out = c(table, 'out');
    expect(out).toContain('\x1b[1m Name      State    Autostart   Persistent\x1b[22m');
    expect(out).toContain('\x1b[32mactive\x1b[39m');
    expect(out.replace(/\x1b\[\d+m/g, '')).toBe(table);
  });
});
