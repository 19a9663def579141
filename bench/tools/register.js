// Preloaded by every benchmark process (`node -r bench/tools/register.js …`), product and raw cdktf
// alike: ts-node in transpile-only mode with swc when @swc/core is installed, as bin/kiban.js runs the
// product. (ts-node 10 has no environment variable for swc: `-r ts-node/register/transpile-only`
// alone compiles with TypeScript, about 3 s more start-up for the product's sources.)
'use strict';
const path = require('path');
let swc = false;
try {
  require.resolve('@swc/core');
  swc = true;
} catch {
  /* TypeScript's own transpiler */
}
require('ts-node').register({ transpileOnly: true, swc, project: path.join(__dirname, '..', '..', 'tsconfig.json') });
