import { describe, expect, it } from 'vitest';
import { regretCurves } from '../components/banditDemos.ts';

describe('the bandits guide demo', () => {
  it('is deterministic and shows KL-UCB and Thompson sampling well below UCB1', () => {
    const rows = regretCurves();
    expect(regretCurves()).toEqual(rows);
    const final = (policy: string) => rows.filter((r) => r.policy === policy).at(-1)!.regret;
    expect(final('KL-UCB')).toBeLessThan(final('UCB1'));
    expect(final('Thompson sampling')).toBeLessThan(final('UCB1'));
  });
});
