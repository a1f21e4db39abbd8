// Worker-thread entry for tinypool. Node 20 does not carry the main thread's `--import tsx`
// loader hooks into worker threads, so register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./worker.ts');

/** Runs one trial in this worker (see worker.ts). */
export const runTrial = worker.runTrial;
