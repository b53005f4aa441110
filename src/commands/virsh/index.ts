import type { HandlerTable } from '../types.js';
import { complete } from './complete.js';
import { cd, pwd } from './dirs.js';
import { echo } from './echo.js';
import { help } from './help.js';
import { selfTest } from './self-test.js';
import { connect, quit } from './session.js';

/** virsh's own commands ('Virsh itself'). */
export const virshHandlers: HandlerTable = {
  cd,
  complete,
  echo,
  exit: quit,
  help,
  pwd,
  quit,
  'self-test': selfTest,
  connect,
};
