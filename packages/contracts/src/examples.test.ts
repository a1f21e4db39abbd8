import { createRng } from '@x/linalg';
import { describe } from 'vitest';
import { checkExamples } from '../../../test/examples.ts';
import * as api from './index.ts';

describe('every @example runs', () => checkExamples(import.meta.dirname, { ...api, createRng }));
