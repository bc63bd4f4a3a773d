import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../api/pairings';
import { acceptItems, initialSelection, toggle, toggleAll } from './proposalSelection';

const proposal = (n: number): Proposal => ({
  key: `cadre:c${n}→household:h${n}`,
  role: 'one_to_one',
  helperKind: 'cadre',
  helperId: `0193000${n}-0000-7000-8000-000000000000`,
  targetKind: 'household',
  targetId: `0193100${n}-0000-7000-8000-000000000000`,
  lead: true,
  roundNo: null,
  startOn: '2026-03-01',
  regionCode: '433124213209',
  helperName: `干部${n}`,
  targetName: `户主${n}`,
  because: { kind: 'rule', ruleId: 'township-star' },
  nearness: 'village',
  message: '建议',
});
const proposals = [proposal(1), proposal(2), proposal(3)];

describe('choosing the assistant’s proposals', () => {
  it('starts with every proposal ticked', () => {
    expect([...initialSelection(proposals)]).toEqual(proposals.map((p) => p.key));
  });

  it('ticks and unticks one, all and none', () => {
    let s = toggle(initialSelection(proposals), proposals[1]!.key, false);
    expect(s.has(proposals[1]!.key)).toBe(false);
    expect(s.size).toBe(2);
    s = toggle(s, proposals[1]!.key, true);
    expect(s.size).toBe(3);
    expect(toggleAll(proposals, false).size).toBe(0);
    expect(toggleAll(proposals, true).size).toBe(3);
  });

  it('accepts only the ticked ones, as received, in order, each with its id kept across retries', () => {
    const ids = new Map<string, string>();
    let n = 0;
    const idOf = (key: string) => ids.get(key) ?? (ids.set(key, `id-${++n}`), ids.get(key)!);
    const chosen = toggle(initialSelection(proposals), proposals[0]!.key, false);
    const first = acceptItems(proposals, chosen, idOf);
    expect(first).toEqual([
      {
        id: 'id-1',
        role: 'one_to_one',
        helperKind: 'cadre',
        helperId: proposals[1]!.helperId,
        targetKind: 'household',
        targetId: proposals[1]!.targetId,
        lead: true,
        roundNo: null,
        startOn: '2026-03-01',
      },
      expect.objectContaining({ id: 'id-2', helperId: proposals[2]!.helperId }),
    ]);
    expect(acceptItems(proposals, chosen, idOf).map((i) => i.id)).toEqual(['id-1', 'id-2']);
  });
});
