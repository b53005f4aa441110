import { describe, it, expect } from 'vitest';
import { stringTokens, argvTokens, type TokenSource, type Token } from '../../src/commands/shell/tokenizer.js';
import { parseCommands, type ParsedCommand } from '../../src/commands/shell/parser.js';
import { commandOptions } from '../../src/commands/shell/options.js';
import { ShellError } from '../../src/commands/shell/errors.js';
import { strToInt, strToUInt, strToULongLong, scaleInteger } from '../../src/core/strtol.js';
import { getoptLong } from '../../src/commands/shell/getopt.js';
import { findCommand } from '../../src/commands/registry.js';
import type { CommandDef } from '../../src/commands/types.js';

function tokens(src: TokenSource): Token[] {
  const out: Token[] = [];
  for (;;) {
    const t = src.next(true);
    out.push(t);
    if (t.kind === 'end' || t.kind === 'error') return out;
  }
}
const words = (line: string) =>
  tokens(stringTokens(line)).map((t) => (t.kind === 'arg' ? t.value : t.kind === 'subEnd' ? ';' : `<${t.kind}>`));

describe('command-string tokenizer', () => {
  it('splits on blanks, ; and newlines', () => {
    expect(words('echo a  b;list\n pwd')).toEqual(['echo', 'a', 'b', ';', 'list', ';', 'pwd', '<end>']);
  });
  it('applies quotes and escapes as the shell does', () => {
    expect(words(`echo 'a b' "c \\"d\\"" e\\ f 'g\\h'`)).toEqual(['echo', 'a b', 'c "d"', 'e f', 'g\\h', '<end>']);
    expect(words('echo a\\\nb')).toEqual(['echo', 'ab', '<end>']);
  });
  it('comments out the rest of a line', () => {
    expect(words('echo a # b; c\necho d')).toEqual(['echo', 'a', ';', 'echo', 'd', '<end>']);
  });
  it('reports a dangling backslash and an open double quote', () => {
    expect(tokens(stringTokens('echo a\\')).at(-1)).toEqual({ kind: 'error', message: 'dangling \\' });
    expect(tokens(stringTokens('echo "a')).at(-1)).toEqual({ kind: 'error', message: 'missing "' });
  });
  it('takes argv words verbatim', () => {
    expect(tokens(argvTokens(['echo', 'a;b', '#x']))).toEqual([
      { kind: 'arg', value: 'echo' },
      { kind: 'arg', value: 'a;b' },
      { kind: 'arg', value: '#x' },
      { kind: 'end' },
    ]);
  });
});

/** Parses with the real tables; returns the commands and the errors reported. */
function parse(line: string): { cmds: ParsedCommand[] | undefined; errors: string[] } {
  const errors: string[] = [];
  const cmds = parseCommands(stringTokens(line), { find: findCommand, error: (m) => errors.push(m), debug: () => {} });
  return { cmds, errors };
}
const values = (c: ParsedCommand) => c.opts.map((o) => [o.def.name, o.value]);

describe('option grammar', () => {
  it('fills positional slots in table order, string options included', () => {
    const { cmds } = parse('attach-disk dom src vdb --cache none');
    expect(values(cmds![0])).toEqual([
      ['domain', 'dom'],
      ['source', 'src'],
      ['target', 'vdb'],
      ['cache', 'none'],
    ]);
    expect(values(parse('help list').cmds![0])).toEqual([['command', 'list']]);
  });
  it('takes --opt value, --opt=value, and data after --', () => {
    expect(values(parse('dominfo --domain=x').cmds![0])).toEqual([['domain', 'x']]);
    expect(values(parse('echo -- --shell').cmds![0])).toEqual([['string', '--shell']]);
  });
  it('resolves aliases, with and without a value', () => {
    expect(values(parse('echo --str a --hi').cmds![0])).toEqual([
      ['string', 'a'],
      ['string', 'hello'],
    ]);
    expect(parse('echo --hi=x').errors).toEqual(["invalid '=' after option --hi"]);
  });
  it('reports virsh errors', () => {
    expect(parse('echo --shell=1').errors).toEqual(["invalid '=' after option --shell"]);
    expect(parse('dominfo a --domain b').errors).toEqual(['option --domain already seen']);
    expect(parse('dominfo --domain').errors).toEqual(['expected syntax: --domain <string>']);
    expect(parse('list --bogus').errors).toEqual(["command 'list' doesn't support option --bogus"]);
    expect(parse('list x').errors).toEqual(["unexpected data 'x'"]);
    expect(parse('attach-disk').errors).toEqual([
      "command 'attach-disk' requires <domain> option",
      "command 'attach-disk' requires <source> option",
      "command 'attach-disk' requires <target> option",
    ]);
    expect(parse('nosuch').errors).toEqual(["unknown command: 'nosuch'"]);
  });
  it('turns --help into help CMD, even when required options are missing', () => {
    const { cmds } = parse('dominfo --help');
    expect(cmds![0].def.name).toBe('help');
    expect(values(cmds![0])).toEqual([['command', 'dominfo']]);
  });
  it('lets help ignore unknown options and extra data', () => {
    const { cmds, errors } = parse('help --bogus list extra');
    expect(errors).toEqual([]);
    expect(values(cmds![0])).toEqual([['command', 'list']]);
  });
  it('runs nothing from a line with any error', () => {
    expect(parse('echo a; nosuch; echo b').cmds).toBeUndefined();
  });
});

