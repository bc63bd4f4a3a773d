import type { CreatePairingBody, HelperKind, PairingRole, TargetKind } from '../../api/pairings';

/** Each form of 结对: who helps (cadre, unit or branch) and what it may link (server: pairings/rules.ts roleShapes). */
export const roleShapes: Record<PairingRole, { helper: HelperKind; targets: TargetKind[] }> = {
  one_to_one: { helper: 'cadre', targets: ['household'] },
  several_to_one: { helper: 'cadre', targets: ['household'] },
  branch_helps: { helper: 'branch', targets: ['household'] },
  leader_point: { helper: 'cadre', targets: ['township', 'village', 'household', 'branch'] },
  unit_village: { helper: 'unit', targets: ['village'] },
  unit_township: { helper: 'unit', targets: ['township'] },
  unit_household: { helper: 'unit', targets: ['household'] },
  branch_pair: { helper: 'branch', targets: ['branch'] },
  resident: { helper: 'cadre', targets: ['village'] },
  person_to_person: { helper: 'cadre', targets: ['person'] },
};

/** The forms offered by hand (人帮人 needs a person register the system does not keep yet). */
export const handRoles: PairingRole[] = [
  'one_to_one',
  'several_to_one',
  'branch_helps',
  'leader_point',
  'unit_village',
  'unit_township',
  'unit_household',
  'branch_pair',
  'resident',
];

export interface PairingValues {
  role: PairingRole;
  helperId?: string;
  targetKind?: TargetKind;
  /** Household or branch id; the region code of a township or village. */
  targetId?: string;
  lead?: boolean;
  roundNo?: number | null;
  startOn?: string;
  note?: string;
}

/** The target kind a form takes when there is only one choice, else the one chosen if it fits. */
export function targetKindFor(role: PairingRole, chosen?: TargetKind): TargetKind {
  const targets = roleShapes[role].targets;
  return chosen && targets.includes(chosen) ? chosen : targets[0]!;
}

/** Which fields the form shows for a role: the target kind choice (挂点), the lead switch (几帮一), the round (驻村). */
export function fieldsFor(role: PairingRole) {
  return {
    helperKind: roleShapes[role].helper,
    chooseTargetKind: roleShapes[role].targets.length > 1,
    lead: role === 'several_to_one',
    round: role === 'resident',
  };
}

/** The body of POST /api/pairings from the form, with the id made when the form opened. */
export function createPairingBody(id: string, programmeId: string | null, v: PairingValues): CreatePairingBody {
  const f = fieldsFor(v.role);
  const targetKind = targetKindFor(v.role, v.targetKind);
  const body: CreatePairingBody = {
    id,
    programmeId,
    role: v.role,
    helperKind: f.helperKind,
    helperId: v.helperId ?? '',
    targetKind,
    targetId: v.targetId ?? '',
    startOn: v.startOn ?? '',
  };
  if (f.lead) body.lead = v.lead ?? false;
  if (f.round && v.roundNo) body.roundNo = v.roundNo;
  const note = v.note?.trim();
  if (note) body.note = note;
  return body;
}
