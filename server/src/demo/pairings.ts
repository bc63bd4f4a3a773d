import { auditLog } from '../features/audit/tables.js';
import { insertPairings } from '../features/pairings/repository.js';
import type { PairingRole } from '../features/pairings/rules.js';
import { insertParticipants, insertProgramme } from '../features/programmes/repository.js';
import { copyTemplate } from '../features/programmes/rules.js';
import { lianHuDaiChuang } from '../features/programmes/templates.js';
import type { DemoCadre, DemoContext, DemoHousehold } from './context.js';

const START = '2025-01-01';
const PAIRED_ON = '2025-03-01';

/**
 * 联户带创 [001] in the demo township, copied from the template: every township cadre, village
 * cadre and party member enrolled (every other party member tagged capable), and pairings by the
 * template's rules — each township cadre a 致富明星户, each village cadre a 思想保守户 of their
 * village, each capable member an 经济落后户/贫困户 there — then most other households shared out
 * among the township cadres (麻春花, the `cadre` account, among them), one 几帮一 group, and the
 * resident cadres posted to their villages. Breaches are left on purpose: two township cadres
 * without a star household, one village cadre without a conservative one, some households nobody
 * links yet (a conservative and a poor one per village kept free for the assistant); with fewer
 * star households than township cadres, some stars cannot be found at all. With the default 300
 * households the check finds 10 missing pairings and the assistant fills 5 of them.
 * Deterministic ids; a second run inserts nothing.
 */
