// Sums vitest JSON reports and prints the closing line CI reads: `N passed, N failed`.
// Usage: node scripts/countTests.mjs report.json [report.json ...]
// A missing or unreadable report is reported on stderr and makes the exit code 1.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let missing = 0;
for (const file of process.argv.slice(2)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } catch (err) {
    missing++;
    process.stderr.write(`countTests: no usable report at ${file} (${err.message})\n`);
  }
}
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = missing > 0 || failed > 0 ? 1 : 0;
