import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/pack.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest-pack.json' }]],
  },
});
