import type { BranchRole, Cadre, CadreRank, CreateCadreBody, UpdateCadreBody } from '../../api/types';

/** The cadre form's values as antd holds them. */
export interface CadreValues {
  name: string;
  sex?: 'male' | 'female' | null;
  idNumber?: string;
  rank: CadreRank;
  title?: string;
  phone?: string;
  regionCode: string;
  unitId?: string | null;
  branchId?: string | null;
  branchRole?: BranchRole | null;
  status: 'active' | 'left';
}

const blank = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

/** The fields both forms send, trimmed; a branch role only with a branch. */
function fields(v: CadreValues) {
  return {
    name: v.name.trim(),
    sex: v.sex ?? null,
    rank: v.rank,
    title: blank(v.title),
    phone: blank(v.phone),
    regionCode: v.regionCode,
    unitId: v.unitId ?? null,
    branchId: v.branchId ?? null,
    branchRole: v.branchId ? (v.branchRole ?? null) : null,
  };
}

/** 新增干部: the id made once when the form opened, the ID number upper-cased, blanks left out. */
export function createCadreBody(id: string, v: CadreValues): CreateCadreBody {
  const f = fields(v);
  const idNumber = blank(v.idNumber)?.toUpperCase() ?? null;
  return Object.fromEntries(Object.entries({ id, ...f, idNumber }).filter(([, val]) => val !== null)) as CreateCadreBody;
}

/** 编辑干部: only what changed (nothing: an empty object), without the version. */
export function cadreChanges(cadre: Cadre, v: CadreValues): Omit<UpdateCadreBody, 'version'> {
  const next = { ...fields(v), status: v.status };
  return Object.fromEntries(Object.entries(next).filter(([k, val]) => cadre[k as keyof typeof next] !== val));
}

/** A new cadre's form: active, nothing else filled in. */
export const newCadreValues: Partial<CadreValues> = { status: 'active' };

export function cadreValues(cadre: Cadre): CadreValues {
  return {
    name: cadre.name,
    sex: cadre.sex,
    rank: cadre.rank,
    title: cadre.title ?? undefined,
    phone: cadre.phone ?? undefined,
    regionCode: cadre.regionCode,
    unitId: cadre.unitId,
    branchId: cadre.branchId,
    branchRole: cadre.branchRole,
    status: cadre.status,
  };
}
