import type { TFunction } from 'i18next';
import type { ProgrammeDefinition } from '../../api/programmes';

type Def = Pick<ProgrammeDefinition, 'requirements' | 'pairingRules' | 'coverage' | 'capacities'>;
type Subject = ProgrammeDefinition['pairingRules'][number]['subject'];

export interface RequirementSection {
  key: 'general' | 'rules' | 'coverage' | 'capacities' | 'duties';
  lines: string[];
}

/** Who a rule or a limit applies to, in words: 乡干部、科级干部 / 单位 / 村支部. */
export function subjectText(s: Subject, t: TFunction): string {
  if (s.kind === 'cadre') {
    const ranks = s.ranks.map((r) => t(`cadres.ranks.${r}`)).join('、');
    return s.tag ? `${ranks}（${t(`programmes.tagNames.${s.tag}`, { defaultValue: s.tag })}）` : ranks;
  }
  if (s.kind === 'unit') return t('programmes.subjects.unit');
  if (s.of === 'unit') return t('programmes.subjects.unitBranch');
  if (s.of === 'village') return t('programmes.subjects.villageBranch');
  return t('programmes.subjects.branch');
}

/**
 * A programme's requirements in plain words, in the current language: cadences (每月走访…),
 * 五必访 categories, each pairing rule's own sentence with its counts, coverage, limits and duties.
 * Empty sections are left out.
 */
export function requirementSections(def: Def, t: TFunction, categoryName: (code: string) => string, en = false): RequirementSection[] {
  const r = def.requirements;
  const per = (p: string) => t(`programmes.per.${p}` as 'programmes.per.month');
  const general: string[] = [];
  if (r.visitsPerHousehold)
    general.push(t('programmes.req.visits', { n: r.visitsPerHousehold.atLeast, per: per(r.visitsPerHousehold.per) }));
  if (r.diaryPerCadre) general.push(t('programmes.req.diary', { n: r.diaryPerCadre.atLeast, per: per(r.diaryPerCadre.per) }));
  if (r.problemsPerHousehold)
    general.push(t('programmes.req.problems', { n: r.problemsPerHousehold.atLeast, per: per(r.problemsPerHousehold.per) }));
  if (r.difficultiesPerCadre)
    general.push(t('programmes.req.difficulties', { n: r.difficultiesPerCadre.atLeast, per: per(r.difficultiesPerCadre.per) }));
  if (r.learning) general.push(t('programmes.req.learning', { n: r.learning.techniquesPerCadre }));
  if (r.mustVisit) {
    const cats = r.mustVisit.categories.map(categoryName).join(en ? ', ' : '、');
    general.push(t('programmes.req.mustVisit', { cats }) + (r.mustVisit.coveredByResident ? t('programmes.req.mustVisitResident') : ''));
  }

  const rules = def.pairingRules.map((rule) => {
    const counts = [t('programmes.req.atLeast', { n: rule.min })];
    if (rule.max !== null && rule.max !== undefined) counts.push(t('programmes.req.atMost', { n: rule.max }));
    return en ? `${rule.en} (${counts.join(', ')})` : `${rule.zh}（${counts.join('，')}）`;
  });
  const coverage = def.coverage.map((c) => (en ? c.en : c.zh));
  const capacities = def.capacities.map((c) =>
    t('programmes.req.capacity', { subject: subjectText(c.subject, t), max: c.max, target: t(`programmes.targets.${c.target}`) }),
  );
  const duties = r.duties.map((d) => (en && d.en ? d.en : d.zh));

  const sections: RequirementSection[] = [
    { key: 'general', lines: general },
    { key: 'rules', lines: rules },
    { key: 'coverage', lines: coverage },
    { key: 'capacities', lines: capacities },
    { key: 'duties', lines: duties },
  ];
  return sections.filter((s) => s.lines.length > 0);
}
