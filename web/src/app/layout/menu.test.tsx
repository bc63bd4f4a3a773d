import { describe, expect, it } from 'vitest';
import { roles } from '../roles';
import { menuFor, selectedKey } from './menu';

const keys = (es: { key: string }[]) => es.map((e) => e.key);

describe('the menu of each role (UX.md)', () => {
  it('gives the system and county administrators the county menu with 工作清单 and 单位/部门', () => {
    const county = [
      'home',
      'worklist',
      'households',
      'cadres',
      'diaryAudit',
      'units',
      'programmes',
      'pairings',
      'regions',
      'users',
      'audit',
      'password',
    ];
    expect(keys(menuFor('county_admin').ready)).toEqual(county);
    expect(keys(menuFor('system_admin').ready)).toEqual(county);
  });

  it('gives the township administrator the township menu with 工作清单', () => {
    expect(keys(menuFor('township_admin').ready)).toEqual([
      'home',
      'worklist',
      'households',
      'cadres',
      'diaryAudit',
      'programmes',
      'pairings',
      'regions',
      'users',
      'audit',
      'password',
    ]);
  });

  it('gives the cadre 记录走访, 民情日记 and their households and villages', () => {
    expect(keys(menuFor('cadre').ready)).toEqual(['home', 'recordVisit', 'diaries', 'myHouseholds', 'myVillages', 'regions', 'password']);
  });

  it('gives the branch secretary the cadre’s menu with 日记查阅 and the branch’s 工作清单', () => {
    expect(keys(menuFor('branch_secretary').ready)).toEqual([
      'home',
      'recordVisit',
      'diaries',
      'diaryReview',
      'myHouseholds',
      'myVillages',
      'worklist',
      'regions',
      'password',
    ]);
  });

  it('gives the unit head the unit’s cadres, households, village pairings and work list (the server narrows them to the unit)', () => {
    const m = menuFor('unit_head');
    expect(keys(m.ready)).toEqual(['home', 'worklist', 'unitCadres', 'households', 'unitPairings', 'regions', 'password']);
    expect(m.ready.find((e) => e.key === 'unitCadres')!.path).toBe('/cadres');
    expect(m.ready.find((e) => e.key === 'unitPairings')!.path).toBe('/pairings');
    expect(keys(m.soon)).toEqual(['assignedProblems', 'unitReports']);
  });

  it('gives the leader what the county reads: 工作清单, 农户, 干部, 结对, 单位 (read only), and no diary', () => {
    const m = menuFor('leader');
    expect(keys(m.ready)).toEqual(['home', 'worklist', 'households', 'cadres', 'pairings', 'units', 'regions', 'password']);
    expect(keys(m.ready)).not.toContain('diaries');
    expect(keys(m.soon)).toEqual(['reports', 'dashboard']);
  });

  it('puts 工作清单 in the menu of everyone the work list serves', () => {
    expect(roles.filter((r) => keys(menuFor(r).ready).includes('worklist'))).toEqual([
      'system_admin',
      'county_admin',
      'township_admin',
      'branch_secretary',
      'unit_head',
      'leader',
    ]);
  });

  it('keeps what is not built greyed, never twice', () => {
    for (const role of roles) {
      const { ready, soon } = menuFor(role);
      expect(
        keys(soon).filter((k) => keys(ready).includes(k)),
        role,
      ).toEqual([]);
      expect(
        soon.every((e) => e.path === ''),
        role,
      ).toBe(true);
    }
    expect(keys(menuFor('township_admin').soon)).toContain('problems');
  });

  it('selects the entry a page belongs to', () => {
    expect(selectedKey('/households/019b76da-a800-7d2e-b421-9a4a8ab75143')).toBe('households');
    expect(selectedKey('/imports', '?kind=cadres')).toBe('cadres');
    expect(selectedKey('/imports', '?kind=households&job=x')).toBe('households');
    expect(selectedKey('/units')).toBe('units');
    expect(selectedKey('/visits/new')).toBe('recordVisit');
    expect(selectedKey('/diaries/019b76da-a800-7d2e-b421-9a4a8ab75143')).toBe('diaries');
    expect(selectedKey('/reviews/019b76da-a800-7d2e-b421-9a4a8ab75143')).toBe('diaryReview');
    expect(selectedKey('/programmes/019b76da-a800-7d2e-b421-9a4a8ab75143')).toBe('programmes');
    expect(selectedKey('/my/households')).toBe('myHouseholds');
    expect(selectedKey('/nowhere')).toBe('home');
    expect(selectedKey('/cadres/019b76da-a800-7d2e-b421-9a4a8ab75143', '', 'unit_head')).toBe('unitCadres');
    expect(selectedKey('/pairings', '', 'unit_head')).toBe('unitPairings');
    expect(selectedKey('/worklists', '', 'leader')).toBe('worklist');
  });
});
