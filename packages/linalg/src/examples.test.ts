import { describe } from 'vitest';
import { checkExamples } from '../../../test/examples.ts';
import * as experiment from './experiment/index.ts';
import * as root from './index.ts';
import * as math from './math/index.ts';
import * as validate from './validate/index.ts';

describe('every @example runs', () =>
  checkExamples(import.meta.dirname, { ...validate, ...math, ...experiment, ...root }));
