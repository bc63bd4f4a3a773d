import type { AcceptBody, Proposal } from '../../api/pairings';

/**
 * The assistant's review: which proposals are ticked (by their stable key). All start ticked; the
 * accept body carries a client id per item, made once per key so a retried accept does not pair twice.
 */
export function initialSelection(proposals: readonly Proposal[]): Set<string> {
  return new Set(proposals.map((p) => p.key));
}

export function toggle(selection: ReadonlySet<string>, key: string, on: boolean): Set<string> {
  const next = new Set(selection);
  if (on) next.add(key);
  else next.delete(key);
  return next;
}

export function toggleAll(proposals: readonly Proposal[], on: boolean): Set<string> {
  return on ? initialSelection(proposals) : new Set();
}

/** The accept body: the chosen proposals as received, in their order, each with its id. */
export function acceptItems(
  proposals: readonly Proposal[],
  selection: ReadonlySet<string>,
  idOf: (key: string) => string,
): AcceptBody['items'] {
  return proposals
    .filter((p) => selection.has(p.key))
    .map((p) => ({
      id: idOf(p.key),
      role: p.role,
      helperKind: p.helperKind,
      helperId: p.helperId,
      targetKind: p.targetKind,
      targetId: p.targetId,
      lead: p.lead,
      roundNo: p.roundNo,
      startOn: p.startOn,
    }));
}