export async function makePairings(ctx: DemoContext) {
  const programmeId = ctx.id('programme/lian-hu-dai-chuang');
  const def = copyTemplate(lianHuDaiChuang, {
    id: programmeId,
    regionCode: ctx.township.code,
    name: `${ctx.township.name}联户带创`,
    startOn: START,
  });
  const programme = await insertProgramme(ctx.db, {
    id: programmeId,
    regionCode: def.regionCode,
    countyCode: ctx.countyCode,
    name: def.name,
    templateKey: def.templateKey,
    startOn: def.period.startOn,
    endOn: def.period.endOn,
    requirements: def.requirements,
    pairingRules: def.pairingRules,
    coverage: def.coverage,
    capacities: def.capacities,
  });

  const byRank = (rank: DemoCadre['rank']) => ctx.cadres.filter((c) => c.rank === rank);
  const township = byRank('township');
  const village = byRank('village');
  const members = byRank('party_member');
  const capable = new Set(members.filter((_, i) => i % 2 === 0).map((c) => c.id));
  const participants = [...township, ...village, ...members].map((c) => ({
    id: ctx.id(`participant/${programmeId}/${c.id}`),
    programmeId,
    subjectKind: 'cadre' as const,
    subjectId: c.id,
    regionCode: c.regionCode,
    countyCode: ctx.countyCode,
    tags: capable.has(c.id) ? ['capable'] : [],
    startOn: START,
  }));

  const free = new Set(ctx.households.map((h) => h.id));
  const take = (pred: (h: DemoHousehold) => boolean): DemoHousehold | null => {
    const h = ctx.households.find((x) => free.has(x.id) && pred(x)) ?? null;
    if (h) free.delete(h.id);
    return h;
  };
  const rows: Parameters<typeof insertPairings>[1] = [];
  const link = (c: DemoCadre, h: DemoHousehold, role: PairingRole = 'one_to_one', lead = true) =>
    rows.push({
      id: ctx.id(`pairing/${programmeId}/${c.id}/${h.id}`),
      programmeId,
      role,
      helperKind: 'cadre',
      helperId: c.id,
      targetKind: 'household',
      targetId: h.id,
      lead,
      roundNo: null,
      startOn: PAIRED_ON,
      endOn: null,
      regionCode: h.regionCode,
      countyCode: ctx.countyCode,
      note: null,
    });

  // The rules: stars for township cadres (the last two left without), conservative households for village cadres (the first left without), poor ones for capable members.
  township.forEach((c, i) => {
    if (i >= township.length - 2) return;
    const h = take((x) => x.categories.includes('prosperity_star'));
    if (h) link(c, h);
  });
  village.forEach((c, i) => {
    if (i === 0) return;
    const h = take((x) => x.villageCode === c.regionCode && (x.categories.includes('conservative') || x.categories.includes('difficult')));
    if (h) link(c, h);
  });
  for (const c of members.filter((m) => capable.has(m.id))) {
    const h = take(
      (x) => x.villageCode === c.regionCode && (x.categories.includes('economically_behind') || x.categories.includes('poor')),
    );
    if (h) link(c, h);
  }
  // 几帮一: two township cadres share one poor household, the first its lead contact.
  const shared = take((x) => x.categories.includes('poor'));
  if (shared && township.length > 3) {
    link(township[1]!, shared, 'several_to_one', true);
    link(township[2]!, shared, 'several_to_one', false);
  }
  // Most of the rest shared out among the township cadres, 麻春花 (the cadre account) first; a few left for the assistant.
  const cadreAccount = ctx.accounts.get('cadre');
  const order = [...township].sort(
    (a, b) =>
      Number(b.userId === cadreAccount && cadreAccount !== undefined) - Number(a.userId === cadreAccount && cadreAccount !== undefined),
  );
  // Kept free for the assistant: two star households, and in each village one conservative and one poor or behind household.
  const reserved = new Set<string>();
  const reserve = (pred: (h: DemoHousehold) => boolean, n = 1) =>
    ctx.households
      .filter((h) => free.has(h.id) && !reserved.has(h.id) && pred(h))
      .slice(0, n)
      .forEach((h) => reserved.add(h.id));
  reserve((h) => h.categories.includes('prosperity_star'), 2);
  for (const v of ctx.villages) {
    reserve((h) => h.villageCode === v.code && (h.categories.includes('conservative') || h.categories.includes('difficult')));
    reserve((h) => h.villageCode === v.code && (h.categories.includes('economically_behind') || h.categories.includes('poor')));
  }
  let k = 0;
  for (const h of ctx.households) {
    if (!free.has(h.id) || reserved.has(h.id) || ctx.rng(`unpaired/${h.id}`).chance(0.08)) continue;
    free.delete(h.id);
    link(order[k % order.length]!, h);
    k++;
  }
  // Resident cadres posted to their villages (驻村).
  for (const c of byRank('resident')) {
    rows.push({
      id: ctx.id(`pairing/${programmeId}/${c.id}/${c.regionCode}`),
      programmeId,
      role: 'resident',
      helperKind: 'cadre',
      helperId: c.id,
      targetKind: 'village',
      targetId: c.regionCode,
      lead: false,
      roundNo: null,
      startOn: PAIRED_ON,
      endOn: null,
      regionCode: c.regionCode,
      countyCode: ctx.countyCode,
      note: null,
    });
  }

  const enrolled = await insertParticipants(ctx.db, participants);
  const inserted = new Set(await insertPairings(ctx.db, rows));
  const actorName = '演示数据';
  const at = new Date(Date.UTC(2025, 1, 28, 2));
  const audit = [
    ...(programme
      ? [
          {
            at,
            actorName,
            action: 'create',
            entityType: 'programme',
            entityId: programmeId,
            regionCode: def.regionCode,
            after: { name: def.name, templateKey: def.templateKey },
          },
        ]
      : []),
    ...(enrolled.length
      ? [
          {
            at,
            actorName,
            action: 'enrol',
            entityType: 'programme',
            entityId: programmeId,
            regionCode: def.regionCode,
            after: { participants: enrolled.length },
          },
        ]
      : []),
    ...rows
      .filter((r) => inserted.has(r.id!))
      .map((r) => ({ at, actorName, action: 'create', entityType: 'pairing', entityId: r.id!, regionCode: r.regionCode, after: r })),
  ];
  for (let i = 0; i < audit.length; i += 1000) await ctx.db.insert(auditLog).values(audit.slice(i, i + 1000));
  return { programmes: programme ? 1 : 0, participants: enrolled.length, pairings: inserted.size };
}
