// The network around a household: who is there, what they do and could do. Shared with the web app.
import { z } from 'zod';
import { version } from '../../lib/number-fields';
import { optionalText, plainText } from '../../lib/text-fields';

export const NETWORK_KINDS = ['family', 'friend', 'neighbour', 'informal_carer', 'volunteer', 'professional', 'organisation'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
export const NETWORK_KIND_LABELS: Record<NetworkKind, string> = {
  family: 'Familie',
  friend: 'Vriend of vriendin',
  neighbour: 'Buur',
  informal_carer: 'Mantelzorger',
  volunteer: 'Vrijwilliger of maatje',
  professional: 'Professional',
  organisation: 'Organisatie',
};
/** The three groups of the werkkader: own network, organised informal help, professionals. */
export const NETWORK_GROUPS: Record<NetworkKind, 'eigen' | 'informeel' | 'professioneel'> = {
  family: 'eigen',
  friend: 'eigen',
  neighbour: 'eigen',
  informal_carer: 'eigen',
  volunteer: 'informeel',
  professional: 'professioneel',
  organisation: 'professioneel',
};
export const CLOSENESS_LABELS: Record<1 | 2 | 3, string> = { 1: 'Dichtbij', 2: 'Ertussenin', 3: 'Verder weg' };


export const networkFields = z.object({
  name: z.string().trim().min(1, 'Vul een naam in').max(200),
  kind: z.enum(NETWORK_KINDS, 'Kies wie dit is: familie, vriend, buur, mantelzorger, vrijwilliger, professional of organisatie'),
  relation: plainText(200),
  doesNow: plainText(2000),
  couldDo: plainText(2000),
  phone: optionalText(40),
  email: z
    .string()
    .trim()
    .refine((v) => v === '' || z.email().safeParse(v).success, 'Geen geldig e-mailadres')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  closeness: z.union([z.literal(1), z.literal(2), z.literal(3)], 'Kies hoe dichtbij: 1, 2 of 3').default(2),
});
export type NetworkFields = z.input<typeof networkFields>;

export const networkUpdate = networkFields.extend({ version });
export const networkDelete = z.object({ version });

export const networkMember = z.object({
  id: z.string(),
  caseId: z.string(),
  name: z.string(),
  kind: z.enum(NETWORK_KINDS),
  relation: z.string(),
  doesNow: z.string(),
  couldDo: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  closeness: z.number(),
  version: z.number(),
});
export type NetworkMember = z.infer<typeof networkMember>;
