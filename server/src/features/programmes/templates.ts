/**
 * The five seed programmes as templates that an administrator copies (copyTemplate) and adjusts.
 * Each rule cites the seed sentence it follows; where a seed is silent, the template says so
 * rather than invent a figure. Seeds: shared/seeds/000 … 004.
 */
import type { ProgrammeTemplate } from './model.js';
import { bangXiangJieDuiZhuCun, guaBaoBang, lianCunLianHu, noRequirements } from './templates-more.js';

/**
 * Category codes the templates brought to the household catalogue: built-in since migration
 * 0004_programmes_pairings (households/labels.ts builtInCategories lists them too).
 */
export const templateCategories: { code: string; zh: string; en: string }[] = [
  { code: 'hardship', zh: '困难户', en: 'Household in hardship' }, // 困难户必访 [004]; 一户困难群众 [002]
  { code: 'party_member_household', zh: '党员户', en: 'Party member household' }, // 党员户必访 [004]
];

/** 000 — 湖南花垣县补抽乡「学一技联一户解一难」(2012). */
export const xueLianJie: ProgrammeTemplate = {
  key: 'xue-yi-ji-lian-yi-hu',
  seed: '000',
  definition: {
    name: '学一技联一户解一难',
    regionCode: '433124213000', // 补抽乡 (2023 code; 18 villages in 2012, 12 today)
    period: { startOn: '2012-01-01', endOn: null }, // 「2012年以来」; no end given
    rounds: [],
    requirements: {
      ...noRequirements,
      // 「要求每个党员干部要有民情日记」: a diary, no cadence given, so at least one in the programme.
      diaryPerCadre: { atLeast: 1, per: 'programme' },
      // 「为群众解决困难两起以上」: Huayuan asks two, more than the name's 解一难.
      difficultiesPerCadre: { atLeast: 2, per: 'programme' },
      // 学一技: 「旨在提升基层党员干部技能」 — each cadre learns one practical technique.
      learning: { techniquesPerCadre: 1 },
      duties: [
        // 「民情联系牌」进户上墙: 基本情况、需要解决的困难、已解决的问题、联系人.
        { zh: '为所联农户挂“民情联系牌”：基本情况、需要解决的困难、已解决的问题、联系人', en: 'Hang a contact board in the linked household: situation, difficulties, problems solved, contact cadre' },
        // 「实行驻村联户工作制度」.
        { zh: '实行驻村联户工作制度', en: 'Stay in villages and keep in touch with households' },
      ],
    },
    pairingRules: [
      {
        // 联一户: 「在全州8万名农村基层党员干部中开展」「将干部具体联系到帮扶户」.
        id: 'link-one-household',
        subject: { kind: 'cadre', ranks: ['township', 'village', 'party_member'] },
        target: { kind: 'household', categories: [] },
        min: 1,
        zh: '每名党员干部联系一户帮扶户',
        en: 'Each party member and cadre links one household',
      },
    ],
    coverage: [
      {
        // 「补抽乡党政领导成员分别挂钩联系20个党支部」: every branch has a leader.
        id: 'leaders-link-branches',
        target: { kind: 'branch' },
        roles: ['leader_point'],
        zh: '乡党政领导成员分别挂钩联系每个党支部',
        en: 'Township leaders link every party branch',
      },
    ],
    capacities: [],
  },
};

/** 001 — 甘肃临泽县倪家营乡「联户带创」(2010). */
export const lianHuDaiChuang: ProgrammeTemplate = {
  key: 'lian-hu-dai-chuang',
  seed: '001',
  definition: {
    name: '联户带创',
    regionCode: '620723107000', // 倪家营乡 (倪家营镇 in the 2023 codes)
    period: { startOn: '2010-01-01', endOn: null }, // the seed's 「从开始」 drops the year; report of 2010
    rounds: [],
    requirements: {
      ...noRequirements,
      // 三个一: 「二是每月与联户对象进行一次访谈」.
      visitsPerHousehold: { atLeast: 1, per: 'month' },
      // 「三是每月记好一次联户日记」「乡村干部联户日记每月不少于一篇幅」.
      diaryPerCadre: { atLeast: 1, per: 'month' },
      // 「一是每年为联户对象解决至少一个主要问题」.
      problemsPerHousehold: { atLeast: 1, per: 'year' },
      duties: [
        // 「月底交乡党委查阅，社干部和党员联户访谈情况各支部每月查阅一次，每季度乡党委调阅一次」.
        { zh: '乡村干部联户日记月底交乡党委查阅；支部每月查阅社干部和党员的访谈情况；乡党委每季度调阅一次', en: "Diaries reviewed by the township at month end; branches review members' notes monthly; the township samples them quarterly" },
        // 六到户 (乡干部与致富明星户) and 四帮 (党员与贫困户).
        { zh: '六到户：政策宣传、实用技术、市场信息、帮扶项目、解决问题、增收措施到户', en: 'Six to the door: policy, technique, market information, projects, problem solving, income measures' },
        { zh: '四帮：帮助分析落后原因、制定增收计划、解决生活困难、解决生产问题', en: 'Four helps: causes, income plan, living difficulties, production problems' },
        // 双培双带: 「乡领导、乡干部每人联带1-2项科技示范项目(点)…每人联带一名重点培养的致富能人中的先进分子」.
        { zh: '双培双带：乡干部每人联带1-2项示范项目(点)和一名重点培养的致富能人；村社干部和党员每人帮带一名重点扶持发展的党员', en: 'Double cultivation: 1-2 demonstration projects and one capable villager per township cadre; one member to mentor per village cadre and member' },
      ],
    },
    pairingRules: [
      {
        // 「每名乡干部联系一个致富明星户」: 乡长鲁维俭、副乡长张彩琴 linked such households too,
        // so township leaders (科级) count with township cadres.
        id: 'township-star',
        subject: { kind: 'cadre', ranks: ['township', 'section'] },
        target: { kind: 'household', categories: ['prosperity_star'] },
        min: 1,
        zh: '每名乡干部联系一个致富明星户',
        en: 'Each township cadre links one prosperity-star household',
      },
      {
        // 「每名村社干部联系一个思想保守户」; the seed calls them 难缠户 as well.
        id: 'village-conservative',
        subject: { kind: 'cadre', ranks: ['village'] },
        target: { kind: 'household', categories: ['conservative', 'difficult'] },
        min: 1,
        zh: '每名村社干部联系一个思想保守户',
        en: 'Each village cadre links one conservative household',
      },
      {
        // 「每名致富能力较强的党员联系一个经济落后户」: capable members are tagged on enrolment;
        // the seed also calls them 贫困户 (「主动深入贫困户家中」).
        id: 'member-behind',
        subject: { kind: 'cadre', ranks: ['party_member'], tag: 'capable' },
        target: { kind: 'household', categories: ['economically_behind', 'poor'] },
        roles: ['one_to_one', 'several_to_one'], // 「通过“一帮一”结对帮扶」
        min: 1,
        zh: '每名致富能力较强的党员联系一个经济落后户',
        en: 'Each capable party member links one economically-behind household',
      },
    ],
    coverage: [],
    capacities: [],
  },
};

export { bangXiangJieDuiZhuCun, guaBaoBang, lianCunLianHu };

export const programmeTemplates: ProgrammeTemplate[] = [xueLianJie, lianHuDaiChuang, guaBaoBang, lianCunLianHu, bangXiangJieDuiZhuCun];

export const templateByKey = (key: string): ProgrammeTemplate | null => programmeTemplates.find((t) => t.key === key) ?? null;
