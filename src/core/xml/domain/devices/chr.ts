import type { KindRule } from './rules.js';

export const chrRule: KindRule = {};
