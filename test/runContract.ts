// Debugging aid: `tsx --conditions=@x/source test/runContract.ts <package>` prints each export's
// violations as it goes (a crash names the export being checked).
import { type ClassCase, classViolations, functionViolations } from './contract.ts';

const pkg = process.argv[2]!;
const only = process.argv[3];
const { CASES } = await import(`../packages/${pkg}/test/exportCases.ts`);
const api = await import(`../packages/${pkg}/src/index.ts`);
for (const [name, c] of Object.entries(CASES)) {
  if (only !== undefined && name !== only) continue;
  process.stdout.write(`${name} ... `);
  const value = api[name];
  const isClass = /^class\b/.test(Function.prototype.toString.call(value));
  const v = isClass
    ? await classViolations(name, value, c as ClassCase)
    : await functionViolations(name, value, c as never);
  console.log(v.length === 0 ? 'ok' : `\n  ${v.join('\n  ')}`);
}
