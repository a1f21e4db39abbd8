/**
 * Every `@example` of a package's TSDoc, run: each block is compiled from TypeScript and run with
 * the package's exports (and `createRng`) in scope, so an example that no longer matches the API,
 * or names a variable it never defines, fails here. Each package's `examples.test.ts` calls
 * {@link checkExamples}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

/** One `@example` block: where it is and its code. */
interface Example {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The `@example` blocks of the TypeScript files under `dir`. */
export function examplesUnder(dir: string): Example[] {
  const out: Example[] = [];
  for (const file of sourceFiles(dir)) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]!.trim() !== '* @example') continue;
      const code: string[] = [];
      let j = i + 1;
      // The block runs to the next tag, a "References:" paragraph or the end of the comment.
      for (; j < lines.length; j++) {
        const t = lines[j]!.trim();
        if (t.startsWith('*/') || /^\* (@|References:)/.test(t)) break;
        code.push(t === '*' ? '' : t.replace(/^\* ?/, ''));
      }
      // Imports are for the reader: the names are in scope already.
      const body = code.filter((l) => !/^import .* from '[^']+';$/.test(l));
      out.push({ file: relative(dir, file), line: i + 1, code: body.join('\n').trim() });
      i = j - 1;
    }
  }
  return out;
}

const AsyncFunction = (async () => {}).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<unknown>;

/** Runs every example under `dir` with `scope` (names to values) in scope; each is one test. */
export function checkExamples(dir: string, scope: Readonly<Record<string, unknown>>): void {
  const examples = examplesUnder(dir);
  it('has examples', () => expect(examples.length).toBeGreaterThan(0));
  const names = Object.keys(scope);
  for (const example of examples) {
    it(`${example.file}:${example.line}`, async () => {
      const js = ts.transpileModule(example.code, {
        compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
      }).outputText;
      const run = new AsyncFunction(...names, js);
      await run(...names.map((n) => scope[n]));
    });
  }
}
