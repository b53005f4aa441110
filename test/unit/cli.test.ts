import { describe, it, expect } from 'vitest';
import { checkCommand } from '../../src/commands/virsh/self-test.js';
import { commandGroups } from '../../src/commands/registry.js';
import { commandHelp } from '../../src/commands/shell/help.js';
import type { CommandSpec } from '../../src/commands/spec/types.js';

describe('command tables (self-test)', () => {
  it('every table passes vsh\'s checks', () => {
    for (const g of commandGroups) for (const c of g.commands) expect(checkCommand(c), c.name).toBeUndefined();
  });

  const spec = (opts: CommandSpec['opts']): CommandSpec => ({ name: 'x', help: 'h', desc: '', opts });
  it('catches misordered and inconsistent options', () => {
    expect(checkCommand({ ...spec([]), help: '' })).toBe("command 'x' lacks help");
    expect(
      checkCommand(spec([
        { name: 'a', type: 'bool' },
        { name: 'd', type: 'data', required: true },
      ])),
    ).toBe("parameter 'd' of command 'x' must be listed before optional parameters");
    expect(checkCommand(spec([{ name: 'v', type: 'argv' }, { name: 'b', type: 'bool' }]))).toBe(
      "parameter 'v' of command 'x' must be listed last",
    );
    expect(checkCommand(spec([{ name: 'al', type: 'alias', alias: 'nope' }]))).toBe(
      "alias 'al' of command 'x' has missing alias option",
    );
    expect(checkCommand(spec([{ name: 'al', type: 'alias', alias: 'b=1' }, { name: 'b', type: 'bool' }]))).toBe(
      "alias 'al' of command 'x' has mismatched alias type",
    );
  });
});

describe('command help layout', () => {
  it('marks argv options positional when an earlier option is', () => {
    const text = commandHelp({
      name: 'x',
      help: 'h',
      desc: 'd',
      opts: [
        { name: 's', type: 'string', help: 'S' },
        { name: 'v', type: 'argv', help: 'V' },
      ],
    });
    expect(text).toBe(
      '  NAME\n    x - h\n\n  SYNOPSIS\n    x [--s <string>] [[--v] <string>]...\n\n  DESCRIPTION\n    d\n\n' +
        '  OPTIONS\n    --s <string>     S\n    [--v] <string>   V\n\n',
    );
  });
});
