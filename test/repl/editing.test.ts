import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { columns } from '../../src/repl/columns.js';
import { edits, lineOf, type Line } from '../../src/repl/editor.js';
import { History, historyDir, historySize } from '../../src/repl/history.js';
import { parseKeys } from '../../src/repl/keys.js';
import { wordAt } from '../../src/repl/words.js';

const at = (text: string, cursor: number): Line => ({ text, cursor });

describe('line editing (readline emacs bindings)', () => {
  it('moves by character, word and line', () => {
    const l = lineOf('dominfo --domain test');
    expect(edits.home(l).cursor).toBe(0);
    expect(edits.end(edits.home(l)).cursor).toBe(21);
    expect(edits.wordLeft(l).cursor).toBe(17);
    expect(edits.wordLeft(at(l.text, 17)).cursor).toBe(10);
    expect(edits.wordRight(at(l.text, 0)).cursor).toBe(7);
    expect(edits.left(at('ab', 0)).cursor).toBe(0);
    expect(edits.right(at('ab', 2)).cursor).toBe(2);
  });

  it('kills to the end, to the start, a word back (Ctrl-W) and forward (Alt-D)', () => {
    expect(edits.killToEnd(at('list --all', 4))).toEqual(at('list', 4));
    expect(edits.killToStart(at('list --all', 5))).toEqual(at('--all', 0));
    expect(edits.killWordBack(at('list --all  ', 12))).toEqual(at('list ', 5));
    expect(edits.killWordForward(at('list --all', 4))).toEqual(at('list', 4));
  });

  it('inserts and deletes at the cursor', () => {
    expect(edits.insert(at('lst', 1), 'i')).toEqual(at('list', 2));
    expect(edits.backspace(at('list', 0))).toEqual(at('list', 0));
    expect(edits.backspace(at('liist', 2))).toEqual(at('list', 1));
    expect(edits.deleteChar(at('liist', 1))).toEqual(at('list', 1));
  });
});

describe('key parsing', () => {
  it('cuts a chunk into keys: text, control keys, escape sequences', () => {
    const keys = parseKeys('lis\t\x15\x1b[A\x1bb\x1b[1;5D\x1b[3~\x7f\r');
    expect(keys.map((k) => [k.name, k.text, k.ctrl, k.meta])).toEqual([
      ['text', 'lis', false, false],
      ['tab', '', false, false],
      ['u', '', true, false],
      ['up', '', false, false],
      ['b', '', false, true],
      ['left', '', true, false],
      ['delete', '', false, false],
      ['backspace', '', false, false],
      ['return', '', false, false],
    ]);
  });

  it('keeps a bracketed paste as one run of text', () => {
    expect(parseKeys('\x1b[200~a\tb\x1b[201~')).toEqual([{ name: 'text', text: 'a\tb', ctrl: false, meta: false }]);
  });
});

describe('completion word (virsh break characters, quotes)', () => {
  it('starts after the last unquoted break character', () => {
    expect(wordAt('dominfo te')).toEqual({ start: 8, text: 'te', quoted: false });
    expect(wordAt('list;st')).toEqual({ start: 5, text: 'st', quoted: false });
    expect(wordAt('start --domain=t')).toEqual({ start: 15, text: 't', quoted: false });
    expect(wordAt('define "my fi')).toEqual({ start: 8, text: 'my fi', quoted: true });
    expect(wordAt('define my\\ fi')).toEqual({ start: 7, text: 'my\\ fi', quoted: false });
  });
});

describe('match list', () => {
  it('lays candidates out sorted, down then across', () => {
    expect(columns(['dd', 'a', 'ccc', 'b'], 12)).toBe('a    ccc\nb    dd');
    expect(columns(['one'], 2)).toBe('one');
  });
});

describe('history like virsh', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('lives in $XDG_CACHE_HOME/libvirt/virsh, else ~/.cache/libvirt/virsh', () => {
    expect(historyDir({ XDG_CACHE_HOME: '/c' })).toBe('/c/libvirt/virsh');
    expect(historyDir({ HOME: '/home/u' })).toBe('/home/u/.cache/libvirt/virsh');
  });

  it('reads VIRSH_HISTSIZE as virsh does', () => {
    expect(historySize({})).toBe(500);
    expect(historySize({ VIRSH_HISTSIZE: '10' })).toBe(10);
    expect(historySize({ VIRSH_HISTSIZE: 'x' })).toEqual({ error: 'Bad $VIRSH_HISTSIZE value.' });
    expect(historySize({ VIRSH_HISTSIZE: '500001' })).toEqual({ error: '$VIRSH_HISTSIZE value should be between 0 and 500000' });
  });

  it('keeps a session-only history after a bad VIRSH_HISTSIZE (no file read or written)', () => {
    const h = new History(undefined, Infinity);
    h.add('list');
    expect(h.entries).toEqual(['list']);
    expect(h.save()).toBeUndefined();
  });

  it('keeps the newest entries up to the limit, writes them at the end, searches backwards', () => {
    dir = mkdtempSync(join(tmpdir(), 'virsh-hist-'));
    const hdir = join(dir, 'libvirt', 'virsh');
    const h = new History(hdir, 2);
    h.add('list');
    h.add('');
    h.add('net-list');
    h.add('dominfo test');
    expect(h.entries).toEqual(['net-list', 'dominfo test']);
    expect(h.save()).toBeUndefined();
    expect(readFileSync(join(hdir, 'history'), 'utf8')).toBe('net-list\ndominfo test\n');
    const again = new History(hdir, 500);
    expect(again.entries).toEqual(['net-list', 'dominfo test']);
    expect(again.search('list', 2)).toBe(0);
    expect(again.search('test', 1)).toBe(-1);
  });
});
