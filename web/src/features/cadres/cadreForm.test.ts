import { describe, expect, it } from 'vitest';
import type { Cadre } from '../../api/types';
import { cadreChanges, cadreValues, createCadreBody, type CadreValues } from './cadreForm';

const id = '01934f5e-7a00-7000-8000-000000000001';
const typed: CadreValues = {
  name: ' 石秀英 ',
  sex: undefined,
  idNumber: ' 43312419880101002x ',
  rank: 'village',
  title: '  ',
  phone: '13574301234',
  regionCode: '433124213209',
  unitId: undefined,
  branchId: undefined,
  branchRole: 'member',
  status: 'active',
};

describe('the 新增干部 body', () => {
  it('carries the id made when the form opened, trimmed values, no blanks, the ID number upper-cased', () => {
    expect(createCadreBody(id, typed)).toEqual({
      id,
      name: '石秀英',
      idNumber: '43312419880101002X',
      rank: 'village',
      phone: '13574301234',
      regionCode: '433124213209',
    });
  });
  it('sends a branch role only with a branch', () => {
    expect(createCadreBody(id, { ...typed, branchId: 'b1' })).toMatchObject({ branchId: 'b1', branchRole: 'member' });
  });
  it('leaves the ID number out when none is typed', () => {
    expect(createCadreBody(id, { ...typed, idNumber: '' })).not.toHaveProperty('idNumber');
  });
});

describe('the 编辑干部 changes', () => {
  const cadre = {
    id,
    name: '石秀英',
    sex: 'female',
    rank: 'village',
    title: null,
    phone: '13574301234',
    unitId: null,
    branchId: null,
    branchRole: null,
    regionCode: '433124213209',
    status: 'active',
    version: 3,
  } as unknown as Cadre;

  it('are empty when nothing changed', () => {
    expect(cadreChanges(cadre, cadreValues(cadre))).toEqual({});
  });
  it('are only what changed, blanks as null', () => {
    expect(cadreChanges(cadre, { ...cadreValues(cadre), title: '妇女主任', phone: ' ', status: 'left' })).toEqual({
      title: '妇女主任',
      phone: null,
      status: 'left',
    });
  });
});
