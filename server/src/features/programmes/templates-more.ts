/** Seed templates 002–004 (000 and 001 are in templates.ts, which lists all five). */
import type { ProgrammeTemplate, Requirements } from './model.js';

export const noRequirements: Requirements = {
  visitsPerHousehold: null,
  diaryPerCadre: null,
  problemsPerHousehold: null,
  difficultiesPerCadre: null,
  learning: null,
  mustVisit: null,
  duties: [],
};

/** 002 — 四川宝兴县「领导挂点、部门包村、干部帮户」(挂包帮), 2010–2012. */
export const guaBaoBang: ProgrammeTemplate = {
  key: 'gua-bao-bang',
  seed: '002',
  definition: {
    name: '领导挂点、部门包村、干部帮户（挂包帮）',
    regionCode: '511827000000', // 宝兴县
    period: { startOn: '2010-01-01', endOn: '2013-01-01' }, // 「从2010年起，连续3年」
    rounds: [],
    requirements: {
      ...noRequirements,
      duties: [
        // 「形成了3年帮扶规划和2010年具体帮扶措施」「制定对新宝村的年度帮扶计划和3年帮扶规划」.
        { zh: '包村单位为所包村制定3年帮扶规划和年度帮扶计划', en: 'Units write a 3-year plan and a yearly plan for their village' },
        // 「与该村2户帮扶户签订了帮扶协议书」「帮助制定脱贫致富计划110余个」.
        { zh: '与帮扶户签订帮扶协议书，帮助制定脱贫致富计划', en: 'Sign a help agreement with each household and draw up its plan out of poverty' },
      ],
    },
    pairingRules: [
      // 「明确县级领导干部定点联系一个乡镇、一个村(社区)、一户农村困难党员或贫困户、
      //   一户城市困难群众或一名城市下岗职工」 — all 26 county leaders.
      { id: 'leader-township', subject: { kind: 'cadre', ranks: ['county_leader'] }, target: { kind: 'township' }, roles: ['leader_point'], min: 1, zh: '每名县级领导定点联系一个乡镇', en: 'Each county leader links one township' },
      { id: 'leader-village', subject: { kind: 'cadre', ranks: ['county_leader'] }, target: { kind: 'village' }, roles: ['leader_point'], min: 1, zh: '每名县级领导定点联系一个村（社区）', en: 'Each county leader links one village' },
      {
        id: 'leader-rural-household',
        subject: { kind: 'cadre', ranks: ['county_leader'] },
        target: { kind: 'household', categories: ['party_member_hardship', 'poor'] },
        min: 1,
        zh: '每名县级领导联系一户农村困难党员或贫困户',
        en: 'Each county leader links one rural party member in hardship or poor household',
      },
      {
        id: 'leader-urban-household',
        subject: { kind: 'cadre', ranks: ['county_leader'] },
        target: { kind: 'household', categories: ['urban_hardship', 'laid_off'] },
        min: 1,
        zh: '每名县级领导联系一户城市困难群众或一名城市下岗职工',
        en: 'Each county leader links one urban household in hardship or laid-off worker',
      },
      // 「宝兴县64名正科级干部分别对口帮扶1户困难党员和1户贫困户」.
      { id: 'section-party-member', subject: { kind: 'cadre', ranks: ['section'] }, target: { kind: 'household', categories: ['party_member_hardship'] }, min: 1, zh: '每名正科级干部帮扶1户困难党员', en: 'Each section-level cadre helps one party member in hardship' },
      { id: 'section-poor', subject: { kind: 'cadre', ranks: ['section'] }, target: { kind: 'household', categories: ['poor'] }, min: 1, zh: '每名正科级干部帮扶1户贫困户', en: 'Each section-level cadre helps one poor household' },
      // 「县级各部门、企事业及驻宝兴单位负责人分别结对帮扶一户农村困难党员和一户困难群众」:
      // heads who are 正科级 already fall under the two rules above, so these apply to the others.
      { id: 'unit-head-party-member', subject: { kind: 'cadre', ranks: ['general'], tag: 'unit_head' }, target: { kind: 'household', categories: ['party_member_hardship'] }, min: 1, zh: '单位负责人结对帮扶一户农村困难党员', en: 'Each unit head helps one rural party member in hardship' },
      { id: 'unit-head-hardship', subject: { kind: 'cadre', ranks: ['general'], tag: 'unit_head' }, target: { kind: 'household', categories: ['hardship', 'poor', 'urban_hardship'] }, min: 1, zh: '单位负责人结对帮扶一户困难群众', en: 'Each unit head helps one household in hardship' },
      {
        // 「有帮扶能力的党员干部和职工，积极采取“一帮一”“几帮一”或“支部帮”等形式，帮扶1户困难党员或困难群众」.
        id: 'capable-helps-one',
        subject: { kind: 'cadre', ranks: ['general', 'party_member'], tag: 'capable' },
        target: { kind: 'household', categories: ['party_member_hardship', 'hardship', 'poor', 'urban_hardship'] },
        min: 1,
        zh: '有帮扶能力的党员干部和职工帮扶1户困难党员或困难群众',
        en: 'Each capable member or employee helps one party member or household in hardship',
      },
      // 部门包村: 省冶金地质勘查局 → 永富乡永和村, 县检察院 → 穆坪镇新宝村 (province and county units alike).
      { id: 'unit-village', subject: { kind: 'unit' }, target: { kind: 'village' }, roles: ['unit_village'], min: 1, zh: '每个帮扶部门包一个村', en: 'Each helping unit takes on one village' },
    ],
    coverage: [],
    capacities: [],
  },
};

