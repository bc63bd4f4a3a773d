import type { Income, IncomeItem } from '../../api/types';
import { fenToYuan, yuanToFen } from '../../app/money';

export type IncomeKind = IncomeItem['kind'];
export const incomeCategories = ['wages', 'production', 'transfer', 'property', 'other'] as const;
export const costCategories = ['production_cost', 'other_cost'] as const;
export type IncomeCategory = (typeof incomeCategories)[number] | (typeof costCategories)[number];

/** A line of the income form: amounts in yuan, as typed. */
export interface IncomeLine {
  kind: IncomeKind;
  category: IncomeCategory;
  label?: string;
  amount?: string | null;
}

export interface IncomeValues {
  year: number;
  memberCount?: number | null;
  items: IncomeLine[];
}

export const categoriesOf = (kind: IncomeKind): readonly IncomeCategory[] => (kind === 'income' ? incomeCategories : costCategories);

export function incomeValues(i: Income): IncomeValues {
  return {
    year: i.year,
    memberCount: i.memberCount,
    items: i.items.map((it) => ({ kind: it.kind, category: it.category, label: it.label, amount: String(fenToYuan(it.amountFen)) })),
  };
}

/** The items to send, in integer fen; lines without an amount are left out. */
export function incomeItems(lines: readonly (IncomeLine | undefined)[]): IncomeItem[] {
  const out: IncomeItem[] = [];
  for (const l of lines) {
    const fen = l ? yuanToFen(l.amount ?? null) : null;
    if (!l || fen === null) continue;
    const label = l.label?.trim() || undefined;
    if (l.kind === 'income')
      out.push({ kind: 'income', category: l.category as (typeof incomeCategories)[number], amountFen: fen, ...(label ? { label } : {}) });
    else out.push({ kind: 'cost', category: l.category as (typeof costCategories)[number], amountFen: fen, ...(label ? { label } : {}) });
  }
  return out;
}

/**
 * 人均纯收入 in fen: (income − costs) / people, rounded half away from zero to the fen, as the
 * server computes it (server/src/features/households/rules.ts, incomeTotals).
 */
export function perCapitaNetFen(items: readonly IncomeItem[], people: number): number | null {
  if (!Number.isInteger(people) || people < 1) return null;
  const net = items.reduce((s, i) => s + (i.kind === 'income' ? i.amountFen : -i.amountFen), 0);
  const sign = net < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(net) + people) / (2 * people));
}
