import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Programme } from '../../api/programmes';
import { adjustBody } from './AdjustModal';

const programme = {
  id: '019b76da-a800-7d2e-b421-9a4a8ab75100',
  name: '联户带创',
  version: 4,
  status: 'active',
  period: { startOn: '2026-01-01', endOn: null },
  requirements: {
    visitsPerHousehold: { atLeast: 1, per: 'month' },
    diaryPerCadre: { atLeast: 1, per: 'month' },
    problemsPerHousehold: { atLeast: 1, per: 'year' },
    difficultiesPerCadre: null,
    learning: null,
    mustVisit: null,
    duties: [{ zh: '四帮', en: 'Four helps' }],
  },
  pairingRules: [
    {
      id: 'township-star',
      subject: { kind: 'cadre', ranks: ['township'] },
      target: { kind: 'household', categories: ['prosperity_star'] },
      min: 1,
      zh: '每名乡干部联系一个致富明星户',
      en: 'Each township cadre links one prosperity-star household',
    },
  ],
} as unknown as Programme;

describe('调整要求: the PATCH body', () => {
  it('sends the version read, the new counts on the quotas’ own periods, blank counts as no requirement, rule counts in place', () => {
    const body = adjustBody(programme, {
      name: ' 联户带创（2026） ',
      startOn: dayjs('2026-02-01'),
      endOn: dayjs('2027-01-01'),
      status: 'active',
      quotas: { visitsPerHousehold: 2, diaryPerCadre: null, problemsPerHousehold: 1, difficultiesPerCadre: 3 },
      rules: [{ min: 2, max: 3 }],
    });
    expect(body.version).toBe(4);
    expect(body.name).toBe('联户带创（2026）');
    expect(body.period).toEqual({ startOn: '2026-02-01', endOn: '2027-01-01' });
    expect(body.requirements).toEqual({
      ...programme.requirements,
      visitsPerHousehold: { atLeast: 2, per: 'month' },
      diaryPerCadre: null,
      problemsPerHousehold: { atLeast: 1, per: 'year' },
      difficultiesPerCadre: { atLeast: 3, per: 'month' },
    });
    expect(body.pairingRules).toEqual([{ ...programme.pairingRules[0], min: 2, max: 3 }]);
  });
});
