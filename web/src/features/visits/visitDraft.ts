import type { VisitKind } from './api';

/** What the visit form holds; kept in the browser until the visit is saved. */
export interface VisitDraft {
  householdIds?: string[];
  visitedOn: string;
  kind: VisitKind;
  discussed?: string;
  production?: string;
  life?: string;
  mood?: string;
}

const key = 'lianhu.visitDraft';

export function saveDraft(v: Partial<VisitDraft>) {
  try {
    localStorage.setItem(key, JSON.stringify(v));
  } catch {
    // private mode or full: the form still holds it
  }
}

export function loadDraft(): Partial<VisitDraft> | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== 'object') return null;
    const d = v as Partial<VisitDraft>;
    const typed = [d.discussed, d.production, d.life, d.mood].some((s) => typeof s === 'string' && s.trim() !== '');
    return typed || (d.householdIds?.length ?? 0) > 0 ? d : null;
  } catch {
    return null;
  }
}

export function clearDraft() {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing to clear
  }
}
