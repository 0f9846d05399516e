// What a provider's verzoek om toewijzing (iWmo 315) asks, as the Dutch sentence a worker reads on
// the request (pure). The request keeps the provider's words and numbers; the worker researches it.
import { budgetText, FREQUENCY_LABELS, omvangText, type Frequency } from '../maatwerk-codes';
import { REFERRER_TYPES } from '../iwmo/iwmo-codes';
import type { RequestedProduct } from '../iwmo/read-inbound';
import { dutchDate } from '../../../lib/dutch-dates';

export interface RequestTextContext {
  /** The provider's name from the code list, or null when its AGB code is not in it. */
  providerName: string | null;
  providerAgb: string;
  /** What the product is called in the code lists (or the iWmo category's name); null for a generic request (budget only). */
  productLabel: string | null;
  /** The Client's Commentaar of the 315, if any. */
  clientComment: string | null;
}

export function providerRequestText(record: RequestedProduct, context: RequestTextContext): string {
  const provider = context.providerName ? `${context.providerName} (AGB ${context.providerAgb})` : `aanbieder met AGB-code ${context.providerAgb}`;
  const product = record.product
    ? `${context.productLabel ?? 'ondersteuning'} (iWmo ${record.product.code ? `product ${record.product.code}` : `categorie ${record.product.category}`})`
    : 'ondersteuning naar keuze van de aanbieder';
  const amount = record.omvang
    ? record.omvang.unit === '83'
      ? // Eenheid 83: the volume is in eurocent (IV042).
        `${budgetText(record.omvang.volume)} ${FREQUENCY_LABELS[record.omvang.frequency as Frequency] ?? ''}`.trim()
      : omvangText(record.omvang.volume, record.omvang.unit, record.omvang.frequency)
    : record.budgetCents !== null
      ? `een budget van ${budgetText(record.budgetCents)}`
      : null;
  const period = record.requestedEndOn
    ? `van ${dutchDate(record.requestedStartOn)} tot en met ${dutchDate(record.requestedEndOn)}`
    : `vanaf ${dutchDate(record.requestedStartOn)}`;
  const referrerType = REFERRER_TYPES[record.referrer.type as keyof typeof REFERRER_TYPES] ?? `type ${record.referrer.type}`;
  const referrerWho = [record.referrer.name, record.referrer.agb ? `AGB ${record.referrer.agb}` : null].filter(Boolean).join(', ');
  const sentences = [
    `Verzoek om toewijzing van ${provider}, referentie ${record.providerReference}: ${product}${amount ? `, ${amount}` : ''}, ${period}.`,
    `Verwijzer: ${referrerType}${referrerWho ? ` (${referrerWho})` : ''}.`,
  ];
  if (record.decisionNumber !== null) sentences.push(`De aanbieder noemt beschikking ${record.decisionNumber}.`);
  if (record.comment) sentences.push(`Toelichting bij het product: ${record.comment}`);
  if (context.clientComment) sentences.push(`Toelichting bij de cliënt: ${context.clientComment}`);
  return sentences.join(' ');
}
