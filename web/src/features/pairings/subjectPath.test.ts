import { describe, expect, it } from 'vitest';
import { subjectPath } from './RuleCheckPanel';

describe('a breach of the rule check clicks through to what it is about', () => {
  it('opens the household’s helpers, the cadre’s households, the place', () => {
    expect(subjectPath({ kind: 'household', id: 'h1' })).toBe('/households/h1?tab=helpers');
    expect(subjectPath({ kind: 'cadre', id: 'c1' })).toBe('/cadres/c1?tab=households');
    expect(subjectPath({ kind: 'village', id: '433124213209' })).toBe('/regions/433124213209');
    expect(subjectPath({ kind: 'person', id: 'x' })).toBeNull();
  });
});