/** 003 — 甘肃武山县「联村联户、为民富民」行动. */
export const lianCunLianHu: ProgrammeTemplate = {
  key: 'lian-cun-lian-hu',
  seed: '003',
  definition: {
    name: '联村联户、为民富民',
    regionCode: '620524000000', // 武山县
    period: { startOn: '2012-01-01', endOn: null }, // the seed is undated; Gansu launched the action in 2012
    rounds: [],
    requirements: {
      ...noRequirements,
      // 「五必到、五必访、十不准」: the seed names them without listing them, so mustVisit stays
      // empty for the administrator to fill in.
      duties: [
        { zh: '三走进、三下沉、三主动；五必到、五必访、十不准', en: 'Three go-intos, three sink-downs, three initiatives; five must-go, five must-visit, ten must-nots' },
        // 「住房条件、生产条件、受扶持情况、农户需求等4大项40多个小项」.
        { zh: '为每户联系贫困户填写《贫困户调查表》（住房、生产条件、受扶持情况、农户需求）', en: 'Fill in the poor-household survey for each linked household' },
        // 「以“八送”为主要内容的“春风行动”」.
        { zh: '八送：送政策、法律、文化、科技、项目、信息、健康、服务', en: 'Eight deliveries: policy, law, culture, science, projects, information, health, services' },
        { zh: '向联系户发放“民情连心卡”', en: 'Give each linked household a contact card' },
      ],
    },
    pairingRules: [
      // 联村: 「农业局针对所联系的王门村」「县司法局到洛门镇西坪村」.
      { id: 'unit-village', subject: { kind: 'unit' }, target: { kind: 'village' }, roles: ['unit_village'], min: 1, zh: '每个单位联系一个村', en: 'Each unit links one village' },
      {
        // 联户: 「全县2755名干部深入贫困村贫困户」 led by 「全体县级干部、646名科级干部」.
        // The seed gives no number of households per cadre: at least one.
        id: 'cadre-poor',
        subject: { kind: 'cadre', ranks: ['county_leader', 'section', 'general'] },
        target: { kind: 'household', categories: ['poor'] },
        min: 1,
        zh: '每名干部联系贫困户',
        en: 'Each cadre links poor households',
      },
    ],
    coverage: [],
    capacities: [],
  },
};

/** 004 — 贵州贵阳市「部门帮乡、支部结对、干部驻村」, rounds 2 and 3. */
export const bangXiangJieDuiZhuCun: ProgrammeTemplate = {
  key: 'bang-xiang-jie-dui-zhu-cun',
  seed: '004',
  definition: {
    name: '部门帮乡、支部结对、干部驻村',
    regionCode: '520100000000', // 贵阳市
    period: { startOn: '2012-09-29', endOn: null }, // from round 2 (「一年来」); round 1 is not described
    rounds: [
      // 「第二轮1170名驻村干部」「一年来」, summed up on 9月29日 (2013).
      { no: 2, name: '第二轮', startOn: '2012-09-29', endOn: '2013-09-29', plannedCount: 1170 },
      // 「当日，第三批955名驻村挂职干部立即奔赴挂帮联系点」; its length is not given: a year, like round 2.
      { no: 3, name: '第三轮', startOn: '2013-09-29', endOn: '2014-09-29', plannedCount: 955 },
    ],
    requirements: {
      ...noRequirements,
      // 「坚持“五必访”，即：困难户必访、党员户必访、科技致富户必访、信访户必访」: the report lists
      // four; 贫困户 count as 困难户. A resident cadre in the household's village covers it.
      mustVisit: { categories: ['hardship', 'poor', 'party_member_household', 'tech_prosperity', 'petitioner'], coveredByResident: true },
      duties: [
        { zh: '驻村干部履行“五大员”职责', en: "Resident cadres carry out the 'five roles'" },
        // 「除了执行好“五大员”职责外，还增加了…三项重点工作」 (round 3).
        { zh: '第三轮起：配合抓好党的群众路线教育实践活动、指导抓好村“两委”换届选举、扶持帮助村级集体经济发展', en: 'From round 3: the mass-line campaign, village committee elections, the collective economy' },
        // 「运用“五法”，即：关口前移法、各方帮扶法、生产发展法、集体会办法、政府救助法」.
        { zh: '化解信访矛盾运用“五法”：关口前移、各方帮扶、生产发展、集体会办、政府救助', en: 'Five methods for petitions and disputes' },
      ],
    },
    pairingRules: [
      // 部门帮乡: 「市、县两级877个帮扶部门」.
      { id: 'unit-township', subject: { kind: 'unit', levels: ['city', 'county'] }, target: { kind: 'township' }, roles: ['unit_township'], min: 1, zh: '每个市、县帮扶部门帮一个乡', en: 'Each city or county unit helps one township' },
      // 支部结对: named in the title; a unit's branch pairs with a village's branch.
      { id: 'branch-pair', subject: { kind: 'branch', of: 'unit' }, target: { kind: 'branch', of: 'village' }, roles: ['branch_pair'], min: 1, zh: '每个部门党支部与一个村党支部结对', en: "Each unit's branch pairs with a village branch" },
      // 干部驻村: 「省科技厅派驻乌当区百宜乡沙坝村的郭丹」 — one village per resident per round.
      { id: 'resident-village', subject: { kind: 'cadre', ranks: ['resident'] }, target: { kind: 'village' }, roles: ['resident'], min: 1, max: 1, zh: '每名驻村干部每轮驻一个村', en: 'Each resident cadre is posted to one village per round' },
    ],
    coverage: [],
    capacities: [],
  },
};
