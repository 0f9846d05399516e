// A client's consent register and disclosures: list, record a consent, withdraw it, record a disclosure.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientConsents, Consent, ConsentFields, ConsentWithdrawal, Disclosure, DisclosureFields } from '../../../server/modules/consents/consents.schemas';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export type { ClientConsents, Consent, ConsentFields, Disclosure, DisclosureFields };

const clientPath = (clientId: string, what: 'consents' | 'disclosures') => `/api/v1/clients/${encodeURIComponent(clientId)}/${what}`;

export function useClientConsents(clientId: string) {
  return useQuery({ queryKey: queryKeys.consents.ofClient(clientId), queryFn: () => api.get<ClientConsents>(clientPath(clientId, 'consents')) });
}

/** After a change (or a 409): load the register again so forms work with the newest versions. */
export function useReloadConsents(clientId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queryKeys.consents.ofClient(clientId) });
}

/** A consent or disclosure shows in the register; recording it is in the client's access log. */
function useConsentsMutation<TBody, TResult>(clientId: string, send: (body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void invalidate(queryClient, [queryKeys.consents.ofClient(clientId), queryKeys.accessLog.all]) });
}

export function useRecordConsent(clientId: string) {
  return useConsentsMutation(clientId, (body: ConsentFields) => api.post<Consent>(clientPath(clientId, 'consents'), body));
}

export function useWithdrawConsent(clientId: string, consentId: string) {
  return useConsentsMutation(clientId, (body: ConsentWithdrawal) => api.post<Consent>(`/api/v1/consents/${encodeURIComponent(consentId)}/withdraw`, body));
}

export function useRecordDisclosure(clientId: string) {
  return useConsentsMutation(clientId, (body: DisclosureFields) => api.post<Disclosure>(clientPath(clientId, 'disclosures'), body));
}
