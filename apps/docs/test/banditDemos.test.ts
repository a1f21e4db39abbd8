import { describe, expect, it } from 'vitest';
import { coverageCurves, exploitabilityCurves, regretCurves } from '../components/banditDemos.ts';

describe('the bandits guide demo', () => {
  it('is deterministic and shows KL-UCB and Thompson sampling well below UCB1', () => {
    const rows = regretCurves();
    expect(regretCurves()).toEqual(rows);
    const final = (policy: string) => rows.filter((r) => r.policy === policy).at(-1)!.regret;
    expect(final('KL-UCB')).toBeLessThan(final('UCB1'));
    expect(final('Thompson sampling')).toBeLessThan(final('UCB1'));
  });
});

describe('the preference-optimisation demos', () => {
  it('show DPO stalling while RPO and SPAC converge under sparse coverage', () => {
    const rows = coverageCurves();
    const at = (method: string, pairs: number) =>
      rows.find((r) => r.method === method && r.pairs === pairs)!.gap;
    expect(at('DPO', 6400)).toBeGreaterThan(1);
    // Three datasets per size: the demo shows the trend; the claim test and the bench measure it.
    for (const m of ['RPO', 'SPAC']) expect(at(m, 6400)).toBeLessThan(at(m, 100) / 5);
  });

  it("show SPO's average becoming unexploitable", () => {
    const spo = exploitabilityCurves().filter((r) => r.method.startsWith('SPO'));
    expect(spo.at(-1)!.exploitability).toBeLessThan(spo[0]!.exploitability / 5);
  });
});
