/**
 * Packs every package under packages/ with `pnpm pack`, installs the tarballs into a fresh
 * project outside the workspace with npm, and checks from plain Node that each one imports,
 * exposes exactly the exports of its source index, typechecks from a TypeScript consumer, and
 * runs its README example. This is what "install individual packages from npm" means; it runs
 * after `pnpm build` (see `pnpm test:pack`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const PACKAGES = readdirSync(join(ROOT, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'packages', d.name, 'package.json')))
  .map((d) => {
    const dir = join(ROOT, 'packages', d.name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    return { dir, name: pkg.name, version: pkg.version };
  });

let project = '';
const tarballs = new Map<string, string>();

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });

/** The first ```js block after the README's "## Example" heading. */
function readmeExample(dir: string): string | undefined {
  const text = readFileSync(join(dir, 'README.md'), 'utf8');
  const section = text.split(/^## Example\s*$/m)[1];
  return section ? /```js\n([\s\S]*?)```/.exec(section)?.[1] : undefined;
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'x-pack-'));
  for (const p of PACKAGES) {
    const out = run('pnpm', ['pack', '--pack-destination', project], p.dir).trim().split('\n');
    tarballs.set(p.name, out[out.length - 1]!.trim());
  }
  const deps = Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`]));
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify(
      { name: 'x-pack-check', private: true, type: 'module', dependencies: deps, overrides: deps },
      null,
      2,
    ),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], project);
});

it('runs the repository README example against the packed packages', () => {
  const example = readmeExample(ROOT);
  expect(example).toBeDefined();
  const file = join(project, 'example-root.mjs');
  writeFileSync(file, example!);
  const out = run('node', [file], project);
  const slope = Number(/slope: (-?[\d.]+)/.exec(out)?.[1]);
  // 400 replicates per size: the RMSE estimates are good to ~5%, the fitted slope to ~0.03.
  expect(Math.abs(slope + 0.5)).toBeLessThan(0.1);
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe.each(PACKAGES)('$name from its packed tarball', ({ dir, name }) => {
  it('ships dist, types and no tests', () => {
    const listing = run('tar', ['-tzf', tarballs.get(name)!], project);
    expect(listing).toMatch(/package\/dist\/index\.js/);
    expect(listing).toMatch(/package\/dist\/index\.d\.ts/);
    expect(listing).toMatch(/package\/README\.md/);
    expect(listing).not.toMatch(/\.test\.(ts|js)/);
  });

  it('imports from plain Node with the same exports as its source index', async () => {
    const packed = JSON.parse(
      run(
        'node',
        [
          '--input-type=module',
          '-e',
          `import * as m from '${name}'; console.log(JSON.stringify(Object.keys(m).sort()))`,
        ],
        project,
      ),
    ) as string[];
    const source = Object.keys(
      await import(pathToFileURL(join(dir, 'src', 'index.ts')).href),
    ).sort();
    expect(packed).toEqual(source);
    expect(packed.length).toBeGreaterThan(0);
  });

  it('typechecks from a strict TypeScript consumer (NodeNext)', () => {
    const file = join(project, `consumer-${name.replace(/\W/g, '_')}.ts`);
    writeFileSync(
      file,
      `import * as m from '${name}';\nexport const names: string[] = Object.keys(m);\n`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    run(
      'node',
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules', '@types'),
        file,
      ],
      project,
    );
  });

  it('runs the README example', () => {
    const example = readmeExample(dir);
    expect(example, `${name}/README.md needs a js block under "## Example"`).toBeDefined();
    const file = join(project, `example-${name.replace(/\W/g, '_')}.mjs`);
    writeFileSync(file, example!);
    run('node', [file], project);
  });
});
