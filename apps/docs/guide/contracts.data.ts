// Computed at build time (in Node, where HiGHS loads on its own): the principal's value under
// the far-sighted and the myopic designs on seeded random principal-agent MDPs.
import { planContracts, randomPrincipalAgentMdp } from '@x/contracts';
import { createRng } from '@x/linalg';
import { defineLoader } from 'vitepress';

export interface DesignRow {
  readonly instance: number;
  readonly design: string;
  readonly value: number;
}

declare const data: DesignRow[];

export { data };

export default defineLoader({
  async load(): Promise<DesignRow[]> {
    const rng = createRng(2026);
    const rows: DesignRow[] = [];
    for (let instance = 0; instance < 12; instance++) {
      const problem = randomPrincipalAgentMdp(rng.split(), { states: 4, actions: 3, horizon: 5 });
      for (const design of ['far-sighted', 'myopic'] as const) {
        const plan = await planContracts(problem, { design });
        rows.push({ instance, design, value: plan.response.principalValue });
      }
    }
    return rows;
  },
});
