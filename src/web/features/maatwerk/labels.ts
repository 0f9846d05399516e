// How the maatwerk screens word a legal term and a toewijzing's omvang.
import type { TermState } from '../../../server/modules/maatwerk/legal-terms';
import { budgetText, omvangText } from '../../../server/modules/maatwerk/maatwerk-codes';
import type { Provision } from './api';

export const TERM_STATE_LABELS: Record<TermState, string> = {
  op_tijd: 'loopt',
  bijna: 'bijna verlopen',
  te_laat: 'termijn verstreken',
  gehaald: 'op tijd',
  te_laat_gehaald: 'te laat',
};

/** The badge tone of a term: the colour only supports the words. */
export const TERM_STATE_TONE: Record<TermState, string> = { op_tijd: 'neutral', bijna: 'warning', te_laat: 'danger', gehaald: 'safe', te_laat_gehaald: 'warning' };

export function provisionSize(p: Pick<Provision, 'volume' | 'unit' | 'frequency' | 'budgetCents'>): string {
  if (p.budgetCents !== null) return budgetText(p.budgetCents);
  if (p.volume !== null && p.unit && p.frequency) return omvangText(p.volume, p.unit, p.frequency);
  return '–';
}

/** "1250,50" or "1.250" → 125050 cents; null when it is no amount. */
export function euroToCents(text: string): number | null {
  const clean = text.replace(/[€\s.]/g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}
