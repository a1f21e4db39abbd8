import { defineProject } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.ts';

export default defineProject({
  ...sourceConditions,
  test: { name: '@x/contracts', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
