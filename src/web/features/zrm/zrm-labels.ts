// The ZRM level names (public names of the five levels; no cell texts) and the types of assessment.
import { z } from 'zod';
import { isoDate } from '../../../server/lib/date-fields';
import type { Option } from '../../app/fields';
import { ZRM_TYPES, type ZrmAssessment } from './api';

export const ZRM_LEVELS: Record<number, string> = {
  1: 'Acute problematiek',
  2: 'Niet zelfredzaam',
  3: 'Beperkt zelfredzaam',
  4: 'Voldoende zelfredzaam',
  5: 'Volledig zelfredzaam',
};

export const LEVEL_OPTIONS: Option[] = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} — ${ZRM_LEVELS[n]}` }));

export const TYPE_LABELS: Record<ZrmAssessment['type'], string> = {
  nul: 'Nulmeting',
  doel: 'Doel',
  periodiek: 'Periodiek',
  eind: 'Eindmeting',
  onbekend: 'Onbekend',
};

export const TYPE_OPTIONS: Option[] = ZRM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }));

/** The saved assessment, as the subject of a sentence: "De nulmeting van 1 december 2026 is opgeslagen." */
export const SAVED_LABELS: Record<string, string> = { nul: 'De nulmeting', doel: 'Het doel', periodiek: 'De periodieke meting', eind: 'De eindmeting' };

/** What is due, as a noun: "Nulmeting vóór 12 december 2026". */
export const DUE_LABELS: Record<string, string> = {
  nul: 'Nulmeting',
  nulmeting: 'Nulmeting',
  periodiek: 'Periodieke meting',
  eind: 'Eindmeting',
  eindmeting: 'Eindmeting',
};

/** The form's check before sending; the server checks again. */
export const newAssessmentBody = z.object({
  clientId: z.string().min(1, 'Kies de cliënt'),
  assessedOn: isoDate,
  type: z.enum(ZRM_TYPES, 'Kies de soort meting'),
  scores: z.record(z.string(), z.number().int().min(1).max(5)).refine((s) => Object.keys(s).length > 0, 'Geef bij minstens één leefgebied een score'),
});
