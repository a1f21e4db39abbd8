import { describe, expect, it } from 'vitest';
import {
  episodicRegretCurves,
  gridworldSolution,
  rlhfRegretCurves,
  transferQCurves,
} from '../components/mdpDemos.ts';

describe('the mdp guide demos', () => {
  it('solve the gridworld so that the arrows head for the +1 goal and keep clear of the pit', () => {
    const cells = gridworldSolution();
    const at = (row: number, column: number) =>
      cells.find((c) => c.row === row && c.column === column)!;
    expect(at(0, 4).arrow).toBe('→'); // next to the goal: step in
    // Beside the pit, going up would slip into it 5% of the time: the optimal move is away.
    expect(at(1, 4).arrow).toBe('←');
    expect(at(0, 5).value).toBe(0); // goals are absorbing with reward on arrival
    // Values are highest near the goal: the start corner is worth less than the cell by the goal.
    expect(at(3, 0).value).toBeLessThan(at(0, 4).value);
  });

  it('show PSRL and tuned UCBVI flattening while UCBVI with c = 1 keeps paying', () => {
    const rows = episodicRegretCurves();
    expect(episodicRegretCurves()).toEqual(rows);
    const late = (agent: string) => {
      const r = rows.filter((x) => x.agent === agent);
      return r.at(-1)!.regret - r.at(-11)!.regret; // regret over the last 250 episodes
    };
    expect(late('PSRL')).toBeLessThan(0.25 * late('UCBVI (c = 1)'));
    expect(late('UCBVI (c = 0.1)')).toBeLessThan(0.5 * late('UCBVI (c = 1)'));
  });

  it('show Transfer Q* below controlled decoding at alpha = 1/beta', () => {
    const rows = transferQCurves();
    const at = (decoder: string) => rows.find((r) => r.decoder === decoder && r.alpha === 20)!.gap;
    expect(at('TQ* direct')).toBeLessThan(at('controlled decoding'));
    expect(at('TQ* indirect')).toBeLessThan(at('TQ* direct'));
  });

  it('show the RLHF regret growing ever more slowly, Approximate-IDS close to IDS', () => {
    const rows = rlhfRegretCurves();
    const curve = (agent: string) => rows.filter((r) => r.agent === agent).map((r) => r.regret);
    for (const agent of ['IDS', 'Approximate-IDS']) {
      const c = curve(agent);
      // Regret over the last 100 episodes is well below that over the first 100.
      expect(c[15]! - c[11]!).toBeLessThan(0.75 * c[3]!);
    }
    expect(curve('Approximate-IDS')[15]!).toBeLessThan(1.5 * curve('IDS')[15]!);
  });
});
