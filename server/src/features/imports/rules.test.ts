import { describe, expect, it } from 'vitest';
import { mapHeader } from '../../platform/excel.js';
import { builtInCategories, builtInPovertyCauses } from '../households/labels.js';
import { cadreColumns, NamedIndex, parseCadreRow, type CadreCells } from './cadre-rows.js';
import { HouseholdTracker, householdColumns, parseHouseholdRow, type HouseholdCells } from './household-rows.js';
import { RegionIndex, type RegionEntry } from './region-names.js';
import { codedCell, dateCell, decimalCell, idNumberCell, idNumberOf, labelLookup, listCell, nameCell, normGroupName, phoneCell, yesNoCell } from './rules.js';
import { idNumber } from './testing.js';
import { relationLabels } from '../households/labels.js';
import { initialsOf } from '../regions/rules.js';
import { pickName } from '../../demo/names.js';
import { demoRng } from '../../demo/random.js';
import { bulkIds, nameInitials } from './run.js';

const today = new Date('2024-06-01T00:00:00Z');
const value = <T>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : 'BAD');
const why = (p: { ok: boolean; problem?: { zh: string } }) => (p.ok ? null : p.problem!.zh);

const regionList: RegionEntry[] = [
  { code: '433124213000', name: '补抽乡', level: 'township', parentCode: '433124000000', expired: false },
  { code: '433124213209', name: '吉久村', level: 'village', parentCode: '433124213000', expired: false },
  { code: '433124213209001', name: '一组', level: 'group', parentCode: '433124213209', expired: false },
  { code: '433124213208', name: '补抽村', level: 'village', parentCode: '433124213000', expired: false },
  { code: '433124213211', name: '老寨村', level: 'village', parentCode: '433124213000', expired: true },
  { code: '433124206000', name: '猫儿乡', level: 'township', parentCode: '433124000000', expired: false },
  { code: '433124206208', name: '补抽村', level: 'village', parentCode: '433124206000', expired: false },
];
const county = new RegionIndex(regionList, '433124');
const township = new RegionIndex(regionList.filter((r) => r.code.startsWith('433124213')), '433124213');

describe('cells', () => {
  it('checks ID numbers, and says so when Excel turned one into a number', () => {
    expect(value(idNumberCell('idNumber', ` ${idNumber('19720315', 1).toLowerCase()} `, today))).toBe(idNumber('19720315', 1));
    expect(why(idNumberCell('idNumber', 433124197203150000, today))).toContain('存成了数字');
    const good = idNumber('19720315', 1);
    expect(why(idNumberCell('idNumber', good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), today))).toContain('校验位');
    expect(why(idNumberCell('idNumber', '43312419720230001X', today))).toContain('出生日期');
  });
  it('reads full-width digits and names the real cause of a malformed ID number', () => {
    const good = idNumber('19720315', 1);
    const wide = good.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect(value(idNumberOf('idNumber', wide, today))).toMatchObject({ idNumber: good });
    expect(value(idNumberCell('idNumber', wide, today))).toBe(good);
    expect(why(idNumberCell('idNumber', '4.33124E+17', today))).toContain('科学计数法');
    expect(why(idNumberCell('idNumber', good.slice(0, 17), today))).toBe('身份证号只有 17 位，应为 18 位');
    expect(why(idNumberCell('idNumber', good + '1', today))).toBe('身份证号有 19 位，应为 18 位');
    expect(why(idNumberCell('idNumber', good.slice(0, 6) + '-' + good.slice(7), today))).toContain('“-”');
  });
  it('holds names and addresses to the rules the forms use', () => {
    expect(why(nameCell('name', '龙', true))).toBe('姓名至少 2 个字');
    expect(why(nameCell('name', '龙'.repeat(21), true))).toBe('姓名不超过 20 个字');
    expect(value(nameCell('name', '龙文斌', true))).toBe('龙文斌');
  });
  it('reads dates as clerks type them, and Excel dates', () => {
    for (const v of ['1985-03-12', '1985/3/12', '1985.03.12', '19850312', '1985年3月12日', 31118]) expect(value(dateCell('d', v, today)), String(v)).toBe('1985-03-12');
    expect(why(dateCell('d', '1985-02-30', today))).toContain('格式');
    expect(why(dateCell('d', '2030-01-01', today))).toContain('范围');
    expect(value(dateCell('d', null, today))).toBeNull();
  });
  it('takes mobiles and landlines, with stray spaces', () => {
    expect(value(phoneCell('p', '139 0743 1234'))).toBe('13907431234');
    expect(value(phoneCell('p', 13907431234))).toBe('13907431234');
    expect(value(phoneCell('p', '0743-7221234'))).toBe('0743-7221234');
    expect(why(phoneCell('p', '12345'))).toContain('电话');
  });
  it('reads numbers, yes/no and coded values by their Chinese labels', () => {
    expect(value(decimalCell('l', '3.456'))).toBe('3.46');
    expect(why(decimalCell('l', '三亩'))).toContain('数字');
    expect(value(yesNoCell('y', '是'))).toBe(true);
    expect(value(yesNoCell('y', null))).toBe(false);
    expect(why(yesNoCell('y', '也许'))).toContain('是');
    expect(value(codedCell('r', '户主', relationLabels))).toBe('head');
    expect(value(codedCell('r', 'spouse', relationLabels))).toBe('spouse');
    expect(why(codedCell('r', '邻居', relationLabels))).toContain('“邻居”不是可选的值');
  });
  it('splits several categories in one cell', () => {
    const lookup = labelLookup(builtInCategories);
    expect(value(listCell('c', '贫困户、信访户', lookup, '农户类别'))).toEqual(['petitioner', 'poor']);
    expect(value(listCell('c', '贫困户,poor；信访户', lookup, '农户类别'))).toEqual(['petitioner', 'poor']);
    expect(why(listCell('c', '贫困户、富裕户', lookup, '农户类别'))).toBe('没有这样的农户类别：富裕户');
  });
  it('treats 1组, 第一组 and 一组 as one name', () => {
    expect(['1组', '第1组', '第一组', '一组'].map(normGroupName)).toEqual(['一组', '一组', '一组', '一组']);
    expect(normGroupName('12组')).toBe('十二组');
    expect(normGroupName('21社')).toBe('二十一社');
  });
  it('finds the header whatever the spacing, brackets or asterisks', () => {
    const { index, missing } = mapHeader(['*姓名', '身份证号码', ' 与户主的关系 ', '耕地面积（亩）', '村（社区）', '户主姓名'], householdColumns);
    expect(missing).toEqual([]);
    expect(index.get('landMu')).toBe(3);
    expect(mapHeader(['姓名'], householdColumns).missing.map((c) => c.header)).toEqual(['村', '户主姓名', '与户主关系', '身份证号']);
  });
});

