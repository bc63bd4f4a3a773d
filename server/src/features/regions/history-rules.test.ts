import { describe, expect, it } from 'vitest';
import { nameHistory, nextLocalCode, predecessorClosure, prefixesWithPredecessors, successionProblem, successorClosure, type SuccessionInput } from './history-rules.js';

// 补抽乡 (433124213): in 2012 兴中村 (901) and 渔龙村 (902), villages that no longer exist, went into 吉久村 (209).
const JIJIU = '433124213209';
const XINGZHONG = '433124213901';
const YULONG = '433124213902';
const edges = [
  { predecessorCode: XINGZHONG, successorCode: JIJIU },
  { predecessorCode: YULONG, successorCode: JIJIU },
];

describe('successor closure', () => {
  it("finds a merged village's predecessors, and theirs", () => {
    expect(predecessorClosure(edges, [JIJIU])).toEqual([XINGZHONG, YULONG]);
    const older = [...edges, { predecessorCode: '433124213903', successorCode: XINGZHONG }];
    expect(predecessorClosure(older, [JIJIU])).toEqual([XINGZHONG, YULONG, '433124213903']);
    expect(predecessorClosure(older, [YULONG])).toEqual([]);
  });
  it('finds where a region went', () => {
    expect(successorClosure(edges, [XINGZHONG])).toEqual([JIJIU]);
  });
  it('stops on a cycle rather than looping', () => {
    const loop = [
      { predecessorCode: 'a', successorCode: 'b' },
      { predecessorCode: 'b', successorCode: 'a' },
    ];
    expect(predecessorClosure(loop, ['a'])).toEqual(['b']);
  });
});

describe('prefixes of a region with its predecessors', () => {
  it("adds the merged villages' codes to 吉久村's own", () => {
    expect(prefixesWithPredecessors(edges, JIJIU)).toEqual([JIJIU, XINGZHONG, YULONG]);
  });
  it('needs nothing more for the township that holds them all', () => {
    expect(prefixesWithPredecessors(edges, '433124213000')).toEqual(['433124213']);
  });
  it('reaches a village of another township merged into one of this township', () => {
    const across = [{ predecessorCode: '433124206299', successorCode: JIJIU }];
    expect(prefixesWithPredecessors(across, '433124213000')).toEqual(['433124213', '433124206299']);
  });
  it('is the region alone when nothing went into it', () => {
    expect(prefixesWithPredecessors(edges, '433124213201')).toEqual(['433124213201']);
  });
});

const village = (code: string, validTo: string | null = null, validFrom: string | null = null) => ({ code, level: 'village' as const, validFrom, validTo });

describe('recording a merge or split', () => {
  const merge = (over: Partial<SuccessionInput> = {}): SuccessionInput => ({ kind: 'merge', predecessors: [village('620723107202'), village('620723107201')], successors: [village('620723107201')], on: '2012-06-01', ...over });
  it('takes 南台村 and 梨园村 into 梨园村', () => {
    expect(successionProblem(merge(), [])).toBeNull();
  });
  it('takes a split of one village into two', () => {
    expect(successionProblem({ kind: 'split', predecessors: [village('a')], successors: [village('b'), village('c')], on: '2012-06-01' }, [])).toBeNull();
  });
  it('refuses a merge into two regions, and one where nothing ends', () => {
    expect(successionProblem(merge({ successors: [village('x'), village('y')] }), [])?.field).toBe('successorCodes');
    expect(successionProblem(merge({ predecessors: [village('620723107201')] }), [])?.field).toBe('predecessorCodes');
  });
  it('refuses a region that ended on another day, and a successor gone by then', () => {
    expect(successionProblem(merge({ predecessors: [village('620723107202', '2010-01-01')] }), [])).toMatchObject({ field: 'predecessorCodes.0', message: { zh: '该区划已于 2010-01-01 撤销' } });
    expect(successionProblem(merge({ successors: [village('620723107201', '2012-06-01')] }), [])?.field).toBe('successorCodes.0');
  });
  it('refuses regions of different levels', () => {
    const township = { code: '620723107000', level: 'township' as const, validFrom: null, validTo: null };
    expect(successionProblem(merge({ successors: [township] }), [])?.field).toBe('successorCodes');
  });
  it('refuses a cycle: a region merged into one it came from', () => {
    expect(successionProblem({ kind: 'merge', predecessors: [village(JIJIU)], successors: [village(XINGZHONG)], on: '2015-01-01' }, edges)?.field).toBe('successorCodes.0');
  });
});

describe('local codes', () => {
  it('numbers villages that no longer exist from 901 under the township', () => {
    expect(nextLocalCode('433124213000', ['433124213201', '433124213209'])).toBe('433124213901');
    expect(nextLocalCode('433124213000', ['433124213901', '433124213902'])).toBe('433124213903');
  });
  it('numbers townships from 901 under the county', () => {
    expect(nextLocalCode('433124000000', ['433124213000'])).toBe('433124901000');
  });
  it('refuses anything but a county or township parent', () => {
    expect(() => nextLocalCode('433124213209', [])).toThrow();
  });
});

describe('names over time', () => {
  it('keeps the old name with its validity', () => {
    expect(nameHistory({ name: '梨园村', validFrom: null }, [{ oldName: '梨园大队', newName: '梨园村', on: '1984-01-01' }])).toEqual([
      { name: '梨园大队', validFrom: null, validTo: '1984-01-01' },
      { name: '梨园村', validFrom: '1984-01-01', validTo: null },
    ]);
  });
});
