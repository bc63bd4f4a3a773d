import { describe, expect, it } from 'vitest';
import { idNumber } from './testing.js';
import {
  pairingColumns,
  parsePairingCells,
  resolvePairingRow,
  roundCell,
  settlePairings,
  type PairingCells,
  type PairingContext,
  type PairingRef,
  type PairingValue,
} from './pairing-rows.js';
import { RegionIndex } from './region-names.js';

const today = new Date('2025-06-01T00:00:00Z');
const cells = (c: Partial<PairingCells>): PairingCells =>
  Object.fromEntries(pairingColumns.map((col) => [col.key, c[col.key] ?? null])) as PairingCells;
const base = { programme: '联户带创', role: '一帮一', helper: '麻春花', target: '龙文斌', startOn: '2025-03-01' };

const JIJIU = '433124213209';
const DAKA = '433124213201';
const regions = new RegionIndex(
  [
    { code: '433124213000', name: '补抽乡', level: 'township', parentCode: '433124000000', expired: false },
    { code: JIJIU, name: '吉久村', level: 'village', parentCode: '433124213000', expired: false },
    { code: DAKA, name: '大卡村', level: 'village', parentCode: '433124213000', expired: false },
  ],
  '433124213',
);
const P = '0190a000-0000-7000-8000-000000000001';
const ids = { ma: idNumber('19680920', 4, 'female'), long: idNumber('19720315', 1), far: idNumber('19800808', 6) };
const hh = (id: string, headName: string, regionCode = JIJIU, status = 'active') => ({ id, headName, regionCode, status });
const ctx: PairingContext = {
  programmes: [
    {
      id: P,
      name: '联户带创',
      startOn: '2025-01-01',
      endOn: '2026-01-01',
      status: 'active',
      rounds: [{ no: 2, startOn: '2025-01-01', endOn: '2025-07-01' }],
    },
  ],
  cadres: new Map([
    ['麻春花', [{ id: 'c-ma', name: '麻春花', idNumber: ids.ma, phone: '13974300001', status: 'active' }]],
    [
      '石金',
      [
        { id: 'c-shi1', name: '石金', idNumber: null, phone: '13974300002', status: 'active' },
        { id: 'c-shi2', name: '石金', idNumber: null, phone: '13974300003', status: 'active' },
      ],
    ],
    ['吴走了', [{ id: 'c-wu', name: '吴走了', idNumber: null, phone: null, status: 'left' }]],
  ]),
  units: new Map([['县农业局', [{ id: 'u-ag', name: '县农业局', regionCode: '433124000000', status: 'active' }]]]),
  branches: new Map([['吉久村党支部', [{ id: 'b-jj', name: '吉久村党支部', regionCode: JIJIU, status: 'active' }]]]),
  householdsByIdNumber: new Map([
    [ids.long, { ...hh('h-long', '龙文斌'), memberName: '龙文斌' }],
    [ids.far, { ...hh('h-far', '田远', '433124206201'), memberName: '田远' }],
  ]),
  householdsByHead: new Map([
    ['龙文斌', [hh('h-long', '龙文斌')]],
    ['石大卡', [hh('h-sd1', '石大卡', DAKA), hh('h-sd2', '石大卡', JIJIU)]],
    ['麻迁走', [hh('h-gone', '麻迁走', JIJIU, 'moved')]],
  ]),
  regions,
  scopePrefix: '433124213',
};

const ref = (more: Partial<PairingRef> = {}): PairingRef => ({
  programme: '联户带创',
  role: 'one_to_one',
  helper: '麻春花',
  helperKey: null,
  target: '龙文斌',
  targetIdNumber: null,
  township: null,
  lead: null,
  roundNo: null,
  startOn: '2025-03-01',
  note: null,
  ...more,
});
const problemsOf = (r: PairingRef) => resolvePairingRow(r, ctx).problems.map((p) => `${p.column}:${p.zh}`);

