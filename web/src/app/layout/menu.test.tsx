import { describe, expect, it } from 'vitest';
import { roles } from '../roles';
import { menuFor, selectedKey } from './menu';

const keys = (es: { key: string }[]) => es.map((e) => e.key);

describe('the menu of each role (UX.md)', () => {
  it('gives administrators 农户 and 干部, and the county 单位/部门 as well', () => {
    expect(keys(menuFor('township_admin').ready)).toEqual([
      'home',
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
    expect(keys(menuFor('county_admin').ready)).toEqual([
      'home',
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
    ]);
  });

  it('gives cadres 记录走访 and 民情日记, and the branch secretary 日记查阅 as well', () => {
    expect(keys(menuFor('cadre').ready)).toEqual(['home', 'recordVisit', 'diaries', 'myHouseholds', 'myVillages', 'regions', 'password']);
    expect(keys(menuFor('branch_secretary').ready)).toEqual([
      'home',
      'recordVisit',
      'diaries',
      'diaryReview',
      'myHouseholds',
      'myVillages',
      'regions',
      'password',
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
  });
});