describe('lookups made once and remembered', () => {
  it('takes a coded value by Chinese label, code or English in any case, the first label winning', () => {
    const labels = { a: { zh: '甲', en: 'B' }, b: { zh: 'B', en: 'Bee' }, c: { zh: '丙', en: 'Sea' } };
    expect(value(codedCell('x', '甲', labels))).toBe('a');
    expect(value(codedCell('x', 'c', labels))).toBe('c');
    expect(value(codedCell('x', 'SEA', labels))).toBe('c');
    expect(value(codedCell('x', 'b', labels))).toBe('a'); // 'b' is label a's English (any case) before label b's code
    expect(value(codedCell('x', 'B', labels))).toBe('a');
    expect(why(codedCell('x', '丁', labels))).toBe('“丁”不是可选的值，可填：甲、B、丙');
  });

  it('answers a list cell the same the second time, with an array of its own', () => {
    const lookup = labelLookup([...builtInCategories]);
    const first = listCell('categories', '贫困户、信访户', lookup, '农户类别');
    const second = listCell('categories', '贫困户、信访户', lookup, '农户类别');
    expect(second).toEqual(first);
    if (first.ok && second.ok) {
      first.value.push('changed');
      expect(second.value).not.toContain('changed');
    }
    expect(why(listCell('categories', '富户', lookup, '农户类别'))).toBe(why(listCell('categories', '富户', lookup, '农户类别')));
  });

  it('resolves a place the same the second time, by name or code', () => {
    const index = new RegionIndex(regionList.filter((r) => r.code.startsWith('433124213')), '433124213');
    for (let i = 0; i < 2; i++) {
      expect(index.resolve({ township: null, village: '吉久村', group: '一组' }, 'village')).toEqual({ ok: true, code: '433124213209001', level: 'group' });
      expect(index.resolve({ township: null, village: 433124213209, group: null }, 'village')).toEqual({ ok: true, code: '433124213209', level: 'village' });
      expect(index.resolve({ township: null, village: '吉九村', group: null }, 'village')).toMatchObject({ ok: false });
    }
  });
});

