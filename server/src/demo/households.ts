import { auditLog } from '../features/audit/tables.js';
import { insertIncomes } from '../features/households/incomes-repository.js';
import { insertMembers } from '../features/households/members-repository.js';
import { insertHouseholds } from '../features/households/repository.js';
import { incomeTotals } from '../features/households/rules.js';
import type { households, IncomeItem, Livestock } from '../features/households/tables.js';
import { initialsOf } from '../features/regions/rules.js';
import type { DemoContext, DemoHousehold } from './context.js';
import { IdNumbers, makeFamily, type DemoPerson } from './people.js';
import type { Rng } from './random.js';

/**
 * Categories by the seeds' proportions (seed 001): a star household (致富明星户) for each township
 * cadre, a conservative one (思想保守户) for each village cadre, a poor one (贫困户) for each capable
 * party member; economically behind, hardship, petitioner, specialist and ordinary households besides.
 */
const primaryCategories: readonly (readonly [string | null, number])[] = [
  ['poor', 22], ['economically_behind', 10], ['prosperity_star', 10], ['conservative', 10], ['difficult', 3],
  ['party_member_hardship', 3], ['petitioner', 2], ['tech_prosperity', 4], ['family_planning', 5],
  ['large_grower', 4], ['large_breeder', 4], [null, 23],
];
const causes: readonly (readonly [string, number])[] = [
  ['illness', 25], ['disability', 10], ['schooling', 10], ['disaster', 5], ['no_land', 5], ['no_water', 8],
  ['no_skills', 15], ['no_labour', 10], ['no_capital', 15], ['poor_transport', 8], ['low_motivation', 5],
];
const needy = new Set(['poor', 'economically_behind', 'party_member_hardship']);

function categoriesOf(rng: Rng): string[] {
  const first = rng.weighted(primaryCategories);
  if (!first) return [];
  const out = [first];
  if (first === 'prosperity_star' && rng.chance(0.6)) out.push(rng.pick(['large_grower', 'large_breeder', 'tech_prosperity']));
  if (first === 'conservative' && rng.chance(0.2)) out.push('difficult');
  if (first === 'poor' && rng.chance(0.1)) out.push('party_member_hardship');
  return out;
}

function povertyCausesOf(rng: Rng, categories: string[]): string[] {
  if (!categories.some((c) => needy.has(c))) return [];
  const first = rng.weighted(causes);
  const second = rng.chance(0.45) ? rng.weighted(causes) : first;
  return second === first ? [first] : [first, second];
}

function livestockOf(rng: Rng, categories: string[]): Livestock[] {
  if (categories.includes('large_breeder')) {
    return [rng.pick([{ kind: '羊', head: rng.int(40, 120) }, { kind: '牛', head: rng.int(10, 30) }, { kind: '猪', head: rng.int(30, 100) }])];
  }
  const out: Livestock[] = [];
  if (rng.chance(0.7)) out.push({ kind: '猪', head: rng.int(1, 3) });
  if (rng.chance(0.3)) out.push({ kind: '牛', head: rng.int(1, 2) });
  if (rng.chance(0.15)) out.push({ kind: '羊', head: rng.int(3, 15) });
  if (rng.chance(0.6)) out.push({ kind: '鸡', head: rng.int(5, 30) });
  return out;
}

/** Per-capita net income of 2024 in yuan, and its growth into 2025 (seed 001: poor 2500 → 3500). */
function perCapitaYuan(rng: Rng, categories: string[]): [number, number] {
  const c = new Set(categories);
  const [lo, hi, growth] = c.has('prosperity_star') ? [15000, 40000, [0.05, 0.15]] : c.has('large_grower') || c.has('large_breeder') ? [10000, 25000, [0.05, 0.15]] : c.has('poor') ? [2000, 3200, [0.2, 0.45]] : needy.has(categories[0] ?? '') ? [3000, 5000, [0.1, 0.3]] : [5000, 9000, [0.05, 0.12]];
  const y2024 = rng.int(lo, hi);
  return [y2024, Math.round(y2024 * (1 + growth[0]! + rng.next() * (growth[1]! - growth[0]!)))];
}

/** Income items (whole yuan, in fen) whose net over the members is about the per-capita figure. */
function incomeItems(rng: Rng, perCapita: number, members: number, categories: string[]): IncomeItem[] {
  const costShare = 0.15 + rng.next() * 0.15;
  const income = Math.round((perCapita * members) / (1 - costShare));
  const producer = categories.some((c) => ['prosperity_star', 'large_grower', 'large_breeder', 'tech_prosperity'].includes(c));
  const transfer = Math.round(income * (categories.includes('poor') ? 0.15 + rng.next() * 0.15 : 0.03));
  const property = producer ? Math.round(income * rng.next() * 0.08) : 0;
  const wages = Math.round((income - transfer - property) * (producer ? 0.2 + rng.next() * 0.2 : 0.35 + rng.next() * 0.3));
  const production = income - transfer - property - wages;
  const fen = (yuan: number) => yuan * 100;
  const items: IncomeItem[] = [
    { kind: 'income', category: 'wages', label: '外出务工', amountFen: fen(wages) },
    { kind: 'income', category: 'production', label: rng.pick(['烤烟', '养殖', '种植', '猕猴桃']), amountFen: fen(production) },
    { kind: 'income', category: 'transfer', label: categories.includes('poor') ? '低保及各项补贴' : '各项补贴', amountFen: fen(transfer) },
  ];
  if (property > 0) items.push({ kind: 'income', category: 'property', label: '土地流转', amountFen: fen(property) });
  items.push({ kind: 'cost', category: 'production_cost', label: '化肥、种苗、饲料', amountFen: fen(Math.round(income - perCapita * members)) });
  return items;
}

