// ZRM (zelfredzaamheidsmatrix): a case's assessments and what is due, a new assessment, and one
// client's assessments over time. Shapes as agreed with the server (zrm module).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { invalidate, queryKeys } from '../../app/query-keys';

export const ZRM_TYPES = ['nul', 'doel', 'periodiek', 'eind'] as const;
export type ZrmType = (typeof ZRM_TYPES)[number];

export interface ZrmAssessment {
  id: string;
  clientId: string;
  assessedOn: string;
  /** 'onbekend' only on imported history. */
  type: ZrmType | 'onbekend';
  /** Domain code → score 1..5; domains not scored are left out. */
  scores: Record<string, number>;
}

export interface ZrmDue {
  kind: string;
  dueOn: string;
  overdue: boolean;
  clientId?: string | null;
}

export interface CaseZrm {
  assessments: ZrmAssessment[];
  due: ZrmDue[];
}

export interface NewAssessment {
  clientId: string;
  assessedOn: string;
  type: ZrmType;
  scores: Record<string, number>;
}

export function useCaseZrm(caseId: string) {
  return useQuery({ queryKey: queryKeys.zrm.ofCase(caseId), queryFn: () => api.get<CaseZrm>(`/api/v1/cases/${encodeURIComponent(caseId)}/zrm`) });
}

/** GET /api/v1/clients/{id}/zrm: per domain of the matrix its points, oldest first (doel points included). */
export interface ClientZrm {
  clientId: string;
  domains: { code: string; label: string; points: { assessedOn: string; score: number; type: string; caseId: string }[] }[];
}

/** The per-domain points back into assessments (one per date, type and case), as the case page has them. */
export function assessmentsOf(data: ClientZrm): ZrmAssessment[] {
  const byKey = new Map<string, ZrmAssessment>();
  for (const domain of data.domains) {
    for (const point of domain.points) {
      const key = `${point.assessedOn}|${point.type}|${point.caseId}`;
      let assessment = byKey.get(key);
      if (!assessment) {
        assessment = { id: key, clientId: data.clientId, assessedOn: point.assessedOn, type: (point.type || 'onbekend') as ZrmAssessment['type'], scores: {} };
        byKey.set(key, assessment);
      }
      assessment.scores[domain.code] = point.score;
    }
  }
  return [...byKey.values()];
}

export function useClientZrm(clientId: string) {
  return useQuery({
    queryKey: queryKeys.zrm.ofClient(clientId),
    queryFn: async () => assessmentsOf(await api.get<ClientZrm>(`/api/v1/clients/${encodeURIComponent(clientId)}/zrm`)),
  });
}

export function useAddAssessment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewAssessment) => api.post<ZrmAssessment>(`/api/v1/cases/${encodeURIComponent(caseId)}/zrm`, body),
    // The case's and the client's assessments and what is due, Mijn dag's ZRM block, the ZRM report.
    onSuccess: () => void invalidate(queryClient, [queryKeys.zrm.all, queryKeys.work.all, queryKeys.reports.all]),
  });
}
