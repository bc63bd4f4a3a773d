import zhCN from '../../app/i18n/zh-CN';

export type CountKey = keyof typeof zhCN.imports.counts;

const checkKeys: CountKey[] = [
  'householdsToCreate',
  'householdsToUpdate',
  'householdsUnchanged',
  'membersToCreate',
  'membersToUpdate',
  'membersUnchanged',
  'cadresToCreate',
  'cadresToUpdate',
  'pairingsToCreate',
  'pairingsUnchanged',
  'heldBackRows',
];
const doneKeys: CountKey[] = [
  'householdsCreated',
  'householdsUpdated',
  'membersCreated',
  'membersUpdated',
  'cadresCreated',
  'cadresUpdated',
  'pairingsCreated',
  'pairingsUnchanged',
];

/** The counts of a job worth showing, in a fixed order: after the check, or after the import. */
export function countsOf(summary: Record<string, number> | null, stage: 'check' | 'done'): { key: CountKey; value: number }[] {
  if (!summary) return [];
  return (stage === 'check' ? checkKeys : doneKeys)
    .filter((k) => summary[k] !== undefined && (summary[k] > 0 || k !== 'heldBackRows'))
    .map((k) => ({ key: k, value: summary[k]! }));
}