describe('reading a pairing row', () => {
  it('reads the cells a clerk types: role labels and synonyms, 是/否, rounds, dates', () => {
    const r = parsePairingCells(
      cells({
        ...base,
        role: '几帮一',
        lead: '是',
        round: '第二轮',
        startOn: '2025/3/1',
        helperKey: ' 139 7430 0001 ',
        targetIdNumber: ids.long.toLowerCase(),
      }),
      today,
    );
    expect(r.problems).toEqual([]);
    expect(r.ref).toMatchObject({
      role: 'several_to_one',
      lead: true,
      roundNo: 2,
      startOn: '2025-03-01',
      helperKey: '13974300001',
      targetIdNumber: ids.long,
    });
    expect(parsePairingCells(cells({ ...base, role: '驻村帮扶' }), today).ref?.role).toBe('resident');
    expect(parsePairingCells(cells(base), today).ref?.lead).toBeNull();
    expect(roundCell('round', 3)).toEqual({ ok: true, value: 3 });
    expect(roundCell('round', '第0轮').ok).toBe(false);
  });

  it('names the column of each bad cell', () => {
    const r = parsePairingCells(
      cells({
        role: '三帮一',
        helper: null,
        target: '龙文斌',
        lead: '也许',
        round: 'x',
        startOn: '2025-13-01',
        targetIdNumber: 433124197203150000,
      }),
      today,
    );
    expect(r.ref).toBeNull();
    expect(r.problems.map((p) => p.column).sort()).toEqual(
      ['helper', 'lead', 'programme', 'role', 'round', 'startOn', 'targetIdNumber'].sort(),
    );
    expect(parsePairingCells(cells({ ...base, role: '人帮人' }), today).problems[0]).toMatchObject({
      column: 'role',
      zh: expect.stringContaining('逐个登记'),
    });
    expect(parsePairingCells(cells({ ...base, startOn: null }), today).problems).toEqual([
      expect.objectContaining({ column: 'startOn', zh: '必填' }),
    ]);
  });
});

describe('finding what a row names', () => {
  it('pairs a cadre with a household by head name, or by ID number', () => {
    expect(resolvePairingRow(ref(), ctx)).toEqual({
      value: {
        programmeId: P,
        role: 'one_to_one',
        helperKind: 'cadre',
        helperId: 'c-ma',
        targetKind: 'household',
        targetId: 'h-long',
        regionCode: JIJIU,
        lead: null,
        roundNo: null,
        startOn: '2025-03-01',
        note: null,
      },
      problems: [],
    });
    expect(resolvePairingRow(ref({ targetIdNumber: ids.long, programme: P }), ctx).value?.targetId).toBe('h-long');
  });

  it('refuses unknown and ambiguous cadres, and tells same-named ones apart by phone or ID number', () => {
    expect(problemsOf(ref({ helper: '张三' }))).toEqual([expect.stringMatching(/^helper:没有名为“张三”的干部/)]);
    expect(problemsOf(ref({ helper: '石金' }))).toEqual([expect.stringMatching(/^helper:有 2 名干部叫“石金”/)]);
    expect(resolvePairingRow(ref({ helper: '石金', helperKey: '13974300003' }), ctx).value?.helperId).toBe('c-shi2');
    expect(problemsOf(ref({ helper: '石金', helperKey: '13900000000' }))).toEqual([expect.stringMatching(/^helperKey:/)]);
    expect(problemsOf(ref({ helper: '吴走了' }))).toEqual([expect.stringMatching(/^helper:.*已调离/)]);
  });

  it('refuses unknown, ambiguous, gone and out-of-scope households, and a name that does not match the ID number', () => {
    expect(problemsOf(ref({ target: '无此人' }))).toEqual([expect.stringMatching(/^target:您的管辖范围内没有户主名为/)]);
    expect(problemsOf(ref({ target: '石大卡' }))).toEqual([expect.stringMatching(/^target:有 2 户户主名为/)]);
    expect(resolvePairingRow(ref({ target: '石大卡', township: '补抽乡' }), ctx).problems).toHaveLength(1);
    expect(problemsOf(ref({ target: '麻迁走' }))).toEqual([expect.stringMatching(/^target:该户已迁出/)]);
    expect(problemsOf(ref({ target: '田远', targetIdNumber: ids.far }))).toEqual(['targetIdNumber:该户不在您的管辖范围内']);
    expect(problemsOf(ref({ target: '龙小军', targetIdNumber: ids.long }))).toEqual([expect.stringMatching(/^target:与身份证号不符/)]);
    expect(problemsOf(ref({ targetIdNumber: ids.ma }))).toEqual(['targetIdNumber:系统中没有此身份证号的农户成员']);
  });

  it('checks the programme, its period and the round', () => {
    expect(problemsOf(ref({ programme: '挂包帮' }))).toEqual([expect.stringMatching(/^programme:没有名为“挂包帮”的活动/)]);
    expect(problemsOf(ref({ startOn: '2024-12-31' }))).toEqual([expect.stringMatching(/^startOn:开始日期应在活动期间内/)]);
    expect(problemsOf(ref({ roundNo: 3 }))).toEqual(['round:活动没有第 3 轮']);
    expect(problemsOf(ref({ roundNo: 2, startOn: '2025-08-01' }))).toEqual([expect.stringMatching(/^startOn:开始日期应在第 2 轮期间内/)]);
    const closed = { ...ctx, programmes: ctx.programmes.map((p) => ({ ...p, status: 'closed' })) };
    expect(resolvePairingRow(ref(), closed).problems[0]).toMatchObject({ column: 'programme', zh: '活动已结束，不能再结对' });
  });

  it('finds the target the role asks for: villages for units and residents, branches for branches; a lead only for households', () => {
    expect(resolvePairingRow(ref({ role: 'unit_village', helper: '县农业局', target: '吉久村' }), ctx).value).toMatchObject({
      helperKind: 'unit',
      helperId: 'u-ag',
      targetKind: 'village',
      targetId: JIJIU,
    });
    expect(resolvePairingRow(ref({ role: 'resident', target: '吉久村', roundNo: 2 }), ctx).value).toMatchObject({
      targetKind: 'village',
      roundNo: 2,
    });
    expect(problemsOf(ref({ role: 'resident', target: '龙文斌' }))).toEqual([
      expect.stringMatching(/^target:您的管辖范围内没有名为“龙文斌”的村/),
    ]);
    expect(problemsOf(ref({ role: 'unit_village', helper: '麻春花', target: '吉久村' }))).toEqual([
      expect.stringMatching(/^helper:没有名为“麻春花”的单位/),
    ]);
    expect(problemsOf(ref({ role: 'resident', target: '吉久村', lead: true }))).toEqual([
      expect.stringMatching(/^lead:只有农户或个人的帮扶才有牵头联系人/),
    ]);
    expect(resolvePairingRow(ref({ role: 'leader_point', target: '大卡村' }), ctx).value).toMatchObject({
      targetKind: 'village',
      targetId: DAKA,
    });
    expect(resolvePairingRow(ref({ role: 'leader_point', target: '吉久村党支部' }), ctx).value).toMatchObject({
      targetKind: 'branch',
      targetId: 'b-jj',
    });
    expect(resolvePairingRow(ref({ role: 'leader_point', target: '龙文斌' }), ctx).value).toMatchObject({
      targetKind: 'household',
      targetId: 'h-long',
    });
  });
});

