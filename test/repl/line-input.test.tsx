import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allCommands, findCommand } from '../../src/commands/registry.js';
import type { Connection } from '../../src/core/api/connection.js';
import { openConnection } from '../../src/core/open.js';
import { completeLine, wantsPath } from '../../src/repl/complete/engine.js';
import { History } from '../../src/repl/history.js';
import type { ReplHost } from '../../src/repl/host.js';
import { LineInput, type Outcome } from '../../src/repl/ui/LineInput.js';

let conn: Connection;
let dir: string;
let host: ReplHost;

beforeAll(async () => {
  conn = await openConnection('test:///default', { readonly: false });
  dir = mkdtempSync(join(tmpdir(), 'virsh-repl-'));
  const source = { find: findCommand, all: allCommands, conn: async () => conn, error: () => {} };
  host = {
    complete: (before, text, quoted) => completeLine(before, text, source, quoted),
    wantsPath: (before) => wantsPath(before, source),
    error: () => {},
    env: {},
    noColour: true,
  };
});

afterAll(async () => {
  await conn.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A prompt on a fake terminal, with what it ended with. */
function prompt(entries: string[] = []) {
  const history = new History(join(dir, 'none'), 500);
  for (const e of entries) history.add(e);
  const ended: Outcome[] = [];
  const app = render(<LineInput prompt="virsh # " history={history} host={host} onDone={(o) => ended.push(o)} />);
  const screen = () => app.lastFrame() ?? '';
  const shows = (text: string) => vi.waitFor(() => expect(screen()).toContain(text), { timeout: 5000 });
  return { app, ended, screen, shows, type: (s: string) => app.stdin.write(s) };
}

describe('LineInput', () => {
  it('draws the prompt and what is typed', async () => {
    const p = prompt();
    await p.shows('virsh #');
    p.type('list --all');
    await p.shows('virsh # list --all');
    p.app.unmount();
  });

  it('completes a command name with Tab', async () => {
    const p = prompt();
    await p.shows('virsh #');
    p.type('lis\t');
    await p.shows('virsh # list');
    p.type('\r');
    await vi.waitFor(() => expect(p.ended).toEqual([{ kind: 'line', text: 'list ' }]));
  });

  it('lists the candidates when Tab cannot decide', async () => {
    const p = prompt();
    await p.shows('virsh #');
    p.type('domif\t');
    await p.shows('domifaddr');
    expect(p.screen()).toContain('domiflist');
    expect(p.screen()).toContain('virsh # domif');
    p.app.unmount();
  });

  it('completes a domain name from the live connection, by state', async () => {
    const p = prompt();
    await p.shows('virsh #');
    p.type('destroy t\t');
    await p.shows('virsh # destroy test');
    p.type('\x15start t\t');
    await p.shows('virsh # start t');
    // the test domain runs: start offers only shut-off domains, so nothing completes
    p.type('x\x08\r');
    await vi.waitFor(() => expect(p.ended).toEqual([{ kind: 'line', text: 'start t' }]));
  });

  it('edits: Ctrl-A, Ctrl-K, Ctrl-W, Alt-B', async () => {
    const p = prompt();
    await p.shows('virsh #');
    p.type('net-list --all');
    p.type('\x1bb\x0b');
    await p.shows('virsh # net-list --');
    p.type('\x17\x01x');
    await p.shows('virsh # xnet-list');
    p.app.unmount();
  });

  it('recalls history with Up and searches it with Ctrl-R', async () => {
    const p = prompt(['list', 'net-list', 'dominfo test']);
    await p.shows('virsh #');
    p.type('\x1b[A');
    await p.shows('virsh # dominfo test');
    p.type('\x1b[A\x1b[A');
    await p.shows('virsh # list');
    p.type('\x15\x12net');
    await p.shows("(reverse-i-search)`net': net-list");
    p.type('\r');
    await vi.waitFor(() => expect(p.ended).toEqual([{ kind: 'line', text: 'net-list' }]));
  });

  it('ends with Ctrl-D on an empty line and is interrupted by Ctrl-C', async () => {
    const eof = prompt();
    await eof.shows('virsh #');
    eof.type('\x04');
    await vi.waitFor(() => expect(eof.ended).toEqual([{ kind: 'eof' }]));
    const int = prompt();
    await int.shows('virsh #');
    int.type('list\x03');
    await vi.waitFor(() => expect(int.ended).toEqual([{ kind: 'interrupt' }]));
    await int.shows('virsh # list^C');
  });
});
