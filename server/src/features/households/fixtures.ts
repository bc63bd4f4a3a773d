import { withCheckChar } from '../../platform/personal-data.js';

/**
 * Test and demo fixtures: valid GB 11643 ID numbers of 花垣县 (433124) people, and a household to
 * register. Birth is YYYYMMDD; the sequence's last digit is odd for men.
 */
export function idNumber(birth: string, seq: number, sex: 'male' | 'female', county = '433124'): string {
  const s = seq * 2 + (sex === 'male' ? 1 : 0);
  return withCheckChar(`${county}${birth}${String(s % 1000).padStart(3, '0')}`);
}

/** The same ID number with a wrong check character. */
export function withBadCheck(id: string): string {
  const last = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + last;
}

let seq = 0;
/** A fresh sequence number per call within a test file, so ID numbers never collide. */
export const nextSeq = () => ++seq;

/** A four-person household of 吉久村 for a request body: head, spouse, son, daughter. */
export function householdBody(regionCode: string, head = '石金林', more: Record<string, unknown> = {}) {
  const n = nextSeq();
  return {
    regionCode,
    phone: '13907431234',
    categories: ['poor'],
    povertyCauses: ['no_skills'],
    landMu: 3.5,
    livestock: [{ kind: '羊', head: 48 }],
    housing: 'dilapidated_c',
    members: [
      { name: head, relation: 'head', idNumber: idNumber('19650312', n, 'male'), phone: '13907435678' },
      { name: '龙春花', relation: 'spouse', idNumber: idNumber('19680520', n, 'female') },
      {
        name: `${head.slice(0, 1)}文斌`,
        relation: 'son',
        idNumber: idNumber('19901101', n, 'male'),
        education: 'junior',
        labourAbility: 'full',
      },
      { name: `${head.slice(0, 1)}秀梅`, relation: 'daughter', idNumber: idNumber('19950704', n, 'female'), schooling: 'graduated' },
    ],
    ...more,
  };
}
