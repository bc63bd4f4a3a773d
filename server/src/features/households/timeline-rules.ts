import { householdStatusLabels, memberStatusLabels, relationLabels } from './labels.js';
import type { householdStatuses, memberStatuses, relations } from './tables.js';

type Text = { zh: string; en: string };

/** An audit entry as the timeline reads it. */
export interface AuditView {
  action: string;
  entityType: string;
  before: unknown;
  after: unknown;
}

/** What a timeline source makes of one entry: its kind, a sentence, and the day it happened if not the day recorded. */
export type Described = { kind: string; summary: Text; on?: string } | null;

const fieldNames: Record<string, Text> = {
  regionCode: { zh: '所在村组', en: 'village or group' },
  householdNo: { zh: '户编号', en: 'household number' },
  address: { zh: '地址', en: 'address' },
  phone: { zh: '电话', en: 'phone' },
  categories: { zh: '农户类别', en: 'categories' },
  povertyCauses: { zh: '致贫原因', en: 'poverty causes' },
  landMu: { zh: '耕地', en: 'land' },
  livestock: { zh: '养殖', en: 'livestock' },
  housing: { zh: '住房', en: 'housing' },
  notes: { zh: '备注', en: 'notes' },
  name: { zh: '姓名', en: 'name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  sex: { zh: '性别', en: 'sex' },
  birthDate: { zh: '出生日期', en: 'birth date' },
  health: { zh: '健康状况', en: 'health' },
  disability: { zh: '残疾情况', en: 'disability' },
  education: { zh: '文化程度', en: 'education' },
  schooling: { zh: '在校情况', en: 'schooling' },
  labourAbility: { zh: '劳动能力', en: 'labour ability' },
  isPartyMember: { zh: '党员', en: 'party membership' },
  relation: { zh: '与户主关系', en: 'relation' },
};

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function changedFields(after: Record<string, unknown>): Text {
  const keys = Object.keys(after).filter((k) => fieldNames[k]);
  return { zh: keys.map((k) => fieldNames[k]!.zh).join('、'), en: keys.map((k) => fieldNames[k]!.en).join(', ') };
}

/** 250000 → "2500.00": fen shown as yuan. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

function describeHousehold(e: AuditView, after: Record<string, unknown>): Described {
  switch (e.action) {
    case 'create': {
      const n = Array.isArray(after.members) ? after.members.length : 0;
      return { kind: 'household_created', summary: { zh: `登记建档，${n} 口人`, en: `Registered with ${n} member${n === 1 ? '' : 's'}` } };
    }
    case 'update': {
      const f = changedFields(after);
      return { kind: 'household_changed', summary: { zh: `修改户信息：${f.zh}`, en: `Changed ${f.en}` } };
    }
    case 'status': {
      const status = str(after.status) as (typeof householdStatuses)[number];
      const label = householdStatusLabels[status] ?? { zh: status, en: status };
      const left = Array.isArray(after.membersLeft) ? after.membersLeft.length : 0;
      const zh = status === 'active' ? '恢复在册' : `${label.zh}${left ? `，${left} 名成员随户离开` : ''}`;
      return {
        kind: 'status_changed',
        summary: {
          zh,
          en: status === 'active' ? 'Restored' : `${label.en}${left ? `; ${left} member${left === 1 ? '' : 's'} left with it` : ''}`,
        },
        on: str(after.on) || undefined,
      };
    }
    case 'merge_in': {
      const names = (Array.isArray(after.members) ? after.members : []).map((m) => str(obj(m).name));
      return {
        kind: 'members_joined',
        summary: { zh: `他户并入本户：${names.join('、')}`, en: `Merged in from another household: ${names.join(', ')}` },
        on: str(after.on) || undefined,
      };
    }
    default:
      // view_personal and anything else that is not an event in the household's life.
      return null;
  }
}

function describeMember(e: AuditView, before: Record<string, unknown>, after: Record<string, unknown>): Described {
  const name = str(before.name) || str(after.name);
  switch (e.action) {
    case 'create': {
      const rel = relationLabels[str(after.relation) as (typeof relations)[number]] ?? { zh: '', en: '' };
      return { kind: 'member_added', summary: { zh: `新增成员：${name}（${rel.zh}）`, en: `${name} joined (${rel.en.toLowerCase()})` } };
    }
    case 'update': {
      if (after.relation === 'head') return { kind: 'head_changed', summary: { zh: `${name}成为户主`, en: `${name} became the head` } };
      const f = changedFields(after);
      return { kind: 'member_changed', summary: { zh: `修改成员${name}的${f.zh}`, en: `Changed ${name}'s ${f.en}` } };
    }
    case 'status': {
      const status = str(after.status) as (typeof memberStatuses)[number];
      const on = str(after.on) || undefined;
      if (status === 'active') return { kind: 'member_returned', summary: { zh: `${name}回到本户`, en: `${name} came back` }, on };
      const label = memberStatusLabels[status] ?? { zh: status, en: status };
      return {
        kind: status === 'deceased' ? 'member_deceased' : 'member_left',
        summary: { zh: `${name}${label.zh}`, en: `${name}: ${label.en.toLowerCase()}` },
        on,
      };
    }
    default:
      return null;
  }
}

function describeIncome(e: AuditView, after: Record<string, unknown>): Described {
  const year = Number(after.year);
  const perCapita = yuan(Number(after.perCapitaNetFen));
  const again = e.action === 'update';
  return {
    kind: 'income_recorded',
    summary: {
      zh: `${again ? '更正' : '登记'} ${year} 年收入：人均纯收入 ${perCapita} 元`,
      en: `${again ? 'Corrected' : 'Recorded'} ${year} income: ${perCapita} yuan per capita`,
    },
  };
}

/** The household's own history (household, member and income entries of the audit log) as timeline events. */
export function describeRegistryEntry(e: AuditView): Described {
  const before = obj(e.before);
  const after = obj(e.after);
  switch (e.entityType) {
    case 'household':
      return describeHousehold(e, after);
    case 'member':
      return describeMember(e, before, after);
    case 'household_income':
      return describeIncome(e, after);
    default:
      return null;
  }
}
