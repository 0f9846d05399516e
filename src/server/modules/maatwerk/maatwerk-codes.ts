// The codes of a provision's life, and the part of the iWmo 3.2 code lists (iwmo/iwmo-codes.ts, the
// one list of the standard's codes) a worker picks from, worded for the screens and the letter.
// Shared by the schemas and the web app.
import type { DecisionOutcome, DeliveryForm, ProvisionRequestStatus, RequestedBy } from '../../db/schema/maatwerk';
import type { ChangeReason as IwmoChangeReason, Frequency as IwmoFrequency, Unit as IwmoUnit } from './iwmo/iwmo-codes';

export const REQUESTED_BY = ['client', 'vertegenwoordiger', 'medewerker', 'aanbieder'] as const satisfies readonly RequestedBy[];
export const REQUESTED_BY_LABELS: Record<RequestedBy, string> = {
  client: 'De cliënt zelf',
  vertegenwoordiger: 'Een vertegenwoordiger van de cliënt',
  medewerker: 'Een medewerker van het buurtteam',
  aanbieder: 'Een aanbieder (verzoek om toewijzing)',
};

export const REQUEST_STATUSES = ['open', 'onderzocht', 'besloten', 'ingetrokken'] as const satisfies readonly ProvisionRequestStatus[];
export const REQUEST_STATUS_LABELS: Record<ProvisionRequestStatus, string> = {
  open: 'Onderzoek loopt',
  onderzocht: 'Onderzocht, besluit nodig',
  besloten: 'Besloten',
  ingetrokken: 'Ingetrokken',
};

export const DECISION_OUTCOMES = ['toegekend', 'deels_toegekend', 'afgewezen'] as const satisfies readonly DecisionOutcome[];
export const DECISION_OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  toegekend: 'Toegekend',
  deels_toegekend: 'Gedeeltelijk toegekend',
  afgewezen: 'Afgewezen',
};

export const DELIVERY_FORMS = ['zin', 'pgb'] as const satisfies readonly DeliveryForm[];
export const DELIVERY_FORM_LABELS: Record<DeliveryForm, string> = { zin: 'Zorg in natura', pgb: 'Persoonsgebonden budget (pgb)' };

/** The category (and product) of a persoonsgebonden budget in the code lists: paid through the SVB, never sent in a 301. */
export const PGB_CATEGORY = 'pgb';

/** iWmo WJ756 Eenheid. */
export const UNITS = ['01', '04', '14', '16', '82', '83', '84'] as const satisfies readonly IwmoUnit[];
export type Unit = (typeof UNITS)[number];
export const UNIT_LABELS: Record<Unit, string> = {
  '01': 'minuten',
  '04': 'uur',
  '14': 'etmalen',
  '16': 'dagdelen (4 uur)',
  '82': 'stuks (output)',
  '83': 'euro',
  '84': 'stuks (inspanning)',
};

/** iWmo WMO757 Frequentie. */
export const FREQUENCIES = ['1', '2', '4', '6'] as const satisfies readonly IwmoFrequency[];
export type Frequency = (typeof FREQUENCIES)[number];
export const FREQUENCY_LABELS: Record<Frequency, string> = { '1': 'per dag', '2': 'per week', '4': 'per maand', '6': 'in totaal' };

/** CS338: these units take a frequency per week, per month or in total. */
export const UNITS_WITHOUT_DAILY: readonly Unit[] = ['14', '16', '83', '84'];

/** iWmo WMO002 RedenWijziging: the ones Keukentafel writes. */
export const CHANGE_REASONS = ['02', '04', '05', '06', '07', '09', '12', '13', '14'] as const satisfies readonly IwmoChangeReason[];
export type ChangeReason = (typeof CHANGE_REASONS)[number];
export const CHANGE_REASON_LABELS: Record<ChangeReason, string> = {
  '02': 'Cliënt overleden',
  '04': 'Herbeoordeling: verlenging',
  '05': 'Herbeoordeling: verkorting',
  '06': 'Uitstroom naar een ander domein',
  '07': 'Verhuizing naar een andere gemeente',
  '09': 'Overstap naar een andere aanbieder',
  '12': 'Op verzoek van de aanbieder',
  '13': 'Verwijderd',
  '14': 'Administratieve correctie',
};
/** The reasons a worker gives for ending a toewijzing early (an extension is 04, a void 13). */
export const END_REASONS = ['05', '02', '06', '07', '09', '12', '14'] as const satisfies readonly ChangeReason[];
export const EXTENSION_REASON: ChangeReason = '04';
export const VOID_REASON: ChangeReason = '13';


/** "3 uur per week", "€ 1.250,00". */
export function omvangText(volume: number, unit: string, frequency: string): string {
  return `${volume} ${UNIT_LABELS[unit as Unit] ?? unit} ${FREQUENCY_LABELS[frequency as Frequency] ?? frequency}`;
}
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' });
export function budgetText(cents: number): string {
  return euro.format(cents / 100);
}
