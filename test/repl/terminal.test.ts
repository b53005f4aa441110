import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastLine, Terminal } from './tmux.js';

// The built CLI in a real terminal (tmux), as an admin uses it. Needs `tmux` and a build.
const root = join(import.meta.dirname, '..', '..');
const cli = join(root, 'bin', 'virsh-ts.cjs');
const recorder = join(import.meta.dirname, 'fixtures', 'record-loads.cjs');
const PROMPT = process.getuid?.() === 0 ? 'virsh #' : 'virsh $';

let dir: string;
let term: Terminal;
let loads: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'virsh-term-'));
  loads = join(dir, 'loads');
  term = new Terminal({
    XDG_CACHE_HOME: join(dir, 'cache'),
    TERM: 'xterm-256color',
    NO_COLOR: '1',
    RECORD_LOADS: loads,
    NODE_OPTIONS: `--require ${recorder}`,
  });
});

afterEach(() => {
  term.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the shell and waits for its first prompt. */
async function shell(options = ''): Promise<void> {
  term.start(`${cli} -c test:///default ${options}`);
  await term.waitForLastLine(PROMPT, 'the first prompt');
}

describe('the interactive shell in a terminal', () => {
  it('completes a partial command with Tab and runs it', async () => {
    await shell();
    term.type('net-li');
    term.keys(['Tab']);
    await term.waitForLastLine(`${PROMPT} net-list`);
    term.keys(['Enter']);
    const screen = await term.waitFor((s) => s.includes(' default   active') && lastLine(s) === PROMPT, 'net-list output');
    expect(screen).toContain(' Name      State    Autostart   Persistent');
    expect(readFileSync(loads, 'utf8')).toContain('./load-repl.cjs');
  });

  it('completes a partial domain name from the live connection', async () => {
    await shell();
    term.type('dominfo te');
    term.keys(['Tab']);
    await term.waitForLastLine(`${PROMPT} dominfo test`);
    term.keys(['Enter']);
    const screen = await term.waitFor((s) => /Name: +test/.test(s) && lastLine(s) === PROMPT, 'dominfo output');
    expect(screen).toMatch(/State: +running/);
  });

  it('shows errors as virsh does', async () => {
    await shell();
    term.type('dominfo nosuch');
    term.keys(['Enter']);
    const screen = await term.waitFor((s) => lastLine(s) === PROMPT && s.includes('nosuch'), 'the error');
    expect(screen).toContain("error: failed to get domain 'nosuch'");
  });

  it('colours errors and states on the terminal unless --no-color or NO_COLOR', async () => {
    const run = async (env: string, options: string) => {
      term.start(`env ${env} ${cli} -c test:///default ${options}`);
      await term.waitForLastLine(PROMPT, 'the first prompt');
      term.type('dominfo nosuch');
      term.keys(['Enter']);
      await term.waitFor((s) => s.includes('nosuch') && lastLine(s) === PROMPT, 'the error');
      term.type('net-list');
      term.keys(['Enter']);
      await term.waitFor((s) => s.includes(' default ') && lastLine(s) === PROMPT, 'the output');
      return term.screen(true);
    };
    const coloured = await run('-u NO_COLOR', '');
    // tmux reports attributes in its own order: allow others around the colour asked for
    const styled = (sgr: string, text: string) => new RegExp(`\x1b\\[(?:0;)?${sgr}m(?:\x1b\\[[0-9;]*m)*${text}`);
    expect(coloured).toMatch(styled('31', "error: failed to get domain 'nosuch'"));
    expect(coloured).toMatch(styled('32', 'active'));
    expect(coloured).toMatch(styled('1', ' Name +State'));
    const optedOut = await run('-u NO_COLOR', '--no-color');
    expect(optedOut).not.toMatch(/\x1b\[3[12]m/);
    const noColor = await run('NO_COLOR=1', '');
    expect(noColor).not.toMatch(/\x1b\[3[12]m/);
    expect(noColor).toContain("error: failed to get domain 'nosuch'");
  });

  it('recalls history across sessions with Up', async () => {
    await shell();
    term.type('net-list --all');
    term.keys(['Enter']);
    await term.waitFor((s) => s.includes(' default') && lastLine(s) === PROMPT, 'net-list output');
    term.type('quit');
    term.keys(['Enter']);
    await term.waitFor(() => term.exited(), 'the shell to quit');
    expect(readFileSync(join(dir, 'cache', 'libvirt', 'virsh', 'history'), 'utf8')).toBe('net-list --all\nquit\n');
    await shell();
    term.keys(['Up']);
    await term.waitForLastLine(`${PROMPT} quit`);
    term.keys(['Up']);
    await term.waitForLastLine(`${PROMPT} net-list --all`);
  });

  it('cancels a long command with Ctrl-C and keeps the session', async () => {
    await shell();
    term.type('echo started; event --all --loop');
    term.keys(['Enter']);
    await term.waitFor((s) => s.includes('\nstarted'), 'the command to start');
    term.keys(['C-c']);
    await term.waitForLastLine(PROMPT, 'the prompt after Ctrl-C');
    term.type('echo alive');
    term.keys(['Enter']);
    const screen = await term.waitFor((s) => s.includes('\nalive') && lastLine(s) === PROMPT, 'the session to answer');
    expect(screen).toContain('event loop interrupted');
    expect(term.exited()).toBe(false);
  });

  it('switches the connection in place with connect', async () => {
    await shell();
    term.type('connect test:///default --readonly');
    term.keys(['Enter']);
    await term.waitForLastLine('virsh >', 'the read-only prompt');
    term.type('destroy test');
    term.keys(['Enter']);
    const screen = await term.waitFor((s) => s.includes('read only') && lastLine(s) === 'virsh >', 'the refusal');
    expect(screen).toContain('error: operation forbidden: read only access prevents virDomainDestroy');
  });

  it('leaves on Ctrl-D', async () => {
    await shell();
    term.keys(['C-d']);
    await term.waitFor(() => term.exited(), 'the shell to leave');
  });
});

describe('batch runs', () => {
  it('never load the REPL bundle', () => {
    const env = { ...process.env, RECORD_LOADS: loads, NODE_OPTIONS: `--require ${recorder}` };
    execFileSync(cli, ['-c', 'test:///default', 'list'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    execFileSync(cli, ['-c', 'test:///default'], { env, input: 'list\nnet-list\n', stdio: ['pipe', 'pipe', 'pipe'] });
    expect(existsSync(loads)).toBe(true);
    const requests = readFileSync(loads, 'utf8');
    expect(requests).not.toMatch(/load-repl|repl\.mjs|\bink\b|\breact\b/);
  });
});
