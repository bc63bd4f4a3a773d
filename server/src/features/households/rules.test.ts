import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/roles.js';
import { idNumber, withBadCheck } from './fixtures.js';
import { builtInCategories, builtInPovertyCauses } from './labels.js';
import {
  catalogCode,
  checkMemberIdentity,
  divideRounded,
  headProblem,
  householdRegionProblem,
  incomeTotals,
  maskPerson,
  mayEditRegistry,
  maySeePersonalData,
  repeatedIdNumbers,
  sameItems,
  statusChangeProblem,
} from './rules.js';
import { describeRegistryEntry, yuan } from './timeline-rules.js';

describe('personal data', () => {
  it('shows ID numbers and phones in full to administrators only', () => {
    const full = roles.filter(maySeePersonalData);
    expect(full).toEqual(['system_admin', 'county_admin', 'township_admin']);
  });

  it('lets administrators and the village secretary keep the registry', () => {
    expect(roles.filter(mayEditRegistry)).toEqual(['system_admin', 'county_admin', 'township_admin', 'branch_secretary']);
  });

  it('masks the ID number and phone unless shown in full', () => {
    const row = { name: '石金林', idNumber: '433124196503120015', phone: '13907431234' };
    expect(maskPerson(row, false)).toEqual({ name: '石金林', idNumber: '433124********0015', phone: '139****1234' });
    expect(maskPerson(row, true)).toBe(row);
    expect(maskPerson({ idNumber: null, phone: null }, false)).toEqual({ idNumber: null, phone: null });
  });
});

describe('members', () => {
  const id = idNumber('19650312', 7, 'male');

  it('fills birth date and sex from a valid ID number', () => {
    expect(checkMemberIdentity({ idNumber: id.toLowerCase() })).toEqual({
      problems: [],
      idNumber: id,
      sex: 'male',
      birthDate: '1965-03-12',
    });
    expect(checkMemberIdentity({ sex: 'female' })).toEqual({ problems: [], idNumber: null, sex: 'female', birthDate: null });
  });

  it('names the GB 11643 problem, and a birth date or sex that disagree', () => {
    expect(checkMemberIdentity({ idNumber: withBadCheck(id) }).problems.map((p) => p.path)).toEqual(['idNumber']);
    expect(checkMemberIdentity({ idNumber: '4331241965' }).problems[0]!.message.zh).toContain('18 位');
    const disagree = checkMemberIdentity({ idNumber: id, birthDate: '1965-03-13', sex: 'female' });
    expect(disagree.problems.map((p) => p.path)).toEqual(['birthDate', 'sex']);
    expect(disagree.problems[0]!.message.zh).toContain('1965-03-12');
  });

  it('wants exactly one head, and no ID number twice in a request', () => {
    expect(headProblem([{ relation: 'head' }, { relation: 'spouse' }])).toBeNull();
    expect(headProblem([{ relation: 'spouse' }])!.zh).toBe('请指定户主');
    expect(headProblem([{ relation: 'head' }, { relation: 'head' }])!.zh).toBe('每户只能有一位户主');
    expect(repeatedIdNumbers(['a', null, 'b', 'a', null])).toEqual([
      { path: 'members.3.idNumber', message: { zh: '与第 1 位成员的身份证号重复', en: 'Same ID number as member 1' } },
    ]);
  });

  it('places households in villages and groups only', () => {
    expect(householdRegionProblem('village')).toBeNull();
    expect(householdRegionProblem('group')).toBeNull();
    expect(householdRegionProblem('township')).not.toBeNull();
  });
});

describe('household status', () => {
  it('needs a change, and a household to merge into that is not itself', () => {
    expect(statusChangeProblem('active', 'moved', undefined, 'a')).toBeNull();
    expect(statusChangeProblem('active', 'active', undefined, 'a')!.path).toBe('status');
    expect(statusChangeProblem('active', 'merged', undefined, 'a')!.path).toBe('mergedIntoId');
    expect(statusChangeProblem('active', 'merged', 'a', 'a')!.path).toBe('mergedIntoId');
    expect(statusChangeProblem('active', 'dissolved', 'b', 'a')!.path).toBe('mergedIntoId');
    expect(statusChangeProblem('active', 'merged', 'b', 'a')).toBeNull();
  });
});

