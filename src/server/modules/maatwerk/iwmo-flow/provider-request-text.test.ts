import { describe, expect, it } from 'vitest';
import { providerRequestText } from './provider-request-text';
import type { RequestedProduct } from '../iwmo/read-inbound';

const record: RequestedProduct = {
  providerReference: 'VOT-1',
  decisionNumber: null,
  product: { category: '02', code: '02A01' },
  decisionStartOn: null,
  requestedStartOn: '2025-05-01',
  requestedEndOn: '2025-12-31',
  omvang: { volume: 4, unit: '04', frequency: '2' },
  budgetCents: null,
  referrer: { type: '02', name: null, agb: '01234567' },
  frameworkContract: null,
  comment: null,
};

describe('the request a provider asks for, in words', () => {
  it('names provider, product, omvang, period and referrer', () => {
    expect(providerRequestText(record, { providerName: 'Careyn', providerAgb: '98000006', productLabel: 'Individuele begeleiding', clientComment: 'Graag snel' })).toBe(
      'Verzoek om toewijzing van Careyn (AGB 98000006), referentie VOT-1: Individuele begeleiding (iWmo product 02A01), 4 uur per week, van 1 mei 2025 tot en met 31 december 2025. Verwijzer: Huisarts (AGB 01234567). Toelichting bij de cliënt: Graag snel',
    );
  });

  it('writes a generic request with a budget and an unknown provider', () => {
    const generic = { ...record, product: null, omvang: null, budgetCents: 125000, requestedEndOn: null, decisionNumber: 77, comment: 'Generiek' };
    const text = providerRequestText(generic, { providerName: null, providerAgb: '42420001', productLabel: null, clientComment: null });
    expect(text).toContain('van aanbieder met AGB-code 42420001');
    expect(text).toMatch(/ondersteuning naar keuze van de aanbieder, een budget van €\s1\.250,00, vanaf 1 mei 2025\./);
    expect(text).toContain('beschikking 77');
    expect(text).toContain('Toelichting bij het product: Generiek');
  });
});
