import type { HandlerTable } from '../types.js';
import { nwfilterHandlers as filters } from './filters.js';
import { bindingHandlers } from './bindings.js';

export const nwfilterHandlers: HandlerTable = { ...filters, ...bindingHandlers };
