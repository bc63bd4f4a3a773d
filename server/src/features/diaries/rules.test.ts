import { describe, expect, it } from 'vitest';
import { afterReview, draftFromVisits, isEditable, newEntryProblem, plainText, sanitizeRichText, stripPersonalData } from './rules.js';

describe('rich text is sanitised to simple tags', () => {
  it('keeps paragraphs and emphasis, drops scripts, handlers, links and styles', () => {
    const dirty =
      '<p onclick="x()">走访<strong>龙</strong><script>alert(1)</script><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)><span style="color:red">红</span></p>';
    expect(sanitizeRichText(dirty)).toBe('<p>走访<strong>龙</strong>链接红</p>');
  });
  it('reads the plain words', () => {
    expect(plainText('<h3>标题</h3><p>一&nbsp;二</p>')).toBe('标题一 二');
  });
});

describe('a draft from the month’s visits', () => {
  it('writes one paragraph per visit in date order, with the situation, and room for reflections', () => {
    const html = draftFromVisits('2026-11', [
      {
        visitedOn: '2026-11-20',
        kind: 'farm_help',
        householdNames: ['龙文斌家'],
        discussed: null,
        situation: { production: '帮助收玉米' },
      },
      {
        visitedOn: '2026-11-03',
        kind: 'home_visit',
        householdNames: ['石金林家'],
        discussed: '养羊的打算',
        situation: { life: '住房安全', mood: '有信心' },
      },
    ]);
    expect(html).toBe(
      '<h3>2026年11月民情日记</h3><p><strong>11月3日</strong> 入户走访：石金林家。 谈了养羊的打算。 生活：住房安全。 思想：有信心。</p><p><strong>11月20日</strong> 帮耕帮畜：龙文斌家。 生产：帮助收玉米。</p><p>体会与下步打算：</p>',
    );
    expect(sanitizeRichText(html)).toBe(html);
  });
  it('escapes what cadres typed', () => {
    expect(
      draftFromVisits('2026-11', [
        { visitedOn: '2026-11-03', kind: 'meeting', householdNames: [], villageName: '吉久村', discussed: '<b>修路</b>', situation: {} },
      ]),
    ).toContain('谈了&lt;b&gt;修路&lt;/b&gt;');
  });
  it('says so when there were no visits', () => {
    expect(draftFromVisits('2026-02', [])).toContain('本月尚无走访记录');
  });
});

describe('personal data comes out before publication', () => {
  it('removes ID numbers and phones and masks members’ names', () => {
    const text = '<p>龙文斌（433124198001011234）家，电话13907431234，座机0743-5221234，妻子石花说文斌很勤快。</p>';
    expect(stripPersonalData(text, { names: ['龙文斌', '石花', '文斌'] })).toBe(
      '<p>龙某某（［身份证号已隐去］）家，电话［电话已隐去］，座机［电话已隐去］，妻子石某说文某很勤快。</p>',
    );
  });
  it('drops names altogether when the programme allows no surnames', () => {
    expect(stripPersonalData('石花家', { names: ['石花'], allowSurname: false })).toBe('某户家');
  });
  // Issue 12 #3: every variant that got through the first filter.
  const id = '433124198001011234';
  it.each([
    ['an ID split by spaces', '身份证 433124 19800101 1234 。', '身份证 ［身份证号已隐去］ 。'],
    ['an ID split by markup', '身份证<b>433124</b><b></b>198001011234。', '身份证［身份证号已隐去］。'],
    ['an ID in full-width digits', '身份证４３３１２４１９８００１０１１２３４。', '身份证［身份证号已隐去］。'],
    ['an ID with a zero-width space inside', `身份证${id.slice(0, 9)}\u200B${id.slice(9)}。`, '身份证［身份证号已隐去］。'],
    ['an ID with a final X in full width', '身份证43312419800101123Ｘ。', '身份证［身份证号已隐去］。'],
    ['an ID split by dashes', '身份证433124-1980-0101-1234。', '身份证［身份证号已隐去］。'],
    ['a phone with dots', '电话137.1234.0001。', '电话［电话已隐去］。'],
    ['a phone with em dashes', '电话137—1234—0001。', '电话［电话已隐去］。'],
    ['a phone in full width', '电话１３７１２３４０００１。', '电话［电话已隐去］。'],
    ['a phone with +86 and spaces', '电话+86 137 1234 0001。', '电话［电话已隐去］。'],
    ['a phone split by markup', '电话<strong>137</strong>12340001。', '电话［电话已隐去］。'],
    ['a phone with a zero-width joiner', '电话1371234\u200D0001。', '电话［电话已隐去］。'],
    ['a landline without separators', '座机074312345678。', '座机［电话已隐去］。'],
    ['a landline with a space', '座机0743 1234567。', '座机［电话已隐去］。'],
    ['a landline in brackets', '座机（0743）1234567。', '座机（［电话已隐去］。'],
    ['a name split by markup', '<p>龙<b>文</b>斌家</p>', '<p>龙某某家</p>'],
    ['a name with a zero-width space', '<p>龙\u200B文斌家</p>', '<p>龙某某家</p>'],
    ['a date next to a phone', '2026-03-12 13907431234', '2026-03-12 ［电话已隐去］'],
  ])('removes %s', (_label, text, expected) => {
    expect(stripPersonalData(text, { names: ['龙文斌'] })).toBe(expected);
  });
  it('leaves other numbers alone', () => {
    expect(stripPersonalData('2026年3月12日，2026-03-12，人均纯收入 3500.00 元，编号 JJ-088', { names: [] })).toBe('2026年3月12日，2026-03-12，人均纯收入 3500.00 元，编号 JJ-088');
    expect(stripPersonalData('养羊48只，收入3500元，2026年', { names: [] })).toBe('养羊48只，收入3500元，2026年');
  });
});

describe('the life of an entry', () => {
  it('is edited as a draft or when returned, never once submitted or accepted', () => {
    expect([isEditable('draft'), isEditable('returned'), isEditable('submitted'), isEditable('accepted')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it('is accepted or returned only when submitted; comments change nothing', () => {
    expect(afterReview('submitted', 'accept')).toEqual({ status: 'accepted' });
    expect(afterReview('submitted', 'return')).toEqual({ status: 'returned' });
    expect(afterReview('accepted', 'comment')).toEqual({ status: 'accepted' });
    expect(afterReview('accepted', 'return')).toHaveProperty('problem');
    expect(afterReview('draft', 'accept')).toHaveProperty('problem');
  });
  it('is not begun for a month to come, nor for a past month already accepted', () => {
    expect(newEntryProblem('2026-12', '2026-11', false)).not.toBeNull();
    expect(newEntryProblem('2026-10', '2026-11', true)).not.toBeNull();
    expect(newEntryProblem('2026-11', '2026-11', true)).toBeNull();
    expect(newEntryProblem('2026-10', '2026-11', false)).toBeNull();
  });
});
