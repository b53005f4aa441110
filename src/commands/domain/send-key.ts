import { keycodeFromName, keycodeSetFromString } from '../../core/keycodes.js';
import type { Handler } from '../types.js';
import { optDomain } from './util.js';

/** VIR_DOMAIN_SEND_KEY_MAX_KEYS */
const MAX_KEYS = 16;

/** virshKeyCodeGetInt: virStrToLong_uip (base 0, no sign) up to 0xffff, else -1. */
function numericKeycode(s: string): number {
  const t = s.replace(/^[ \t\n\v\f\r]+/, '').replace(/^\+/, '');
  let v: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(t)) v = parseInt(t.slice(2), 16);
  else if (/^0[0-7]*$/.test(t)) v = parseInt(t, 8);
  else if (/^[1-9]\d*$/.test(t)) v = Number(t);
  else return -1;
  return v > 0xffff ? -1 : v;
}

/** send-key: keycodes (numbers, or names in the codeset) resolved by virsh, checked by the driver. */
export const sendKey: Handler = async (ctx, opts) => {
  const dom = await optDomain(ctx, opts);
  if (!dom) return false;
  let codesetName = opts.stringQuiet('codeset') || 'linux';
  const holdtime = opts.uint('holdtime') ?? 0;
  // qnum was first called rfb; virsh still takes the old name.
  if (codesetName === 'rfb') codesetName = 'qnum';
  const codeset = keycodeSetFromString(codesetName);
  if (codeset < 0) {
    ctx.error(`unknown codeset: '${codesetName}'`);
    return false;
  }
  const keycodes: number[] = [];
  for (const word of opts.argv('keycode')) {
    if (keycodes.length === MAX_KEYS) {
      ctx.error('too many keycodes');
      return false;
    }
    let k = numericKeycode(word);
    if (k < 0) k = await keycodeFromName(codeset, word);
    if (k < 0) {
      ctx.error(`invalid keycode: '${word}'`);
      return false;
    }
    keycodes.push(k);
  }
  await (await ctx.conn()).domainSendKey(dom, codeset, holdtime, keycodes, 0);
  return true;
};
