// Triage (afbakening): where a registered question belongs. Pure domain rules, no I/O.

export const TRIAGE_OUTCOMES = ['generalist', 'other_team', 'jeugd_gezin', 'social_base', 'specialist', 'out_of_scope'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];

export const TRIAGE_LABELS: Record<TriageOutcome, string> = {
  generalist: 'Generalistische ondersteuning door dit buurtteam',
  other_team: 'Ander buurtteam (buurt van de bewoner)',
  jeugd_gezin: 'Buurtteam Jeugd & Gezin (problemen rond minderjarige kinderen overheersen)',
  social_base: 'Vrijwilligers of sociale basis (één enkelvoudige vraag)',
  specialist: 'Specialistische hulp (complex enkelvoudig probleem)',
  out_of_scope: 'Valt buiten de taak van het buurtteam',
};

/** What a buurtteam does not do (werkkader 2013); triage "out_of_scope" names one of these. */
export const OUT_OF_SCOPE_REASONS = {
  medische_behandeling: 'Medische behandeling',
  persoonlijke_verzorging: 'Persoonlijke verzorging',
  acute_crisisopvang: 'Acute crisisopvang',
  geen_postcode_of_intramuraal: 'Mensen zonder postcode of in een instelling (intramuraal)',
  gedwongen_kader: 'Gedwongen aanpak (drang en dwang)',
  schuldhulp_bewind: 'Schuldsanering, budgetbeheer of bewindvoering',
  arbeidstoeleiding: 'Gespecialiseerde arbeidstoeleiding',
  bewonersinitiatieven: 'Ondersteunen van bewonersinitiatieven',
} as const;
export type OutOfScopeReason = keyof typeof OUT_OF_SCOPE_REASONS;

/** Only generalist support by this team opens a case; every other outcome refers the resident on. */
export function opensCase(outcome: TriageOutcome): boolean {
  return outcome === 'generalist';
}

/** Every outcome but generalist support needs a referral advice, so the resident knows where to go. */
export function needsReferralAdvice(outcome: TriageOutcome): boolean {
  return outcome !== 'generalist';
}
