import { LIFECYCLE_ACTIONS, LIFECYCLE_TYPES } from '../../core/api/domain-devices.js';
import type { Handler } from '../types.js';
import { affectFlags, optDomain } from './util.js';

export const setLifecycleAction: Handler = async (ctx, opts) => {
  const flags = affectFlags(ctx, opts);
  if (flags === undefined) return false;
  const typeStr = opts.requiredString('type');
  const actionStr = opts.requiredString('action');
  const type = (LIFECYCLE_TYPES as readonly string[]).indexOf(typeStr);
  if (type < 0) {
    ctx.error(`Invalid lifecycle type '${typeStr}'.`);
    return false;
  }
  const action = (LIFECYCLE_ACTIONS as readonly string[]).indexOf(actionStr);
  if (action < 0) {
    ctx.error(`Invalid lifecycle action '${actionStr}'.`);
    return false;
  }
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  const conn = await ctx.conn();
  await ctx.attempt('Unable to change lifecycle action.', () => conn.domainSetLifecycleAction(dom, type, action, flags));
  return true;
};
