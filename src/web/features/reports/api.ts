// The annual (or quarterly) report (GET /api/v1/reports/annual and its CSV twin), the ZRM report and
// the report Uitstroom (GET /api/v1/reports/flow and its CSV twin).
import { useQuery } from '@tanstack/react-query';
import type { PublishedAnnualReport } from '../../../server/modules/reports/reports.schemas';
import type { PublishedZrmReport } from '../../../server/modules/zrm/zrm.schemas';
import type { PublishedFlowReport } from '../../../server/modules/reports/flow-report.schemas';
import { api, query } from '../../app/api';
import { queryKeys } from '../../app/query-keys';

/** The report as the web app receives it: exact, or with small numbers suppressed (null) for the analyst. */
export type AnnualReport = PublishedAnnualReport;

export interface ReportParams {
  year: number;
  /** 1..4: the quarters up to and including this one; undefined: the whole year. */
  quarter?: number;
  /** A team code; undefined: the whole organisation. */
  team?: string;
}

function reportQuery(params: ReportParams): string {
  return query({ year: params.year, quarter: params.quarter, team: params.team });
}

export function useAnnualReport(params: ReportParams) {
  return useQuery({
    queryKey: queryKeys.reports.annual(params.year, params.quarter ?? null, params.team ?? null),
    queryFn: () => api.get<AnnualReport>(`/api/v1/reports/annual${reportQuery(params)}`),
  });
}

/** The CSV download of the same report (a plain link: the session cookie goes along). */
export function annualCsvUrl(params: ReportParams): string {
  return `/api/v1/reports/annual.csv${reportQuery(params)}`;
}

/** The ZRM report of a year; `team`: a team code, or '' for the whole organisation. */
export function useZrmReport(year: number, team: string) {
  return useQuery({ queryKey: queryKeys.reports.zrm(year, team), queryFn: () => api.get<PublishedZrmReport>(`/api/v1/reports/zrm${query({ year, team: team || undefined })}`) });
}

/** The report Uitstroom of a year, for the organisation or one team (a team code). */
export function useFlowReport(year: number, team: string | undefined) {
  return useQuery({ queryKey: queryKeys.reports.flow(year, team ?? null), queryFn: () => api.get<PublishedFlowReport>(`/api/v1/reports/flow${query({ year, team })}`) });
}

/** The CSV download of the report Uitstroom (a plain link: the session cookie goes along). */
export function flowCsvUrl(year: number, team: string | undefined): string {
  return `/api/v1/reports/flow.csv${query({ year, team })}`;
}
