import { describe, expect, it } from 'vitest';
import { nearness, regionKeys, villageOf } from './nearness.js';
import { defaultRole, handOver, isActiveOn, leaderReachProblem, pairingRoles, pairingShapeProblem, roleShapes, type Pairing } from './rules.js';

const base: Pairing = {
  id: 'p1',
  programmeId: 'prog',
  role: 'one_to_one',
  helperKind: 'cadre',
  helperId: 'c1',
  targetKind: 'household',
  targetId: 'h1',
  lead: true,
  roundNo: null,
  startOn: '2012-03-01',
  endOn: '2012-09-01',
  regionCode: '433124213209',
};

describe('a pairing holds on [startOn, endOn)', () => {
  it('holds from its first day up to the day before its end', () => {
    expect(isActiveOn(base, '2012-02-29')).toBe(false);
    expect(isActiveOn(base, '2012-03-01')).toBe(true);
    expect(isActiveOn(base, '2012-08-31')).toBe(true);
    expect(isActiveOn(base, '2012-09-01')).toBe(false);
    expect(isActiveOn({ ...base, endOn: null }, '2099-01-01')).toBe(true);
  });
});

describe('every form of 结对 is one record with a role', () => {
  it('gives each role a helper kind and the target kinds it may link', () => {
    expect(Object.keys(roleShapes).sort()).toEqual([...pairingRoles].sort());
    expect(roleShapes.branch_pair).toMatchObject({ helper: 'branch', targets: ['branch'] });
    expect(roleShapes.resident).toMatchObject({ helper: 'cadre', targets: ['village'] });
    expect(roleShapes.leader_point.targets).toEqual(['township', 'village', 'household', 'branch']);
  });

  it('refuses shapes the role does not allow', () => {
    expect(pairingShapeProblem(base)).toBeNull();
    expect(pairingShapeProblem({ ...base, role: 'resident' })?.zh).toContain('村（社区）');
    expect(pairingShapeProblem({ ...base, role: 'unit_village' })?.en).toContain('unit');
    expect(pairingShapeProblem({ ...base, endOn: '2012-02-01' })).not.toBeNull();
    expect(pairingShapeProblem({ ...base, endOn: base.startOn })).toBeNull();
    expect(pairingShapeProblem({ ...base, role: 'unit_township', helperKind: 'unit', targetKind: 'township', lead: true })).not.toBeNull();
    expect(pairingShapeProblem({ ...base, role: 'person_to_person', targetKind: 'person' })).toBeNull();
  });

  it('picks the usual role for a helper and target', () => {
    expect(defaultRole('cadre', 'household')).toBe('one_to_one');
    expect(defaultRole('cadre', 'village')).toBe('leader_point');
    expect(defaultRole('cadre', 'village', 'resident')).toBe('resident');
    expect(defaultRole('unit', 'village')).toBe('unit_village');
    expect(defaultRole('unit', 'township')).toBe('unit_township');
    expect(defaultRole('branch', 'branch')).toBe('branch_pair');
    expect(defaultRole('branch', 'household')).toBe('branch_helps');
    expect(defaultRole('unit', 'person')).toBeNull();
  });
});

describe('handover', () => {
  it('ends only the active pairings of the helper and continues them from the same day', () => {
    const past = { ...base, id: 'p0', endOn: '2012-04-01' };
    const other = { ...base, id: 'p2', helperId: 'c9', endOn: null };
    const open = { ...base, id: 'p3', targetId: 'h3', endOn: null };
    const { ended, started } = handOver([past, other, open], { helperKind: 'cadre', helperId: 'c1' }, { helperKind: 'cadre', helperId: 'c2' }, '2012-06-01', '调动交接', () => 'n1');
    expect(ended.map((p) => [p.id, p.endOn])).toEqual([['p3', '2012-06-01']]);
    expect(started).toEqual([{ ...open, id: 'n1', helperId: 'c2', startOn: '2012-06-01', endOn: null, note: '调动交接' }]);
  });
  it('keeps the kind of helper', () => {
    expect(() => handOver([], { helperKind: 'cadre', helperId: 'a' }, { helperKind: 'unit', helperId: 'b' }, '2012-01-01', '', () => 'x')).toThrow();
  });
});

describe('nearness by region-code prefixes', () => {
  it('reads the keys of groups, villages, townships and counties', () => {
    expect(regionKeys('433124213209001')).toEqual(['433124213209001', '433124213209', '433124213', '433124']);
    expect(regionKeys('433124213209')).toEqual(['433124213209', '433124213', '433124']);
    expect(regionKeys('433124213000')).toEqual(['433124213', '433124']);
    expect(regionKeys('433124000000')).toEqual(['433124']);
    expect(regionKeys('bad')).toEqual([]);
    expect(villageOf('433124213209001')).toBe('433124213209');
    expect(villageOf('433124213000')).toBeNull();
  });
  it('orders same group > same village > same township > same county > farther', () => {
    expect(nearness('433124213209001', '433124213209001')).toBe('group');
    expect(nearness('433124213209001', '433124213209002')).toBe('village');
    expect(nearness('433124213000', '433124213209002')).toBe('township');
    expect(nearness('433124102201', '433124213209')).toBe('county');
    expect(nearness('520112100201', '433124213209')).toBe('far');
  });
});

describe('the reach of leaders above the county', () => {
  const sun = { rank: 'city_leader', regionCode: '511800000000' };
  it('lets a city leader link places and households of the city', () => {
    expect(leaderReachProblem(sun, '511827100200')).toBeNull();
    expect(leaderReachProblem(sun, '511827100200001')).toBeNull();
  });
  it('refuses a place of another city or province', () => {
    expect(leaderReachProblem(sun, '433124213209')?.zh).toBe('市级领导只能联系本市（州）的乡镇、村和农户');
    expect(leaderReachProblem({ rank: 'province_leader', regionCode: '510000000000' }, '620723107201')?.zh).toBe('省级领导只能联系本省的乡镇、村和农户');
  });
  it('leaves other helpers free to come from anywhere above', () => {
    expect(leaderReachProblem({ rank: 'section', regionCode: '330000000000' }, '511827100200')).toBeNull();
    expect(leaderReachProblem({ regionCode: '433124000000' }, '511827100200')).toBeNull();
  });
});
