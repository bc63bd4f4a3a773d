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
});