describe('typed getters', () => {
  const def = findCommand('echo') as CommandDef;
  const opts = (value: string) => commandOptions([{ def: { name: 'n', type: 'string' }, value }]);
  it('parse integers as virStrToLong_*', () => {
    expect(opts(' +5').int('n')).toBe(5);
    expect(() => opts('5x').int('n')).toThrow("Numeric value '5x' for <n> option is malformed or out of range");
    expect(() => opts('2147483648').int('n')).toThrow(ShellError);
    expect(opts('-1').uint('n', true)).toBe(4294967295);
    expect(() => opts('-1').uint('n')).toThrow(ShellError);
    expect(opts('-1').ulong('n', true)).toBe(18446744073709551615n);
    expect(opts('-9223372036854775808').longlong('n')).toBe(-9223372036854775808n);
  });
  it('scale sizes as virScaleInteger and carry its libvirt error', () => {
    expect(opts('1').scaled('n', 1024, 1n << 62n)).toBe(1024n);
    expect(opts('1M').scaled('n', 1, 1n << 62n)).toBe(1048576n);
    expect(opts('1MB').scaled('n', 1, 1n << 62n)).toBe(1000000n);
    expect(opts('2KiB').scaled('n', 1, 1n << 62n)).toBe(2048n);
    expect(opts('5b').scaled('n', 1024, 1n << 62n)).toBe(5n);
    try {
      opts('1X').scaled('n', 1, 100n);
      expect.unreachable();
    } catch (e) {
      expect((e as ShellError).message).toBe("Scaled numeric value '1X' for <n> option is malformed or out of range");
      expect((e as ShellError).libvirtError?.message).toBe("invalid argument: unknown suffix 'X'");
    }
    expect(() => opts('-5').scaled('n', 1, 100n)).toThrow(ShellError);
  });
  it('refuse empty strings unless the option allows them', () => {
    expect(() => opts('').string('n')).toThrow("Failed to get option 'n': Option argument is empty");
    expect(opts('').stringQuiet('n')).toBeUndefined();
    const ok = commandOptions([{ def: { name: 'n', type: 'string', emptyOk: true }, value: '' }]);
    expect(ok.string('n')).toBe('');
  });
  it('collect argv values in order', () => {
    const c = parse('echo a --string b c').cmds![0];
    expect(c.def).toBe(def);
    expect(commandOptions(c.opts).argv('string')).toEqual(['a', 'b', 'c']);
  });
});

describe('C number conversions', () => {
  it('follow strtol', () => {
    expect(strToInt('0x10', 0)).toBe(16);
    expect(strToInt('010', 0)).toBe(8);
    expect(strToInt('08', 0)).toBeUndefined();
    expect(strToInt('')).toBeUndefined();
    expect(strToUInt('4294967296', true)).toBeUndefined();
    expect(strToULongLong('18446744073709551616', true)).toBeUndefined();
    expect(scaleInteger(3n, 'G', 1n, 1n << 40n)).toBe(3n << 30n);
  });
});

describe('getopt_long', () => {
  const longs = [
    { name: 'connect', arg: 'required', val: 'c' },
    { name: 'quiet', arg: 'none', val: 'q' },
    { name: 'keepalive-interval', arg: 'required', val: 'k' },
    { name: 'keepalive-count', arg: 'required', val: 'K' },
    { name: 'version', arg: 'optional', val: 'v' },
  ] as const;
  const run = (argv: string[]) => {
    const it = getoptLong(argv, 'c:qk:K:v', longs);
    const events = [];
    for (;;) {
      const r = it.next();
      if (r.done) return { events, rest: argv.slice(r.value) };
      events.push(r.value);
    }
  };
  it('clusters short options and stops at the first operand', () => {
    const r = run(['-qcURI', 'list', '-q']);
    expect(r.events.map((e) => e.kind === 'option' && [e.val, e.arg])).toEqual([
      ['q', undefined],
      ['c', 'URI'],
    ]);
    expect(r.rest).toEqual(['list', '-q']);
  });
  it('accepts unique prefixes and refuses ambiguous ones', () => {
    expect(run(['--conn', 'x']).events[0]).toMatchObject({ kind: 'option', val: 'c', arg: 'x' });
    expect(run(['--keepalive', '1']).events[0]).toEqual({ kind: 'unknown', optopt: '', word: '--keepalive' });
    expect(run(['--quiet=1']).events[0]).toMatchObject({ kind: 'unknown', optopt: 'q' });
    expect(run(['--version=long']).events[0]).toMatchObject({ val: 'v', arg: 'long' });
    expect(run(['-c']).events[0]).toEqual({ kind: 'missing', optopt: 'c' });
    expect(run(['--', '-q']).rest).toEqual(['-q']);
  });
});
