import { describe, expect, it } from 'vitest';
import type { Member } from '../../api/types';
import { memberChanges, memberValues } from './memberForm';

const member: Member = {
  id: '019b76da-a800-7d2e-b421-9a4a8ab75144',
  householdId: '019b76da-a800-7d2e-b421-9a4a8ab75143',
  name: '王琴春',
  sex: 'female',
  idNumber: '433124********086X',
  relation: 'spouse',
  birthDate: '1973-09-09',
  birthYear: 1973,
  health: 'healthy',
  disability: null,
  education: 'none',
  schooling: null,
  labourAbility: 'full',
  isPartyMember: false,
  phone: '139****1234',
  status: 'active',
  statusChangedOn: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('a member update', () => {
  it('sends nothing when nothing changed, and never sends a masked value back', () => {
    const v = memberValues(member);
    expect(v.idNumber).toBeUndefined();
    expect(v.phone).toBeUndefined();
    expect(memberChanges(member, v)).toEqual({});
  });

  it('sends only the changed fields', () => {
    const v = { ...memberValues(member), education: 'primary' as const, disability: ' 肢体二级 ' };
    expect(memberChanges(member, v)).toEqual({ education: 'primary', disability: '肢体二级' });
  });

  it('sends a retyped ID number, and the former head’s relation when the member becomes head', () => {
    const v = { ...memberValues(member), idNumber: '43312419730909086x', relation: 'head' as const, formerHeadRelation: 'spouse' as const };
    expect(memberChanges(member, v)).toEqual({ idNumber: '43312419730909086X', relation: 'head', formerHeadRelation: 'spouse' });
  });
});
