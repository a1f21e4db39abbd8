import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.ts';

export default defineProject({
  ...sourceConditions,
  test: {
    name: '@x/bench',
    include: ['src/**/*.test.ts', 'experiments/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