/**
 * The township's households (opts.households, default 300) spread over its villages' groups, each
 * with 2–6 members holding valid 433124 ID numbers, categories and poverty causes by the seeds'
 * proportions, land, livestock, and incomes for 2024 and 2025. Household 0 keeps seed 000's 48
 * sheep. Deterministic per household key; a second run adds nothing. Batched inserts.
 */
export async function makeHouseholds(ctx: DemoContext) {
  const places = ctx.villages.flatMap((v) => (v.groups.length ? v.groups : [v]).map((g) => ({ village: v, code: g.code, name: g === v ? v.name : `${v.name}${g.name}` })));
  const ids = new IdNumbers(ctx.countyCode);
  const householdRows: (typeof households.$inferInsert)[] = [];
  const memberRows: Parameters<typeof insertMembers>[1] = [];
  const incomeRows: Parameters<typeof insertIncomes>[1] = [];
  const made: DemoHousehold[] = [];
  for (let i = 0; i < ctx.sizes.households; i++) {
    const rng = ctx.rng(`household/${i}`);
    const place = i === 0 ? places.find((p) => p.village.name === '吉久村') ?? places[0]! : rng.pick(places);
    const categories = i === 0 ? ['poor'] : categoriesOf(rng);
    const povertyCauses = i === 0 ? ['no_capital', 'no_skills'] : povertyCausesOf(rng, categories);
    const family = makeFamily(rng, ids, { ill: povertyCauses.includes('illness'), disabled: povertyCauses.includes('disability') });
    const id = ctx.id(`household/${i}`);
    const head = family[0]!;
    const land = categories.includes('large_grower') ? rng.int(15, 40) : family.length * (0.8 + rng.next() * 0.7);
    const poor = categories.some((c) => needy.has(c));
    householdRows.push({
      id,
      regionCode: place.code,
      countyCode: ctx.countyCode,
      householdNo: `${place.village.code.slice(6)}${String(i + 1).padStart(4, '0')}`,
      address: place.name,
      phone: null,
      categories,
      povertyCauses,
      landMu: land.toFixed(2),
      livestock: i === 0 ? [{ kind: '羊', head: 48 }, { kind: '鸡', head: 12 }] : livestockOf(rng, categories),
      housing: poor ? rng.weighted([['safe', 55], ['dilapidated_c', 30], ['dilapidated_d', 15]] as const) : rng.chance(0.9) ? 'safe' : 'dilapidated_c',
      notes: i === 0 ? '现养羊48只，计划发展到100只（种子000）' : null,
    });
    family.forEach((p: DemoPerson, k) => {
      const { age: _age, ...person } = p;
      memberRows.push({ ...person, id: ctx.id(`member/${i}/${k}`), householdId: id, regionCode: place.code, countyCode: ctx.countyCode, initials: initialsOf(p.name) });
    });
    const [y2024, y2025] = i === 0 ? [2500, 3500] : perCapitaYuan(rng, categories);
    for (const [year, perCapita] of [[2024, y2024], [2025, y2025]] as const) {
      const items = incomeItems(rng, perCapita, family.length, categories);
      incomeRows.push({ id: ctx.id(`income/${i}/${year}`), householdId: id, regionCode: place.code, countyCode: ctx.countyCode, year, items, memberCount: family.length, ...incomeTotals(items, family.length) });
    }
    made.push({ id, regionCode: place.code, villageCode: place.village.code, categories, headName: head.name });
  }
  const inserted = new Set(await insertHouseholds(ctx.db, householdRows));
  const members = await insertMembers(ctx.db, memberRows);
  const incomes = await insertIncomes(ctx.db, incomeRows);
  await auditDemo(ctx, householdRows.filter((h) => inserted.has(h.id!)), memberRows, incomeRows.filter((r) => inserted.has(r.householdId)));
  ctx.households = made;
  return { households: inserted.size, members, incomes };
}

/**
 * The audit entries a clerk's registration would have left (household registered in spring 2024,
 * each year's income at the start of the next), so the demo households' timelines read true.
 */
async function auditDemo(ctx: DemoContext, hs: (typeof households.$inferInsert)[], ms: Parameters<typeof insertMembers>[1], incomes: Parameters<typeof insertIncomes>[1]) {
  const actorName = '演示数据';
  const membersOf = new Map<string, typeof ms>();
  for (const m of ms) membersOf.set(m.householdId, [...(membersOf.get(m.householdId) ?? []), m]);
  const rows = [
    ...hs.map((h) => {
      const day = ctx.rng(`registered/${h.id}`).int(1, 60);
      return { at: new Date(Date.UTC(2024, 2, day, 2)), actorName, action: 'create', entityType: 'household', entityId: h.id!, regionCode: h.regionCode, after: { ...h, members: membersOf.get(h.id!) ?? [] } };
    }),
    ...incomes.map((r) => ({ at: new Date(Date.UTC(r.year + 1, 0, 15, 2)), actorName, action: 'create', entityType: 'household_income', entityId: r.id!, regionCode: r.regionCode, after: { year: r.year, items: r.items, memberCount: r.memberCount, incomeFen: r.incomeFen, costFen: r.costFen, perCapitaNetFen: r.perCapitaNetFen } })),
  ];
  for (let i = 0; i < rows.length; i += 1000) await ctx.db.insert(auditLog).values(rows.slice(i, i + 1000));
}
