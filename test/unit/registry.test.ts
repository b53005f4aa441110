import { describe, it, expect } from 'vitest';
import { allCommands, commandGroups, handlerOf, loadHandlerTables } from '../../src/commands/registry.js';

describe('command registry', () => {
  const specNames = new Set(commandGroups.flatMap((g) => g.commands.filter((c) => !c.aliasOf).map((c) => c.name)));

  it("finds every virsh 9.0 command's handler in its group's folders", async () => {
    const missing: string[] = [];
    for (const c of allCommands()) if (!c.aliasOf && !(await handlerOf(c))) missing.push(c.name);
    expect(missing).toEqual([]);
  });

  it('registers each handler once, under a real command name', async () => {
    const seen = new Map<string, number>();
    for (const table of await loadHandlerTables()) for (const name of Object.keys(table)) seen.set(name, (seen.get(name) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([name]) => name)).toEqual([]);
    expect([...seen.keys()].filter((name) => !specNames.has(name))).toEqual([]);
  });
});
