import { describe, expect, it } from 'vitest';
import { createPairingBody, fieldsFor, targetKindFor } from './pairingForm';

const id = '01934f5e-7a00-7000-8000-000000000001';
const programmeId = '01934f5e-7a00-7000-8000-0000000000aa';
const cadre = '01934f5e-7a00-7000-8000-0000000000c1';
const household = '01934f5e-7a00-7000-8000-0000000000h1'.replace('h', 'b');

describe('the pairing form per role shape', () => {
  it('一帮一: a cadre and a household, no lead switch, no round', () => {
    expect(fieldsFor('one_to_one')).toEqual({ helperKind: 'cadre', chooseTargetKind: false, lead: false, round: false });
    expect(
      createPairingBody(id, programmeId, { role: 'one_to_one', helperId: cadre, targetId: household, startOn: '2026-03-01', lead: true }),
    ).toEqual({
      id,
      programmeId,
      role: 'one_to_one',
      helperKind: 'cadre',
      helperId: cadre,
      targetKind: 'household',
      targetId: household,
      startOn: '2026-03-01',
    });
  });

  it('几帮一: asks for the lead and sends it (false when left off)', () => {
    expect(fieldsFor('several_to_one').lead).toBe(true);
    expect(
      createPairingBody(id, programmeId, {
        role: 'several_to_one',
        helperId: cadre,
        targetId: household,
        startOn: '2026-03-01',
        lead: true,
      }).lead,
    ).toBe(true);
    expect(
      createPairingBody(id, programmeId, { role: 'several_to_one', helperId: cadre, targetId: household, startOn: '2026-03-01' }).lead,
    ).toBe(false);
  });

  it('驻村: a cadre posted to a village for a round', () => {
    expect(fieldsFor('resident')).toMatchObject({ helperKind: 'cadre', round: true, chooseTargetKind: false });
    const body = createPairingBody(id, programmeId, {
      role: 'resident',
      helperId: cadre,
      targetId: '433124213209',
      roundNo: 2,
      startOn: '2026-03-01',
    });
    expect(body).toMatchObject({ targetKind: 'village', targetId: '433124213209', roundNo: 2 });
  });

  it('领导挂点: the target kind is chosen (township, village, household, branch); a kind that does not fit falls back', () => {
    expect(fieldsFor('leader_point').chooseTargetKind).toBe(true);
    expect(targetKindFor('leader_point', 'village')).toBe('village');
    expect(targetKindFor('leader_point')).toBe('township');
    expect(targetKindFor('one_to_one', 'village')).toBe('household');
  });

  it('units and branches help as units and branches; the note is trimmed and blank left out', () => {
    expect(
      createPairingBody(id, null, { role: 'unit_village', helperId: cadre, targetId: '433124213209', startOn: '2026-03-01', note: '  ' }),
    ).toEqual({
      id,
      programmeId: null,
      role: 'unit_village',
      helperKind: 'unit',
      helperId: cadre,
      targetKind: 'village',
      targetId: '433124213209',
      startOn: '2026-03-01',
    });
    expect(
      createPairingBody(id, null, {
        role: 'branch_pair',
        helperId: cadre,
        targetId: household,
        startOn: '2026-03-01',
        note: ' 机关支部结对 ',
      }),
    ).toMatchObject({
      helperKind: 'branch',
      targetKind: 'branch',
      note: '机关支部结对',
    });
  });
});
