// The two versions of the Zelfredzaamheid-Matrix (GGD Amsterdam): 11 domains (2010/2013, the
// default, the codes of codes.json) and 13 domains (2017). Only domain names: the cell texts are
// copyrighted and are loaded by an organisation with a licence (see setZrmDescriptions).
import codesFile from './codes.json' with { type: 'json' };

export const ZRM_MATRICES = {
  '2013': codesFile.zrm_domains,
  '2017': [
    { code: 'financien', label: 'Financiën' },
    { code: 'werk_opleiding', label: 'Werk & opleiding' },
    { code: 'tijdsbesteding', label: 'Tijdsbesteding' },
    { code: 'huisvesting', label: 'Huisvesting' },
    { code: 'huiselijke_relaties', label: 'Huiselijke relaties' },
    { code: 'geestelijke_gezondheid', label: 'Geestelijke gezondheid' },
    { code: 'lichamelijke_gezondheid', label: 'Lichamelijke gezondheid' },
    { code: 'middelengebruik', label: 'Middelengebruik' },
    { code: 'basale_adl', label: 'Basale ADL' },
    { code: 'instrumentele_adl', label: 'Instrumentele ADL' },
    { code: 'sociaal_netwerk', label: 'Sociaal netwerk' },
    { code: 'maatschappelijke_participatie', label: 'Maatschappelijke participatie' },
    { code: 'justitie', label: 'Justitie' },
  ],
} as const satisfies Record<string, readonly { code: string; label: string }[]>;
export type ZrmMatrix = keyof typeof ZRM_MATRICES;