describe('settling rows against the register and each other', () => {
  const v = (helperId: string, more: Partial<PairingValue> = {}): PairingValue => ({
    programmeId: P,
    role: 'several_to_one',
    helperKind: 'cadre',
    helperId,
    targetKind: 'household',
    targetId: 'h-long',
    regionCode: JIJIU,
    lead: null,
    roundNo: null,
    startOn: '2025-03-01',
    note: null,
    ...more,
  });
  const open = (helperId: string, lead: boolean) => ({
    programmeId: P,
    helperKind: 'cadre' as const,
    helperId,
    targetKind: 'household' as const,
    targetId: 'h-long',
    lead,
  });

  it('leaves an existing pair unchanged and refuses the same pair twice in the sheet', () => {
    const s = settlePairings(
      [
        { row: 2, value: v('a') },
        { row: 3, value: v('b') },
        { row: 4, value: v('b') },
      ],
      [open('a', true)],
    );
    expect(s[0]).toEqual({ row: 2, outcome: 'unchanged' });
    expect(s[1]).toEqual({ row: 3, outcome: 'create', lead: false });
    expect(s[2]).toMatchObject({ row: 4, outcome: 'problem', problem: { column: 'helper', zh: expect.stringContaining('与第 3 行重复') } });
  });

  it('reports a pair twice in the sheet the same way whether it is already paired or not (a re-import)', () => {
    const first = settlePairings(
      [
        { row: 2, value: v('b') },
        { row: 3, value: v('b') },
      ],
      [],
    );
    const again = settlePairings(
      [
        { row: 2, value: v('b') },
        { row: 3, value: v('b') },
      ],
      [open('b', true)],
    );
    expect(first[1]).toMatchObject({ row: 3, outcome: 'problem', problem: { zh: expect.stringContaining('与第 2 行重复') } });
    expect(again[0]).toEqual({ row: 2, outcome: 'unchanged' });
    expect(again[1]).toEqual(first[1]);
  });

  it('gives a 几帮一 household one lead: the first helper by default, a second 是 refused', () => {
    const s = settlePairings(
      [
        { row: 2, value: v('a') },
        { row: 3, value: v('b', { lead: true }) },
        { row: 4, value: v('c') },
      ],
      [],
    );
    expect(s.map((x) => (x.outcome === 'create' ? x.lead : x.outcome))).toEqual([true, 'problem', false]);
    expect(s[1]).toMatchObject({ problem: { column: 'lead', zh: expect.stringContaining('第 2 行已是该户的牵头联系人') } });
    const named = settlePairings(
      [
        { row: 2, value: v('a', { lead: false }) },
        { row: 3, value: v('b', { lead: true }) },
      ],
      [],
    );
    expect(named.map((x) => (x.outcome === 'create' ? x.lead : x.outcome))).toEqual([false, true]);
    expect(settlePairings([{ row: 2, value: v('b', { lead: true }) }], [open('a', true)])[0]).toMatchObject({
      outcome: 'problem',
      problem: { zh: expect.stringContaining('该户已有牵头联系人') },
    });
  });
});
