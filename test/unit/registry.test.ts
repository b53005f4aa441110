import { describe, it, expect } from 'vitest';
import { allCommands, commandGroups, handlerTables } from '../../src/commands/registry.js';

describe('command registry', () => {
  const specNames = new Set(commandGroups.flatMap((g) => g.commands.filter((c) => !c.aliasOf).map((c) => c.name)));

  it('has a handler for every virsh 9.0 command', () => {
    const missing = allCommands()
      .filter((c) => !c.aliasOf && !c.handler)
      .map((c) => c.name);
    expect(missing).toEqual([]);
  });

  it('registers each handler once, under a real command name', () => {
    const seen = new Map<string, number>();
    for (const table of handlerTables) for (const name of Object.keys(table)) seen.set(name, (seen.get(name) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([name]) => name)).toEqual([]);
    expect([...seen.keys()].filter((name) => !specNames.has(name))).toEqual([]);
  });
});
