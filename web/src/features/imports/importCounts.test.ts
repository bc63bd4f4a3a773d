import { describe, expect, it } from 'vitest';
import en from '../../app/i18n/en';
import zhCN from '../../app/i18n/zh-CN';
import { countsOf } from './importCounts';

describe('import counts', () => {
  it('shows a pairing import’s counts after the check and after the import, each with zh and en words', () => {
    const checked = countsOf({ pairingsToCreate: 3, pairingsUnchanged: 4, rowsToImport: 7 }, 'check');
    expect(checked).toEqual([
      { key: 'pairingsToCreate', value: 3 },
      { key: 'pairingsUnchanged', value: 4 },
    ]);
    expect(countsOf({ pairingsCreated: 0, pairingsUnchanged: 7 }, 'done').map((c) => c.key)).toEqual([
      'pairingsCreated',
      'pairingsUnchanged',
    ]);
    for (const key of ['pairingsToCreate', 'pairingsUnchanged', 'pairingsCreated'] as const) {
      expect(zhCN.imports.counts[key]).toBeTruthy();
      expect(en.imports.counts[key]).toBeTruthy();
    }
    expect(zhCN.imports.kinds.pairings).toBe('结对');
  });
  it('shows what a households check will really change: to create, to update and unchanged', () => {
    const checked = countsOf({ householdsToCreate: 0, householdsToUpdate: 1, householdsUnchanged: 356, membersToCreate: 0, membersToUpdate: 2, membersUnchanged: 1400, rowsToImport: 1402 }, 'check');
    expect(checked.map((c) => c.key)).toEqual(['householdsToCreate', 'householdsToUpdate', 'householdsUnchanged', 'membersToCreate', 'membersToUpdate', 'membersUnchanged']);
    expect(zhCN.imports.counts.householdsUnchanged).toBe('无变化的农户');
    expect(en.imports.counts.membersUnchanged).toBeTruthy();
  });
});