describe('per-capita net income (人均纯收入)', () => {
  it('computes seed 001: 2500 yuan in one year, 3500 yuan the next, for a household of four', () => {
    const y1 = incomeTotals(
      [
        { kind: 'income', amountFen: 1_400_000 },
        { kind: 'cost', amountFen: 400_000 },
      ],
      4,
    );
    expect(y1).toEqual({ incomeFen: 1_400_000, costFen: 400_000, perCapitaNetFen: 250_000 });
    const y2 = incomeTotals(
      [
        { kind: 'income', amountFen: 1_000_000 },
        { kind: 'income', amountFen: 800_000 },
        { kind: 'cost', amountFen: 400_000 },
      ],
      4,
    );
    expect(y2.perCapitaNetFen).toBe(350_000);
    expect(yuan(y2.perCapitaNetFen)).toBe('3500.00');
  });

  it('rounds to the fen, half away from zero, losses like gains', () => {
    expect(divideRounded(1_000_000, 3)).toBe(333_333);
    expect(divideRounded(2_000_000, 3)).toBe(666_667);
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(-1_000_000, 3)).toBe(-333_333);
    expect(incomeTotals([{ kind: 'cost', amountFen: 100 }], 3).perCapitaNetFen).toBe(-33);
    expect(() => incomeTotals([], 0)).toThrow();
    expect(() => divideRounded(1.5, 2)).toThrow();
  });

  it('knows a retried entry', () => {
    const a = [{ kind: 'income' as const, category: 'wages' as const, amountFen: 1 }];
    expect(sameItems(a, [{ ...a[0]! }])).toBe(true);
    expect(sameItems(a, [{ ...a[0]!, amountFen: 2 }])).toBe(false);
    expect(sameItems(a, [])).toBe(false);
  });
});

describe('the catalogue', () => {
  it('makes codes from pinyin initials, unique by a number', () => {
    expect(catalogCode('zcdh', new Set())).toBe('zcdh');
    expect(catalogCode('zcdh', new Set(['zcdh', 'zcdh2']))).toBe('zcdh3');
    expect(catalogCode('123', new Set())).toBe('c123');
  });

  it('ships every built-in entry of labels.ts in the catalogue migrations', () => {
    const dir = path.resolve(import.meta.dirname, '../../db/migrations');
    const sql = ['0003_catalog.sql', '0004_programmes_pairings.sql'].map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    for (const c of [...builtInCategories, ...builtInPovertyCauses]) expect(sql).toContain(`'${c.code}', '${c.zh}'`);
  });
});

describe('the timeline of the registry', () => {
  it('says what each audited change meant', () => {
    expect(describeRegistryEntry({ action: 'create', entityType: 'household', before: null, after: { members: [{}, {}] } })).toEqual({
      kind: 'household_created',
      summary: { zh: '登记建档，2 口人', en: 'Registered with 2 members' },
    });
    expect(
      describeRegistryEntry({
        action: 'status',
        entityType: 'household',
        before: {},
        after: { status: 'moved', on: '2025-03-01', membersLeft: [{}] },
      }),
    ).toEqual({
      kind: 'status_changed',
      summary: { zh: '已迁出，1 名成员随户离开', en: 'Moved; 1 member left with it' },
      on: '2025-03-01',
    });
    expect(
      describeRegistryEntry({ action: 'update', entityType: 'household', before: {}, after: { categories: [], landMu: '1' } })!.summary.zh,
    ).toBe('修改户信息：农户类别、耕地');
    expect(describeRegistryEntry({ action: 'view_personal', entityType: 'household', before: null, after: null })).toBeNull();
    expect(
      describeRegistryEntry({ action: 'create', entityType: 'member', before: null, after: { name: '石小龙', relation: 'grandchild' } })!
        .summary.zh,
    ).toBe('新增成员：石小龙（孙子女）');
    expect(
      describeRegistryEntry({ action: 'update', entityType: 'member', before: { name: '石文斌' }, after: { relation: 'head' } }),
    ).toEqual({ kind: 'head_changed', summary: { zh: '石文斌成为户主', en: '石文斌 became the head' } });
    expect(
      describeRegistryEntry({
        action: 'status',
        entityType: 'member',
        before: {},
        after: { name: '石金林', status: 'deceased', on: '2025-02-10' },
      }),
    ).toMatchObject({ kind: 'member_deceased', on: '2025-02-10', summary: { zh: '石金林已故' } });
    expect(
      describeRegistryEntry({
        action: 'create',
        entityType: 'household_income',
        before: null,
        after: { year: 2024, perCapitaNetFen: 250000 },
      })!.summary.zh,
    ).toBe('登记 2024 年收入：人均纯收入 2500.00 元');
    expect(describeRegistryEntry({ action: 'create', entityType: 'visit', before: null, after: {} })).toBeNull();
  });
});
