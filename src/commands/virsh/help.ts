import type { Handler } from '../types.js';
import { commandGroups, findCommand } from '../registry.js';
import { allGroupsHelp, commandHelp, findGroup, groupHelp } from '../shell/help.js';

/** help [COMMAND|GROUP]: every group, one command's manual, or one group's commands. */
export const help: Handler = async (ctx, opts) => {
  const name = opts.stringQuiet('command');
  if (name === undefined) {
    ctx.print(allGroupsHelp(commandGroups));
    return true;
  }
  const def = findCommand(name);
  if (def) {
    ctx.print(commandHelp(def));
    return true;
  }
  const group = findGroup(commandGroups, name);
  if (group) {
    ctx.print(groupHelp(group));
    return true;
  }
  ctx.error(`command or command group '${name}' doesn't exist`);
  return false;
};
