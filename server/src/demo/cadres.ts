import { insertCadres } from '../features/cadres/repository.js';
import type { BranchRole, CadreRank } from '../features/cadres/tables.js';
import { initialsOf } from '../features/regions/rules.js';
import type { DemoCadre, DemoContext } from './context.js';
import { pickName, pickPhone, type Sex } from './names.js';
import { countyUnits } from './organisation.js';

/**
 * People with fixed names: 彭益 (县委书记), 龙文斌 (乡党委书记) and 麻永成 (党委委员) of seed 000,
 * and the demo accounts, each linked to their cadre record. Keys are cadre slots (see makeCadres).
 */
export const namedCadres: Record<string, { name: string; sex: Sex; username?: string }> = {
  'county_leader/0': { name: '彭益', sex: 'male', username: 'leader' },
  'section/县委组织部/0': { name: '石秀梅', sex: 'female', username: 'county' },
  'section/县农业局/0': { name: '杨光明', sex: 'male', username: 'unithead' },
  'township/0': { name: '龙文斌', sex: 'male', username: 'township' },
  // The secretary of the township organ branch, whose member 麻春花 is: he reads her diary (查阅).
  'township/5': { name: '麻永成', sex: 'male', username: 'secretary' },
  'township/11': { name: '麻春花', sex: 'female', username: 'cadre' },
  'village/433124213209/0': { name: '施明发', sex: 'male' },
};

const countyLeaderTitles = ['县委书记', '县委副书记、县长', '县委副书记', '县委常委、组织部部长', '副县长'];
const townshipTitles = [
  '乡党委书记', '乡党委副书记、乡长', '乡党委副书记', '乡人大主席', '乡党委委员、纪委书记', '乡党委委员、组织委员',
  '乡党委委员、宣传委员', '乡党委委员、武装部长', '副乡长', '副乡长', '副乡长', '扶贫专干',
];
const townshipPosts = ['党政办干部', '财政所干部', '农业综合服务站干部', '林业站干部', '畜牧兽医站干部', '民政办干部', '计生办干部', '综治办干部', '国土所干部', '烟草站干部', '文化站干部', '安监站干部', '扶贫工作站干部', '社保所干部'];
const generalTitles = ['科员', '科员', '科员', '技术员', '股长', '办公室主任'];
const villageTitles: readonly (readonly [string, BranchRole])[] = [
  ['村党支部书记', 'secretary'],
  ['村委会主任', 'committee_member'],
  ['村文书', 'committee_member'],
];
/** What the capable party members (致富能力较强的党员) of 补抽乡 are good at: tobacco and livestock [000]. */
const memberStrengths = ['烤烟种植能手', '烤烟种植能手', '养羊大户', '养牛大户', '生猪养殖户', '猕猴桃种植户', '合作社负责人', '退役军人', '农机手', '村民小组长'];

interface Slot {
  key: string;
  rank: CadreRank;
  title: string | null;
  regionCode: string;
  unitId: string | null;
  branchId: string | null;
  branchRole: BranchRole | null;
  femaleShare: number;
}

/** Every cadre slot of the demo township, by rank, as the seeds describe them. */
function slots(ctx: DemoContext): Slot[] {
  const out: Slot[] = [];
  const { sizes } = ctx;
  for (let i = 0; i < sizes.countyLeaders; i++) {
    out.push({ key: `county_leader/${i}`, rank: 'county_leader', title: countyLeaderTitles[i] ?? '副县长', regionCode: ctx.countyRegion, unitId: null, branchId: null, branchRole: null, femaleShare: 0.2 });
  }
  for (const def of countyUnits) {
    const unit = ctx.units.find((u) => u.name === def.name && u.regionCode === ctx.countyRegion)!;
    const base = { regionCode: unit.regionCode, unitId: unit.id, branchId: unit.branchId, femaleShare: 0.3 };
    def.heads.forEach((title, i) => out.push({ ...base, key: `section/${def.name}/${i}`, rank: 'section', title, branchRole: i === 0 ? 'secretary' : 'committee_member' }));
    const general = sizes.unitGeneralCadres + ctx.rng(`general-count/${def.name}`).int(0, 2);
    for (let i = 0; i < general; i++) {
      out.push({ ...base, key: `general/${def.name}/${i}`, rank: 'general', title: ctx.rng(`general-title/${def.name}/${i}`).pick(generalTitles), branchRole: 'member' });
    }
  }
  const office = ctx.townshipOffice!;
  for (let i = 0; i < sizes.townshipCadres; i++) {
    const title = townshipTitles[i] ?? townshipPosts[(i - townshipTitles.length) % townshipPosts.length]!;
    // The organisation committee member (组织委员) is the secretary of the township organ branch.
    out.push({ key: `township/${i}`, rank: 'township', title, regionCode: ctx.township.code, unitId: office.id, branchId: office.branchId, branchRole: i === 5 ? 'secretary' : 'member', femaleShare: 0.3 });
  }
  ctx.villages.forEach((v, vi) => {
    const villageCadres = ctx.rng(`village-cadres/${v.code}`).chance(0.6) ? 3 : 2;
    for (let i = 0; i < villageCadres; i++) {
      const [title, branchRole] = villageTitles[i]!;
      out.push({ key: `village/${v.code}/${i}`, rank: 'village', title, regionCode: v.code, unitId: null, branchId: v.branchId, branchRole, femaleShare: 0.2 });
    }
    for (let i = 0; i < sizes.partyMembers; i++) {
      const title = ctx.rng(`member-title/${v.code}/${i}`).pick(memberStrengths);
      out.push({ key: `party_member/${v.code}/${i}`, rank: 'party_member', title, regionCode: v.code, unitId: null, branchId: v.branchId, branchRole: 'member', femaleShare: 0.3 });
    }
    // A resident first secretary (驻村第一书记) in every third village, sent by a county unit [004].
    if (vi % 3 === 0) {
      const sender = ctx.units[(vi / 3 + 1) % countyUnits.length]!;
      const team = ctx.rng(`residents/${v.code}`).chance(0.5) ? 2 : 1;
      for (let i = 0; i < team; i++) {
        out.push({ key: `resident/${v.code}/${i}`, rank: 'resident', title: i === 0 ? '驻村第一书记' : '驻村工作队员', regionCode: v.code, unitId: sender.id, branchId: sender.branchId, branchRole: 'member', femaleShare: 0.3 });
      }
    }
  });
  return out;
}

/** Cadres of every rank with names, sexes and phones; the demo accounts are linked to theirs. */
export async function makeCadres(ctx: DemoContext) {
  const rows = slots(ctx).map((s) => {
    const rng = ctx.rng(`cadre/${s.key}`);
    const named = namedCadres[s.key];
    const person = named ?? pickName(rng, rng.chance(s.femaleShare) ? 'female' : 'male');
    return {
      id: ctx.id(`cadre/${s.key}`),
      name: person.name,
      initials: initialsOf(person.name),
      sex: person.sex,
      rank: s.rank,
      title: s.title,
      phone: pickPhone(rng),
      regionCode: s.regionCode,
      countyCode: ctx.countyCode,
      unitId: s.unitId,
      branchId: s.branchId,
      branchRole: s.branchRole,
      userId: named?.username ? (ctx.accounts.get(named.username) ?? null) : null,
    };
  });
  const cadres = await insertCadres(ctx.db, rows);
  ctx.cadres = rows.map(
    (r): DemoCadre => ({ id: r.id, name: r.name, rank: r.rank, regionCode: r.regionCode, unitId: r.unitId, branchId: r.branchId, userId: r.userId }),
  );
  return { cadres };
}
