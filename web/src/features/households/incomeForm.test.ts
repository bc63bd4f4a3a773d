import { describe, expect, it } from 'vitest';
import { incomeItems, incomeValues, perCapitaNetFen } from './incomeForm';

describe('the income form', () => {
  it('sends typed yuan as integer fen and leaves empty lines out', () => {
    expect(
      incomeItems([
        { kind: 'income', category: 'wages', label: ' 外出务工 ', amount: '12000.5' },
        { kind: 'income', category: 'production', amount: '0.29' },
        { kind: 'cost', category: 'production_cost', amount: '1500' },
        { kind: 'income', category: 'other', amount: null },
        undefined,
      ]),
    ).toEqual([
      { kind: 'income', category: 'wages', label: '外出务工', amountFen: 1200050 },
      { kind: 'income', category: 'production', amountFen: 29 },
      { kind: 'cost', category: 'production_cost', amountFen: 150000 },
    ]);
  });

  it('computes per-capita net income as the server does (seed 001: 3500 yuan)', () => {
    const items = incomeItems([
      { kind: 'income', category: 'production', amount: '15000' },
      { kind: 'cost', category: 'production_cost', amount: '1000' },
    ]);
    expect(perCapitaNetFen(items, 4)).toBe(350000);
    expect(perCapitaNetFen([{ kind: 'income', category: 'wages', amountFen: 100 }], 3)).toBe(33);
    expect(perCapitaNetFen([{ kind: 'income', category: 'wages', amountFen: 5 }], 2)).toBe(3); // half away from zero
    expect(perCapitaNetFen([{ kind: 'cost', category: 'other_cost', amountFen: 5 }], 2)).toBe(-3);
    expect(perCapitaNetFen(items, 0)).toBeNull();
  });

  it('shows a recorded year back in yuan', () => {
    const v = incomeValues({
      id: '0',
      householdId: '0',
      year: 2025,
      items: [{ kind: 'income', category: 'wages', amountFen: 1200050 }],
      memberCount: 4,
      incomeFen: 1200050,
      costFen: 0,
      perCapitaNetFen: 300013,
      version: 1,
      updatedAt: '2026-01-01T00:00:00Z',
    });
    expect(v.items[0]!.amount).toBe('12000.5');
    expect(incomeItems(v.items)[0]!.amountFen).toBe(1200050);
  });
});
