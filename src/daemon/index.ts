// virtd-ts: the daemon's entry point (bundled to dist/virtd-ts.cjs).
import { main } from './main.js';

void main(process.argv.slice(2));