describe('region names within a scope', () => {
  it('finds a village and group by name or code', () => {
    expect(township.resolve({ township: null, village: '吉久村', group: '1组' }, 'village')).toEqual({ ok: true, code: '433124213209001', level: 'group' });
    expect(township.resolve({ township: '补抽乡', village: '433124213209', group: null }, 'village')).toMatchObject({ ok: true, code: '433124213209' });
  });
  it('does not find what is outside the scope', () => {
    expect(township.resolve({ township: null, village: '433124206208', group: null }, 'village')).toMatchObject({ ok: false, problem: { column: 'village', zh: '村（社区）代码 433124206208 不在您的管辖范围内' } });
    expect(township.resolve({ township: '猫儿乡', village: '补抽村', group: null }, 'village')).toMatchObject({ ok: false, problem: { column: 'township' } });
  });
  it('asks for the township when two villages share a name', () => {
    const r = county.resolve({ township: null, village: '补抽村', group: null }, 'village');
    expect(r).toMatchObject({ ok: false, problem: { zh: expect.stringContaining('有 2 个名为“补抽村”') } });
    expect(county.resolve({ township: '补抽乡', village: '补抽村', group: null }, 'village')).toMatchObject({ ok: true, code: '433124213208' });
  });
  it('refuses a merged village and an unknown group', () => {
    expect(township.resolve({ township: null, village: '老寨村', group: null }, 'village')).toMatchObject({ ok: false, problem: { zh: expect.stringContaining('已撤并') } });
    expect(township.resolve({ township: null, village: '吉久村', group: '九组' }, 'village')).toMatchObject({ ok: false, problem: { column: 'group', zh: '吉久村没有名为“九组”的组（社）' } });
    expect(township.resolve({ township: null, village: null, group: null }, 'village')).toMatchObject({ ok: false, problem: { column: 'village', zh: '必填' } });
  });
});

const ctx = { regions: township, categories: labelLookup(builtInCategories), causes: labelLookup(builtInPovertyCauses), today };
const cells = (c: Partial<HouseholdCells>): HouseholdCells => Object.fromEntries(householdColumns.map((col) => [col.key, c[col.key] ?? null])) as HouseholdCells;
const head = { householdNo: '001', village: '吉久村', headName: '龙文斌', relation: '户主', name: '龙文斌', idNumber: idNumber('19720315', 1) };

describe('a households+members row', () => {
  it('reads a member, taking sex and birth date from the ID number', () => {
    const r = parseHouseholdRow(cells({ ...head, categories: '贫困户', landMu: 2 }), ctx);
    expect(r.problems).toEqual([]);
    expect(r.value.member).toMatchObject({ name: '龙文斌', relation: 'head', sex: 'male', birthDate: '1972-03-15', isPartyMember: false });
    expect(r.value.household).toEqual({ regionCode: '433124213209', categories: ['poor'], landMu: '2.00' });
  });
  it('names each bad cell', () => {
    const r = parseHouseholdRow(cells({ ...head, sex: '女', birthDate: '1972-03-16', phone: '123', relation: '邻居', idNumber: null }), ctx);
    expect(r.problems.map((p) => p.column).sort()).toEqual(['idNumber', 'phone', 'relation']);
    const s = parseHouseholdRow(cells({ ...head, sex: '女', birthDate: '1972-03-16' }), ctx);
    expect(s.problems.map((p) => `${p.column} ${p.zh}`)).toEqual(['sex 与身份证号不一致（身份证号为男性）', 'birthDate 与身份证号不一致（身份证号为 1972-03-15）']);
    expect(s.value.member).toBeNull();
  });
  it('continues the household above when a row names none (merged cells)', () => {
    const r = parseHouseholdRow(cells({ relation: '妻', name: '石秀英', idNumber: idNumber('19750402', 2, 'female') }), ctx);
    expect(r.value.continues).toBe(true);
    expect(r.problems).toEqual([]);
  });
});

