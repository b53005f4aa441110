import { Box, Text, useApp, useStdin, useStdout } from 'ink';
import { columns } from '../columns.js';
import { useEffect, useRef, useState } from 'react';
import { parseKeys, type KeyPress } from '../keys.js';
import { edits, emptyLine, lineOf, type Line } from '../editor.js';
import type { History } from '../history.js';
import type { ReplHost } from '../host.js';
import { tabComplete } from '../tab.js';

/** How a prompt ended: the line entered, an interrupted line (Ctrl-C), or end of input. */
export type Outcome = { kind: 'line'; text: string } | { kind: 'interrupt' } | { kind: 'eof' };

interface Search {
  query: string;
  /** Index of the matching history entry; -1 when nothing matches. */
  match: number;
}

export interface LineInputProps {
  prompt: string;
  history: History;
  host: ReplHost;
  onDone(outcome: Outcome): void;
}

/** The line with a block cursor drawn over the character under it. */
function Edited({ line }: { line: Line }) {
  const at = line.text[line.cursor] ?? ' ';
  return (
    <Text>
      {line.text.slice(0, line.cursor)}
      <Text inverse>{at}</Text>
      {line.text.slice(line.cursor + 1)}
    </Text>
  );
}

/**
 * One prompt: readline's emacs bindings over the line, history (Up/Down, Ctrl-R), Tab
 * completion. When the line ends, the last frame shows only the prompt and the text, as a
 * terminal scrollback of virsh would.
 */
