/**
 * Chinese (and English) names of the household registry's coded values: shown in the UI, written
 * in Excel templates and exports, and read back from Excel (where clerks type the Chinese).
 */
import type {
  costCategories,
  educationLevels,
  incomeCategories,
  healthStates,
  householdStatuses,
  housingConditions,
  labourAbilities,
  memberStatuses,
  relations,
  schoolingStates,
} from './tables.js';

type Labels<T extends readonly string[]> = Record<T[number], { zh: string; en: string }>;

export const relationLabels: Labels<typeof relations> = {
  head: { zh: '户主', en: 'Head' },
  spouse: { zh: '配偶', en: 'Spouse' },
  son: { zh: '子', en: 'Son' },
  daughter: { zh: '女', en: 'Daughter' },
  son_in_law: { zh: '女婿', en: 'Son-in-law' },
  daughter_in_law: { zh: '儿媳', en: 'Daughter-in-law' },
  grandchild: { zh: '孙子女', en: 'Grandchild' },
  parent: { zh: '父母', en: 'Parent' },
  grandparent: { zh: '祖父母', en: 'Grandparent' },
  sibling: { zh: '兄弟姐妹', en: 'Sibling' },
  other: { zh: '其他', en: 'Other' },
};

export const healthLabels: Labels<typeof healthStates> = {
  healthy: { zh: '健康', en: 'Healthy' },
  chronic: { zh: '长期慢性病', en: 'Chronic illness' },
  serious_illness: { zh: '患有大病', en: 'Serious illness' },
  disabled: { zh: '残疾', en: 'Disabled' },
};

export const educationLabels: Labels<typeof educationLevels> = {
  none: { zh: '文盲或半文盲', en: 'None' },
  preschool: { zh: '学龄前', en: 'Preschool' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
  vocational: { zh: '中专/职高', en: 'Vocational' },
  college: { zh: '大专及以上', en: 'College or above' },
};

export const schoolingLabels: Labels<typeof schoolingStates> = {
  not_school_age: { zh: '非在校年龄', en: 'Not of school age' },
  in_school: { zh: '在校生', en: 'In school' },
  dropped_out: { zh: '辍学', en: 'Dropped out' },
  graduated: { zh: '已毕业', en: 'Graduated' },
};

export const labourLabels: Labels<typeof labourAbilities> = {
  full: { zh: '普通劳动力', en: 'Able to work' },
  partial: { zh: '弱劳动力或半劳动力', en: 'Partly able' },
  none: { zh: '丧失劳动力', en: 'Unable to work' },
  not_working_age: { zh: '无劳动力（非劳动年龄）', en: 'Not of working age' },
};

export const memberStatusLabels: Labels<typeof memberStatuses> = {
  active: { zh: '在户', en: 'In household' },
  left: { zh: '已迁出', en: 'Moved out' },
  deceased: { zh: '已故', en: 'Deceased' },
};

export const householdStatusLabels: Labels<typeof householdStatuses> = {
  active: { zh: '正常', en: 'Active' },
  moved: { zh: '已迁出', en: 'Moved' },
  merged: { zh: '已合户', en: 'Merged' },
  dissolved: { zh: '已销户', en: 'Dissolved' },
};

export const housingLabels: Labels<typeof housingConditions> = {
  safe: { zh: '安全住房', en: 'Safe housing' },
  dilapidated_c: { zh: 'C级危房', en: 'Dilapidated (C)' },
  dilapidated_d: { zh: 'D级危房', en: 'Dilapidated (D)' },
  none: { zh: '无房', en: 'No housing' },
  unknown: { zh: '未填写', en: 'Not recorded' },
};

export const incomeCategoryLabels: Labels<typeof incomeCategories> & Labels<typeof costCategories> = {
  wages: { zh: '工资性收入', en: 'Wages' },
  production: { zh: '生产经营性收入', en: 'Production' },
  transfer: { zh: '转移性收入', en: 'Transfers' },
  property: { zh: '财产性收入', en: 'Property' },
  other: { zh: '其他收入', en: 'Other income' },
  production_cost: { zh: '生产经营费用', en: 'Production costs' },
  other_cost: { zh: '其他支出', en: 'Other costs' },
};

export const sexLabels = { male: { zh: '男', en: 'Male' }, female: { zh: '女', en: 'Female' } } as const;

/** Reads a coded value from what a clerk typed: the Chinese label, the English label or the code. */
export function codeFromLabel<K extends string>(labels: Record<K, { zh: string; en: string }>, typed: string): K | null {
  const v = typed.trim();
  for (const [code, l] of Object.entries(labels) as [K, { zh: string; en: string }][]) {
    if (v === l.zh || v.toLowerCase() === l.en.toLowerCase() || v === code) return code;
  }
  return null;
}

/** Built-in catalogue entries, from the five seed documents. */
export const builtInCategories: { code: string; zh: string; en: string }[] = [
  { code: 'prosperity_star', zh: '致富明星户', en: 'Prosperity star' },
  { code: 'conservative', zh: '思想保守户', en: 'Conservative' },
  { code: 'difficult', zh: '难缠户', en: 'Difficult' },
  { code: 'poor', zh: '贫困户', en: 'Poor' },
  { code: 'economically_behind', zh: '经济落后户', en: 'Economically behind' },
  { code: 'party_member_hardship', zh: '困难党员户', en: 'Party member in hardship' },
  { code: 'petitioner', zh: '信访户', en: 'Petitioner' },
  { code: 'tech_prosperity', zh: '科技致富户', en: 'Prospering by technology' },
  { code: 'family_planning', zh: '计生三结合户', en: 'Family-planning model' },
  { code: 'large_grower', zh: '种植大户', en: 'Large grower' },
  { code: 'large_breeder', zh: '养殖大户', en: 'Large breeder' },
  { code: 'urban_hardship', zh: '城市困难群众', en: 'Urban hardship' },
  { code: 'laid_off', zh: '下岗职工', en: 'Laid-off worker' },
  { code: 'hardship', zh: '困难户', en: 'Household in hardship' }, // 困难户必访 [004]; 一户困难群众 [002]
  { code: 'party_member_household', zh: '党员户', en: 'Party member household' }, // 党员户必访 [004]
];

export const builtInPovertyCauses: { code: string; zh: string; en: string }[] = [
  { code: 'illness', zh: '因病', en: 'Illness' },
  { code: 'disability', zh: '因残', en: 'Disability' },
  { code: 'schooling', zh: '因学', en: 'Schooling costs' },
  { code: 'disaster', zh: '因灾', en: 'Disaster' },
  { code: 'no_land', zh: '缺土地', en: 'Lack of land' },
  { code: 'no_water', zh: '缺水', en: 'Lack of water' },
  { code: 'no_skills', zh: '缺技术', en: 'Lack of skills' },
  { code: 'no_labour', zh: '缺劳力', en: 'Lack of labour' },
  { code: 'no_capital', zh: '缺资金', en: 'Lack of capital' },
  { code: 'poor_transport', zh: '交通条件落后', en: 'Poor transport' },
  { code: 'low_motivation', zh: '自身发展动力不足', en: 'Low motivation' },
];
