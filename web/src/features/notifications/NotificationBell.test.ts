import { describe, expect, it } from 'vitest';
import { linkOf } from './NotificationBell';

describe('where a notice leads', () => {
  const id = '019b76da-a800-7d2e-b421-9a4a8ab75150';
  it('takes a returned entry to the cadre’s diary page and a waiting one to the review page', () => {
    expect(linkOf({ kind: 'entry_returned', subjectType: 'diary_entry', subjectId: id })).toBe(`/diaries/${id}`);
    expect(linkOf({ kind: 'review_waiting', subjectType: 'diary_entry', subjectId: id })).toBe(`/reviews/${id}`);
    expect(linkOf({ kind: 'review_waiting', subjectType: 'user', subjectId: id })).toBe('/reviews');
  });
  it('takes diary reminders to the diary and visit reminders home', () => {
    expect(linkOf({ kind: 'diary_overdue', subjectType: 'cadre', subjectId: id })).toBe('/diaries');
    expect(linkOf({ kind: 'visits_due', subjectType: 'cadre', subjectId: id })).toBe('/');
  });
});