describe('households across rows', () => {
  const add = (tr: HouseholdTracker, row: number, c: Partial<HouseholdCells>) => tr.add(row, parseHouseholdRow(cells(c), ctx).value);

  it('groups by 户编号, by village + head, and continuation rows', () => {
    const tr = new HouseholdTracker();
    expect(add(tr, 2, head).key).toBe('no:001');
    expect(add(tr, 3, { relation: '子', name: '龙小军', idNumber: idNumber('19990711', 3) }).key).toBe('no:001');
    expect(add(tr, 4, { village: '吉久村', headName: '龙文斌', relation: '女', name: '龙小花', idNumber: idNumber('20010711', 4, 'female') }).key).toBe('no:001');
    expect(add(tr, 5, { village: '吉久村', headName: '麻春花', relation: '户主', name: '麻春花', idNumber: idNumber('19680920', 5, 'female') }).key).toBe('hd:433124213209|麻春花');
    expect(tr.finish()).toEqual([]);
  });
  it('flags a row that disagrees with its household, and blank household cells are no disagreement', () => {
    const tr = new HouseholdTracker();
    add(tr, 2, { ...head, categories: '贫困户' });
    expect(add(tr, 3, { householdNo: '001', village: '吉久村', headName: '龙文斌', relation: '子', name: '龙小军', idNumber: idNumber('19990711', 3) }).problems).toEqual([]);
    const bad = add(tr, 4, { householdNo: '001', village: '补抽村', headName: '龙文斌', categories: '信访户', relation: '女', name: '龙小花', idNumber: idNumber('20010711', 4, 'female') });
    expect(bad.problems.map((p) => `${p.column} ${p.zh}`)).toEqual(['village 与本户第 2 行不一致（同一户的户信息应相同）', 'categories 与本户第 2 行不一致（同一户的户信息应相同）']);
  });
  it('wants exactly one head, named as in 户主姓名', () => {
    const tr = new HouseholdTracker();
    add(tr, 2, head);
    add(tr, 3, { ...head, name: '龙二', idNumber: idNumber('19720315', 9) });
    add(tr, 4, { householdNo: '002', village: '吉久村', headName: '吴某', relation: '子', name: '吴小', idNumber: idNumber('19990711', 10) });
    add(tr, 5, { householdNo: '003', village: '吉久村', headName: '田某', relation: '户主', name: '田二', idNumber: idNumber('19990711', 11) });
    expect(tr.finish().map((f) => `${f.row} ${f.problem.column}`)).toEqual(['2 relation', '3 relation', '4 relation', '5 headName']);
  });
});

describe('a cadre row', () => {
  const units = new NamedIndex([
    { id: 'agri', name: '县农业局', regionCode: '433124000000' },
    { id: 'vc1', name: '村委会', regionCode: '433124213209' },
    { id: 'vc2', name: '村委会', regionCode: '433124213208' },
  ]);
  const cctx = { regions: township, units, branches: new NamedIndex([]), defaultRegion: '433124213000', today };
  const row = (c: Partial<CadreCells>): CadreCells => Object.fromEntries(cadreColumns.map((col) => [col.key, c[col.key] ?? null])) as CadreCells;

  it('reads a resident cadre posted to a village by a county unit', () => {
    const r = parseCadreRow(row({ name: '吴春生', idNumber: idNumber('19850612', 1), rank: '第一书记', unit: '县农业局', village: '吉久村' }), cctx);
    expect(r.problems).toEqual([]);
    expect(r.value).toMatchObject({ rank: 'resident', unitId: 'agri', regionCode: '433124213209', sex: 'male' });
  });
  it('settles a unit name two villages share by the cadre’s village', () => {
    expect(parseCadreRow(row({ name: '施明发', idNumber: idNumber('19700101', 2), rank: '村社干部', unit: '村委会', village: '吉久村' }), cctx).value?.unitId).toBe('vc1');
    expect(parseCadreRow(row({ name: '施明发', idNumber: idNumber('19700101', 2), rank: '乡干部', unit: '村委会' }), cctx).problems[0]?.zh).toContain('有 2 个名为“村委会”');
  });
  it('puts a cadre with no township or village in the importer’s region, and checks rank against place', () => {
    expect(parseCadreRow(row({ name: '龙文斌', idNumber: idNumber('19720315', 3), rank: '乡干部' }), cctx).value?.regionCode).toBe('433124213000');
    expect(parseCadreRow(row({ name: '石金林', idNumber: idNumber('19720315', 4), rank: '党员' }), cctx).problems.map((p) => p.column)).toEqual(['township']);
  });
});

describe('bulk helpers', () => {
  it('gives the same pinyin initials as initialsOf, polyphonic surnames and minority names included', () => {
    const fast = nameInitials(initialsOf);
    const rng = demoRng(7);
    const names = ['单雄信', '曾国藩', '长孙无忌', '重阳', '解缙', '阿卜杜·热合曼', '龙文斌', '吕布', 'Anna李', ...Array.from({ length: 2000 }, () => pickName(rng).name)];
    for (const n of names) expect(fast(n), n).toBe(initialsOf(n));
  });
  it('makes UUIDv7 ids', () => {
    const next = bulkIds();
    const ids = Array.from({ length: 1000 }, next);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
  });
});