export function LineInput({ prompt, history, host, onDone }: LineInputProps) {
  const { exit } = useApp();
  // Keys can arrive several to a chunk, faster than renders: the state lives in a ref so each
  // key sees what the previous one left, and a counter asks for the next frame.
  const st = useRef({
    line: emptyLine,
    /** Position in history while browsing (entries.length = the new line). */
    browse: history.entries.length,
    draft: '',
    search: undefined as Search | undefined,
    list: undefined as string[] | undefined,
    outcome: undefined as Outcome | undefined,
    busy: false,
    /** Keys typed while a completion is being computed, replayed after it. */
    queued: [] as KeyPress[],
  }).current;
  const [, setFrame] = useState(0);
  const redraw = () => setFrame((n) => n + 1);

  // once the frame showing how the line ended is drawn, report it (once) and unmount
  const reported = useRef(false);
  useEffect(() => {
    if (!st.outcome || reported.current) return;
    reported.current = true;
    onDone(st.outcome);
    exit();
  });

  const setLine = (l: Line) => {
    st.line = l;
  };

  const finish = (o: Outcome) => {
    st.list = undefined;
    st.search = undefined;
    st.outcome = o;
  };

  const recall = (index: number) => {
    if (index < 0 || index > history.entries.length) return;
    if (st.browse === history.entries.length) st.draft = st.line.text;
    st.browse = index;
    setLine(lineOf(index === history.entries.length ? st.draft : history.entries[index]));
  };

  const searchInput = (key: KeyPress) => {
    const s = st.search!;
    if (key.ctrl && key.name === 'r') {
      const next = s.match < 0 ? -1 : history.search(s.query, s.match);
      if (next >= 0) st.search = { ...s, match: next };
      return;
    }
    if (key.name === 'backspace') {
      const query = s.query.slice(0, -1);
      st.search = { query, match: history.search(query, history.entries.length) };
      return;
    }
    if (key.ctrl && (key.name === 'g' || key.name === 'c')) {
      st.search = undefined;
      return;
    }
    if (key.name === 'text') {
      const query = s.query + key.text;
      st.search = { query, match: history.search(query, s.match < 0 ? history.entries.length : s.match + 1) };
      return;
    }
    // any other key accepts the match and is then handled as usual
    if (s.match >= 0) setLine(lineOf(history.entries[s.match]));
    st.search = undefined;
    handle(key);
  };

  /** Ctrl-letter bindings (readline's emacs keymap). */
  const ctrlKeys: Record<string, (line: Line) => void> = {
    c: () => finish({ kind: 'interrupt' }),
    d: (line) => (line.text === '' ? finish({ kind: 'eof' }) : setLine(edits.deleteChar(line))),
    a: (line) => setLine(edits.home(line)),
    e: (line) => setLine(edits.end(line)),
    b: (line) => setLine(edits.left(line)),
    f: (line) => setLine(edits.right(line)),
    k: (line) => setLine(edits.killToEnd(line)),
    u: (line) => setLine(edits.killToStart(line)),
    w: (line) => setLine(edits.killWordBack(line)),
    h: (line) => setLine(edits.backspace(line)),
    p: () => recall(st.browse - 1),
    n: () => recall(st.browse + 1),
    r: () => (st.search = { query: '', match: -1 }),
  };

  /** Meta (Alt) bindings. */
  const metaKeys: Record<string, (line: Line) => void> = {
    b: (line) => setLine(edits.wordLeft(line)),
    f: (line) => setLine(edits.wordRight(line)),
    d: (line) => setLine(edits.killWordForward(line)),
    backspace: (line) => setLine(edits.killWordBack(line)),
    left: (line) => setLine(edits.wordLeft(line)),
    right: (line) => setLine(edits.wordRight(line)),
  };

  /** Keys without modifiers. */
  const plainKeys: Record<string, (line: Line) => void> = {
    return: (line) => finish({ kind: 'line', text: line.text }),
    left: (line) => setLine(edits.left(line)),
    right: (line) => setLine(edits.right(line)),
    home: (line) => setLine(edits.home(line)),
    end: (line) => setLine(edits.end(line)),
    up: () => recall(st.browse - 1),
    down: () => recall(st.browse + 1),
    backspace: (line) => setLine(edits.backspace(line)),
    delete: (line) => setLine(edits.deleteChar(line)),
  };

  const complete = (line: Line) => {
    st.busy = true;
    void tabComplete(line, host).then((r) => {
      setLine(r.line);
      st.list = r.list;
      st.busy = false;
      for (const k of st.queued.splice(0)) handle(k);
      redraw();
    });
  };

  function handle(key: KeyPress): void {
    if (st.outcome) return;
    if (st.busy) {
      st.queued.push(key);
      return;
    }
    if (st.search) return searchInput(key);
    const line = st.line;
    st.list = undefined;
    if (key.name === 'tab') return complete(line);
    if (key.name === 'text') return setLine(edits.insert(line, key.text.replace(/[\r\n]+/g, ' ')));
    const table = key.ctrl && key.name.length === 1 ? ctrlKeys : key.meta || key.ctrl ? metaKeys : plainKeys;
    table[key.name]?.(line);
  }

  const { internal_eventEmitter: input, setRawMode } = useStdin();
  useEffect(() => {
    setRawMode(true);
    const onInput = (data: string) => {
      for (const key of parseKeys(data)) handle(key);
      redraw();
    };
    input.on('input', onInput);
    return () => {
      input.removeListener('input', onInput);
      setRawMode(false);
    };
  }, []);

  const { stdout } = useStdout();
  const { outcome, search, list, line } = st;
  if (outcome) {
    const suffix = outcome.kind === 'interrupt' ? '^C' : '';
    return (
      <Text>
        {prompt}
        {line.text}
        {suffix}
      </Text>
    );
  }
  if (search) {
    const shown = search.match >= 0 ? lineOf(history.entries[search.match]) : line;
    const label = search.match >= 0 || search.query === '' ? '(reverse-i-search)' : '(failed reverse-i-search)';
    return (
      <Text>
        {label}`{search.query}': <Edited line={{ text: shown.text, cursor: Math.max(0, shown.text.indexOf(search.query)) }} />
      </Text>
    );
  }
  return (
    <Box flexDirection="column">
      <Text>
        {prompt}
        <Edited line={line} />
      </Text>
      {list && <Text>{columns(list, stdout.columns || 80)}</Text>}
    </Box>
  );
}
