import { defaultServerConditions } from 'vite';

/**
 * Resolve sibling workspace packages to their TypeScript source (the `@x/source` export
 * condition), so tests run without a build. `ssr.resolve.conditions` replaces vite's defaults,
 * hence the spread.
 */
export const sourceConditions = {
  resolve: { conditions: ['@x/source', 'module', 'node', 'import', 'default'] },
  ssr: { resolve: { conditions: ['@x/source', ...defaultServerConditions] } },
};
