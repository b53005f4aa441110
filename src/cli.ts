import { main } from './commands/shell/main.js';

process.exitCode = await main(process.argv.slice(2));
