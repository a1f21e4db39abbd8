import { defineConfig } from 'vitest/config';
import { sourceConditions } from './vitest.shared.ts';

export default defineConfig({
  ...sourceConditions,
  test: {
    include: ['scripts/browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.reports/vitest-browser.json' }]],
  },
});
