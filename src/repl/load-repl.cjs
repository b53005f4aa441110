'use strict';
// Imports the REPL's ESM bundle for the CLI bundle. The CLI runs inside vm.Script (for V8's
// code cache), where import() has no loader once the script comes from that cache; this
// file is loaded by Node's own CommonJS loader, whose import() always works.
module.exports = (url) => import(url);
