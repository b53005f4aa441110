import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allCommands, commandGroups } from '../../src/commands/registry.js';
import { bashCompletion, zshCompletion } from '../../src/repl/docs/completion.js';
import { manPage } from '../../src/repl/docs/man.js';
import { daemonManPage } from '../../src/repl/docs/daemon-man.js';
import { daemonOptions } from '../../src/daemon/cli.js';
import { configKeys } from '../../src/daemon/config.js';

const root = join(import.meta.dirname, '..', '..');
const checkedIn = (path: string) => readFileSync(join(root, path), 'utf8');

describe('generated documentation', () => {
  it('man/virsh-ts.1 and the completion scripts are up to date (node scripts/gen-man.mjs)', () => {
    expect(checkedIn('man/virsh-ts.1')).toBe(manPage(commandGroups));
    expect(checkedIn('man/completion/virsh-ts.bash')).toBe(bashCompletion(commandGroups));
    expect(checkedIn('man/completion/_virsh-ts')).toBe(zshCompletion(commandGroups));
    expect(checkedIn('man/virtd-ts.8')).toBe(daemonManPage());
  });

  it('the daemon page names every option and configuration key', () => {
    const rendered = execFileSync('man', ['--warnings', '-l', join(root, 'man/virtd-ts.8')], {
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '200', LANG: 'C', LC_ALL: 'C' },
    });
    for (const [opt] of daemonOptions) expect(rendered).toContain(opt);
    for (const key of Object.values(configKeys).flat()) expect(rendered).toContain(key);
  });

  it('the man page names every registry command', () => {
    const page = manPage(commandGroups);
    for (const cmd of allCommands()) {
      const roffName = cmd.name.replace(/-/g, '\\-');
      expect(page, cmd.name).toMatch(new RegExp(`^\\.SS ${roffName.replace(/\\/g, '\\\\')}$|\\\\fB${roffName.replace(/\\/g, '\\\\')}\\\\fR`, 'm'));
    }
  });

  it('renders with man', () => {
    const rendered = execFileSync('man', ['--warnings', '-l', join(root, 'man/virsh-ts.1')], {
      encoding: 'utf8',
      env: { ...process.env, MANWIDTH: '100' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // bold and underline come as overstrikes (c BACKSPACE c) on a pipe
    const text = rendered.replace(/.\x08/g, '');
    expect(text).toContain('virsh-ts - management user interface');
    expect(text).toContain('dominfo');
  });

  it('the bash script parses', () => {
    execFileSync('bash', ['-n', join(root, 'man/completion/virsh-ts.bash')]);
  });
});
